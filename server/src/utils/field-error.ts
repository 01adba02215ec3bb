import { errors } from '@strapi/utils';

/**
 * A 400 that names the field: Strapi turns a ValidationError into
 * `{ error: { status: 400, name: 'ValidationError', message, details: { errors } } }`
 * on every HTTP entry point, and callers of the Document Service get the same error.
 */
export const fieldError = (path: (string | number)[], message: string): never => {
  throw new errors.ValidationError(`${path.join('.')}: ${message}`, {
    errors: [{ path: path.map(String), message, name: 'ValidationError', value: undefined }],
  });
};
