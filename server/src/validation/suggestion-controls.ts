import { errors, validateYupSchemaSync } from '@strapi/utils';
import {
  suggestionRuleBodySchema,
  suggestionSettingsBodySchema,
  type SuggestionRuleBody,
  type SuggestionSettingsBody,
} from '#shared/contracts/admin';
import { asFieldError } from './yup-helpers';

// The contract's schemas, as they are: strict (no casting "3" into a cap), first problem only.
const validateRule = validateYupSchemaSync(suggestionRuleBodySchema, {
  strict: true,
  abortEarly: true,
});
const validateSettings = validateYupSchemaSync(suggestionSettingsBodySchema, {
  strict: true,
  abortEarly: true,
});

const asObject = (body: unknown, what: string) => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new errors.ValidationError(`body: must be a JSON object with ${what}`);
  }
  return body;
};

/** A dismissal or a pair to store, or a 400 naming its first bad field. */
export const parseSuggestionRule = (body: unknown): SuggestionRuleBody => {
  try {
    return validateRule(asObject(body, 'kind and candidate')) as SuggestionRuleBody;
  } catch (error) {
    return asFieldError(error);
  }
};

/** A story's scope tags and cap, or a 400 naming its first bad field. */
export const parseSuggestionSettings = (body: unknown): SuggestionSettingsBody => {
  try {
    return validateSettings(asObject(body, 'scopeTags and maxLinks')) as SuggestionSettingsBody;
  } catch (error) {
    return asFieldError(error);
  }
};
