import { validateYupSchemaSync, yup } from '@strapi/utils';
import { DOCUMENT_ID_PATTERN } from './params';
import { LOCALE_PATTERN } from '../i18n/locale';
import { asFieldError, onlyKeys } from './yup-helpers';
import { assertListWithin } from './preflight';
import { VARIANTS, type Variant } from '#shared/baca-juga/position-test';

/** One reader event from a frontend, checked. */
export type ReaderEvent =
  | { type: 'view'; article: string; variant: Variant | null; locale?: string }
  | { type: 'click'; link: string; variant: Variant | null };

/** "must be an article documentId", "must be a RelatedLink documentId". */
const documentId = (name: 'article' | 'RelatedLink') => {
  const message = `must be ${name === 'article' ? 'an' : 'a'} ${name} documentId`;
  return yup.string().typeError(message).matches(DOCUMENT_ID_PATTERN, message);
};

const onlyEventKeys = onlyKeys(['type', 'article', 'link', 'variant', 'locale']);
/** The version read, where stories are localized (i18n/locale's pattern). */
const locale = yup
  .string()
  .typeError('must be a locale code such as "en"')
  .matches(LOCALE_PATTERN, 'must be a locale code such as "en"');
const variant = yup
  .string()
  .nullable()
  .oneOf([...VARIANTS, null], 'must be "a" or "b"');

/**
 * One schema per event type, picked by `type` (yup.lazy): a `when` condition on each field
 * would resolve a new schema for every field of every event, which made the check most of the
 * route's cost (20 events: 1.5 ms a batch; 0.3 ms so).
 */
const viewSchema = yup
  .object({
    type: yup.string(),
    article: documentId('article').required('is required for a view'),
    link: documentId('RelatedLink').strip(),
    variant,
    locale,
  })
  .test('only-known-keys', 'unknown field', onlyEventKeys);
const clickSchema = yup
  .object({
    type: yup.string(),
    article: documentId('article').strip(),
    link: documentId('RelatedLink').required('is required for a click'),
    variant,
    // A link belongs to one locale's version already.
    locale: locale.strip(),
  })
  .test('only-known-keys', 'unknown field', onlyEventKeys);
const untypedSchema = yup
  .object({
    type: yup
      .string()
      .oneOf(['view', 'click'], 'must be "view" or "click"')
      .required('is required'),
  })
  .typeError('must be an object');

const eventSchema = yup.lazy((event: unknown) => {
  const type = (event as { type?: unknown } | null)?.type;
  if (type === 'view') return viewSchema;
  if (type === 'click') return clickSchema;
  return untypedSchema;
});

const tooMany = (maxBatch: number) => `must hold at most ${maxBatch} events`;

const batchSchema = (maxBatch: number) =>
  yup
    .object({
      events: yup
        .array(eventSchema)
        .typeError('must be a list of events')
        .required('must be a list of events')
        .min(1, 'must hold at least one event')
        .max(maxBatch, tooMany(maxBatch)),
    })
    .typeError('must be an object')
    .test('only-known-keys', 'unknown field', onlyKeys(['events']));

/** The batch validator for the configured size, built once (the route is a hot path). */
let validator: { maxBatch: number; validate: (body: unknown) => unknown } | null = null;
const validatorFor = (maxBatch: number) => {
  if (validator?.maxBatch !== maxBatch) {
    // Only the first problem is reported: yup need not look for more.
    validator = {
      maxBatch,
      validate: validateYupSchemaSync(batchSchema(maxBatch), { abortEarly: true }),
    };
  }
  return validator.validate;
};

/**
 * `POST /api/newsroom/events`: `{ events: [...] }`, at most `maxBatch` events. The first
 * problem is a 400 naming its path ("events.3.link: must be a RelatedLink documentId").
 */
export const parseEvents = (body: unknown, maxBatch: number): ReaderEvent[] => {
  let parsed: { events: Record<string, unknown>[] };
  assertListWithin(body, 'events', maxBatch, tooMany(maxBatch));
  try {
    parsed = validatorFor(maxBatch)(body) as typeof parsed;
  } catch (error) {
    return asFieldError(error);
  }
  return parsed.events.map((e) => {
    const variant = (e.variant as Variant | null | undefined) ?? null;
    return e.type === 'view'
      ? {
          type: 'view',
          article: e.article as string,
          variant,
          ...(typeof e.locale === 'string' ? { locale: e.locale } : {}),
        }
      : { type: 'click', link: e.link as string, variant };
  });
};
