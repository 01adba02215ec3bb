import { errors, yup } from '@strapi/utils';
import { fieldError } from '../utils/field-error';

/**
 * Refusing unknown keys keeps a client from smuggling publishedAt, createdBy and friends; the
 * error names the key itself ("links.2.publishedAt: unknown field").
 */
export const onlyKeys = (keys: readonly string[]) =>
  function (this: yup.TestContext, value: unknown) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return true;
    const unknown = Object.keys(value).find((key) => !keys.includes(key));
    if (unknown === undefined) return true;
    return this.createError({
      path: this.path ? `${this.path}.${unknown}` : unknown,
      message: 'unknown field',
    });
  };

/** The first problem of a yup refusal, as the plugin's other 400s say it: path first. */
export const asFieldError = (error: unknown): never => {
  if (!(error instanceof errors.ValidationError)) throw error;
  const first = (error.details as { errors?: { path: string[]; message: string }[] })?.errors?.[0];
  if (!first) throw error;
  return fieldError(first.path, first.message);
};
