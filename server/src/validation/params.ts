import { errors } from '@strapi/utils';
import { isVariant, type Variant } from '#shared/baca-juga/position-test';

const SLUG_PATTERN = /^[A-Za-z0-9-_.~]{1,200}$/;

/**
 * A 400 for a bad query or path parameter, named first in the message and in
 * `details.param` (body fields use `fieldError`, which reports a path instead).
 */
export const paramError = (param: string, message: string): never => {
  throw new errors.ValidationError(`${param}: ${message}`, { param });
};

/** A slug path parameter, or a 400 naming it (the value goes into a query, never into SQL text). */
export const parseSlug = (slug: unknown): string => {
  if (typeof slug !== 'string' || !SLUG_PATTERN.test(slug)) {
    return paramError('slug', 'must be a URL-safe article slug');
  }
  return slug;
};

/** A 400 for the first query parameter the route does not understand. */
export const assertOnlyParams = (query: Record<string, unknown>, allowed: readonly string[]) => {
  for (const param of Object.keys(query)) {
    if (!allowed.includes(param)) {
      paramError(
        param,
        'unknown query parameter' +
          (allowed.length ? `; expected ${allowed.join(', ')}` : '; this route takes none')
      );
    }
  }
};

/** A query parameter given at most once, as a plain string. */
export const single = (query: Record<string, unknown>, param: string): string | undefined => {
  const value = query[param];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return paramError(param, 'must be given once, as a plain value');
  return value;
};

/** An integer query parameter within bounds, or the fallback when absent. */
export const integer = (
  raw: string | undefined,
  param: string,
  min: number,
  max: number,
  fallback: number
) => {
  if (raw === undefined) return fallback;
  if (!/^\d{1,6}$/.test(raw)) return paramError(param, `must be an integer from ${min} to ${max}`);
  const value = Number(raw);
  if (value < min || value > max)
    return paramError(param, `must be an integer from ${min} to ${max}`);
  return value;
};

/** What a Strapi documentId looks like; anything else never reaches a query. */
export const DOCUMENT_ID_PATTERN = /^[a-z0-9]{1,64}$/i;

/** A documentId path or query parameter, or a 400 naming it. */
export const parseDocumentId = (value: unknown, param = 'documentId'): string => {
  if (typeof value !== 'string' || !DOCUMENT_ID_PATTERN.test(value)) {
    return paramError(param, 'must be a documentId');
  }
  return value;
};

/** `?variant=a|b`: the position-test variant a frontend gave its reader, or null without one. */
export const parseVariant = (query: Record<string, unknown>): Variant | null => {
  const value = single(query, 'variant');
  if (value === undefined) return null;
  return isVariant(value) ? value : paramError('variant', 'must be "a" or "b"');
};
