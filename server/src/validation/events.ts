import { validateYupSchemaSync, yup } from '@strapi/utils';
import { DOCUMENT_ID_PATTERN } from './params';
import { asFieldError, onlyKeys } from './yup-helpers';
import { VARIANTS, type Variant } from '#shared/baca-juga/position-test';

/** One reader event from a frontend, checked. */
export type ReaderEvent =
  | { type: 'view'; article: string; variant: Variant | null }
  | { type: 'click'; link: string; variant: Variant | null };

const documentId = (name: string) =>
  yup
    .string()
    .typeError(`must be a ${name} documentId`)
    .matches(DOCUMENT_ID_PATTERN, `must be a ${name} documentId`);

const eventSchema = yup
  .object({
    type: yup
      .string()
      .oneOf(['view', 'click'], 'must be "view" or "click"')
      .required('is required'),
    article: documentId('article').when('type', {
      is: 'view',
      then: (s) => s.required('is required for a view'),
      otherwise: (s) => s.strip(),
    }),
    link: documentId('RelatedLink').when('type', {
      is: 'click',
      then: (s) => s.required('is required for a click'),
      otherwise: (s) => s.strip(),
    }),
    variant: yup
      .string()
      .nullable()
      .oneOf([...VARIANTS, null], 'must be "a" or "b"'),
  })
  .typeError('must be an object')
  .test('only-known-keys', 'unknown field', onlyKeys(['type', 'article', 'link', 'variant']));

const batchSchema = (maxBatch: number) =>
  yup
    .object({
      events: yup
        .array(eventSchema)
        .typeError('must be a list of events')
        .required('must be a list of events')
        .min(1, 'must hold at least one event')
        .max(maxBatch, `must hold at most ${maxBatch} events`),
    })
    .typeError('must be an object')
    .test('only-known-keys', 'unknown field', onlyKeys(['events']));

/** The batch validator for the configured size, built once (the route is a hot path). */
let validator: { maxBatch: number; validate: (body: unknown) => unknown } | null = null;
const validatorFor = (maxBatch: number) => {
  if (validator?.maxBatch !== maxBatch) {
    validator = { maxBatch, validate: validateYupSchemaSync(batchSchema(maxBatch)) };
  }
  return validator.validate;
};

/**
 * `POST /api/newsroom/events`: `{ events: [...] }`, at most `maxBatch` events. The first
 * problem is a 400 naming its path ("events.3.link: must be a RelatedLink documentId").
 */
export const parseEvents = (body: unknown, maxBatch: number): ReaderEvent[] => {
  let parsed: { events: Record<string, unknown>[] };
  try {
    parsed = validatorFor(maxBatch)(body) as typeof parsed;
  } catch (error) {
    return asFieldError(error);
  }
  return parsed.events.map((e) => {
    const variant = (e.variant as Variant | null | undefined) ?? null;
    return e.type === 'view'
      ? { type: 'view', article: e.article as string, variant }
      : { type: 'click', link: e.link as string, variant };
  });
};
