import { errors } from '@strapi/utils';

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
