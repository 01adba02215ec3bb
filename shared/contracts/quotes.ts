/**
 * An editor's decision on a quote's speaker, from the Baca Juga manager:
 * `PUT /newsroom/articles/:documentId/quotes/:quoteId/speaker`. The request is validated on the
 * server with this schema (through `validateYupSchemaSync` of `@strapi/utils`, the same yup);
 * the answer is checked by the admin with its schema, like every other admin route.
 *
 * Three decisions, each one step, each leaving the quote decided (`speakerConfirmed: true`,
 * `needsReview: false`), so that a re-import keeps it:
 * - `confirm`: the credit is right: the one the quote carries, else the importer's suggestion
 *   (#shared/quote-credit), which readers get from then on. Refused when neither names anyone.
 * - `correct`: the speaker is `speaker` (and `speakerRole`, none when empty or absent).
 * - `clear`: the story credits nobody the editor can name: speaker and role emptied. A wrong
 *   name is worse than none; cleared and confirmed, a re-import does not put it back.
 */
import * as yup from 'yup';
import type { InferType } from 'yup';
import { labelProblem } from '../baca-juga/text';
import { flag, record } from './fields';
import { placedQuoteSchema } from './placement';

export const SPEAKER_DECISIONS = ['confirm', 'correct', 'clear'] as const;
export type SpeakerDecision = (typeof SPEAKER_DECISIONS)[number];

const BODY_KEYS = ['version', 'decision', 'speaker', 'speakerRole'];

/** A speaker or a role: one line of plain text, at most 200 characters (as a link's label). */
const personText = () =>
  yup
    .string()
    .nullable()
    .typeError('must be a string')
    .test('one-line', 'must be one line of plain text', function (value) {
      const problem = typeof value === 'string' ? labelProblem(value.trim()) : null;
      return problem ? this.createError({ message: problem }) : true;
    });

/** Only a correction names someone: a speaker or role sent with another decision is refused. */
const onlyWhenCorrecting = (schema: ReturnType<typeof personText>) =>
  schema.when('decision', {
    is: 'correct',
    then: (s) => s,
    otherwise: (s) =>
      s.test('correct-only', 'is only sent with the decision "correct"', (v) => v === undefined),
  });

export const speakerDecisionBodySchema = yup
  .object({
    version: yup
      .string()
      .typeError('must be the version the quote was read at')
      .required('must be the version the quote was read at'),
    decision: yup
      .mixed<SpeakerDecision>()
      .oneOf([...SPEAKER_DECISIONS], `must be one of ${SPEAKER_DECISIONS.join(', ')}`)
      .required(`must be one of ${SPEAKER_DECISIONS.join(', ')}`),
    speaker: onlyWhenCorrecting(personText()).when('decision', {
      is: 'correct',
      then: (s) =>
        s.test(
          'named',
          'must name the speaker (to credit nobody, clear it)',
          (v) => typeof v === 'string' && v.trim().length > 0
        ),
    }),
    speakerRole: onlyWhenCorrecting(personText()),
  })
  // Named by the key itself ("publishedAt: unknown field"), as the other saves do.
  .test('only-known-keys', 'unknown field', function (value) {
    if (!value || typeof value !== 'object') return true;
    const unknown = Object.keys(value).find((key) => !BODY_KEYS.includes(key));
    return unknown === undefined ? true : this.createError({ path: unknown });
  });

/** The body the schema accepts (optional keys are optional here; yup's inference keeps them). */
export interface SpeakerDecisionBody {
  version: string;
  decision: SpeakerDecision;
  /** With `correct` only: the speaker to credit. */
  speaker?: string | null;
  /** With `correct` only: the speaker's role; none when empty or absent. */
  speakerRole?: string | null;
}

/**
 * What the decision did for readers. `live`: the story is published and the quote went live
 * with the decision. Otherwise it goes live when the story is next published (a draft story,
 * or a quote standing after a paragraph the published story does not have yet).
 */
export const speakerDecisionMetaSchema = record({ live: flag() });

/** The answer: the quote as stored after the decision, with its new version. */
export const speakerDecisionResponseSchema = record({
  data: placedQuoteSchema,
  meta: speakerDecisionMetaSchema,
});
export type SpeakerDecisionResponse = InferType<typeof speakerDecisionResponseSchema>;
