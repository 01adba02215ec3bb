/**
 * The editorial controls of a story's suggestions (#shared/baca-juga/suggestion-controls), as
 * the admin routes take and answer them:
 *
 * - `GET /newsroom/articles/:documentId/suggestion-controls?locale=`: the story's settings (scope
 *   tags, cap), its dismissals and pairs, and the newsroom's age limit;
 * - `PUT /newsroom/articles/:documentId/suggestion-settings?locale=`: `{ scopeTags, maxLinks }`;
 * - `POST /newsroom/articles/:documentId/suggestion-rules?locale=`: a dismissal or a pair,
 *   answered with the stored rule, whose id undoes it: 201 and `meta.created` true when this
 *   request stored it, 200 and false when it was stored already (only its creator undoes it);
 * - `DELETE /newsroom/suggestion-rules/:id`: the undo (or the list's "Restore").
 *
 * Requests are validated on the server with these schemas (`validateYupSchemaSync` of
 * `@strapi/utils`); answers are checked by the admin with theirs.
 */
import * as yup from 'yup';
import type { InferType } from 'yup';
import {
  DISMISS_REASONS,
  MAX_NOTE_LENGTH,
  MAX_SCOPE_TAGS,
  RULE_KINDS,
  type DismissReason,
  type RuleKind,
} from '../baca-juga/suggestion-controls';
import {
  count,
  flag,
  list,
  maybeText,
  nullableCount,
  nullableText,
  oneOf,
  record,
  text,
} from './fields';

export { DISMISS_REASONS, RULE_KINDS, type DismissReason, type RuleKind };

const RULE_KEYS = ['kind', 'candidate', 'reason', 'note'];
const SETTINGS_KEYS = ['scopeTags', 'maxLinks'];

/** Named by the key itself ("publishedAt: unknown field"), as the other saves do. */
const onlyKnown = (keys: string[]) =>
  function (this: yup.TestContext, value: unknown) {
    if (!value || typeof value !== 'object') return true;
    const unknown = Object.keys(value).find((key) => !keys.includes(key));
    return unknown === undefined ? true : this.createError({ path: unknown });
  };

const REASON = `must be one of ${DISMISS_REASONS.join(', ')}`;

export const suggestionRuleBodySchema = yup
  .object({
    kind: yup
      .mixed<RuleKind>()
      .oneOf([...RULE_KINDS], `must be one of ${RULE_KINDS.join(', ')}`)
      .required(`must be one of ${RULE_KINDS.join(', ')}`),
    candidate: yup
      .string()
      .typeError('must be the documentId of the suggested story')
      .required('must be the documentId of the suggested story')
      .max(64, 'must be the documentId of the suggested story'),
    // A dismissal says why; a pair is its own reason.
    reason: yup
      .mixed<DismissReason>()
      .nullable()
      .when('kind', {
        is: 'dismiss',
        then: (s) => s.oneOf([...DISMISS_REASONS], REASON).required(REASON),
        otherwise: (s) =>
          s.test('dismiss-only', 'is only sent with the kind "dismiss"', (v) => v == null),
      }),
    note: yup
      .string()
      .nullable()
      .typeError('must be text')
      .max(MAX_NOTE_LENGTH, `must be at most ${MAX_NOTE_LENGTH} characters`),
  })
  .test('only-known-keys', 'unknown field', onlyKnown(RULE_KEYS));
export type SuggestionRuleBody = InferType<typeof suggestionRuleBodySchema>;

export const suggestionSettingsBodySchema = yup
  .object({
    scopeTags: yup
      .array(
        yup
          .string()
          .typeError('must be a tag')
          .required('must be a tag')
          .max(100, 'must be at most 100 characters')
      )
      .typeError('must be a list of tags')
      .required('must be a list of tags (empty: no scope)')
      .max(MAX_SCOPE_TAGS, `must hold at most ${MAX_SCOPE_TAGS} tags`),
    // The upper bound is the newsroom's maxLinksPerArticle, checked by the server.
    maxLinks: yup
      .number()
      .nullable()
      .defined('must be a number of links, or null for no cap')
      .typeError('must be a number of links, or null for no cap')
      .integer('must be a whole number of links')
      .min(0, 'must be 0 or more'),
  })
  .test('only-known-keys', 'unknown field', onlyKnown(SETTINGS_KEYS));
export type SuggestionSettingsBody = InferType<typeof suggestionSettingsBodySchema>;

/** Who did something: the admin's name as it was then (null: not known). */
const actorFields = { name: nullableText() };

export const suggestionRuleSchema = record({
  id: count(),
  kind: oneOf(RULE_KINDS),
  /** The other story: the dismissed suggestion, or the pair's other half. */
  candidate: record({
    documentId: text(),
    /** Its title (the draft's); null when the story is gone. */
    title: maybeText(),
  }),
  reason: yup
    .mixed<DismissReason>()
    .nullable()
    .oneOf([...DISMISS_REASONS, null], `reason: expected one of ${DISMISS_REASONS.join(', ')}`)
    .defined('reason: expected a reason or null'),
  note: nullableText(),
  createdBy: record(actorFields),
  /** ISO 8601. */
  createdAt: text(),
});
export type SuggestionRule = InferType<typeof suggestionRuleSchema>;

export const suggestionSettingsSchema = record({
  scopeTags: list(text()),
  maxLinks: nullableCount(),
  /** ISO 8601 of the last change (null: never set). */
  updatedAt: nullableText(),
  updatedBy: record(actorFields),
});
export type SuggestionSettings = InferType<typeof suggestionSettingsSchema>;

export const suggestionControlsSchema = record({
  settings: suggestionSettingsSchema,
  /** The newsroom's age limit (config `suggestions.maxAgeDays`); 0: none. */
  maxAgeDays: count(),
  /** The newsroom's bound on any story's links: a cap above it means nothing. */
  maxLinksPerArticle: count(),
  /** The story's dismissals and pairs, newest first. */
  rules: list(suggestionRuleSchema),
});
export type SuggestionControls = InferType<typeof suggestionControlsSchema>;

export const suggestionControlsResponseSchema = record({ data: suggestionControlsSchema });
export const suggestionRuleResponseSchema = record({
  data: suggestionRuleSchema,
  meta: record({ created: flag() }),
});
export const suggestionSettingsResponseSchema = record({ data: suggestionSettingsSchema });
export const deletedRuleResponseSchema = record({ data: record({ id: count() }) });
