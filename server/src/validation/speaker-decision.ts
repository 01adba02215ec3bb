import { errors, validateYupSchemaSync } from '@strapi/utils';
import {
  speakerDecisionBodySchema,
  type SpeakerDecision,
  type SpeakerDecisionBody,
} from '#shared/contracts/admin';
import { asFieldError } from './yup-helpers';

/** A decision, normalised: what to store of the speaker, and the version it was made on. */
export interface ParsedSpeakerDecision {
  version: string;
  decision: SpeakerDecision;
  /** For `correct`: the speaker and role to store (trimmed; an empty role is none). */
  speaker: string | null;
  speakerRole: string | null;
}

// The contract's schema, as is: strict (no casting a number into a name), first problem only.
const validate = validateYupSchemaSync(speakerDecisionBodySchema, {
  strict: true,
  abortEarly: true,
});

const trimmed = (value: string | null | undefined) =>
  typeof value === 'string' ? value.trim() || null : null;

/** The body of a speaker decision, or a 400 naming its first bad field. */
export const parseSpeakerDecision = (body: unknown): ParsedSpeakerDecision => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new errors.ValidationError('body: must be a JSON object with version and decision');
  }
  let checked: SpeakerDecisionBody;
  try {
    checked = validate(body) as SpeakerDecisionBody;
  } catch (error) {
    return asFieldError(error);
  }
  return {
    version: checked.version,
    decision: checked.decision,
    speaker: trimmed(checked.speaker),
    speakerRole: trimmed(checked.speakerRole),
  };
};
