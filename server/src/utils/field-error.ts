import { errors } from '@strapi/utils';

type Path = (string | number)[];

/**
 * A 400 that names the field: Strapi turns a ValidationError into
 * `{ error: { status: 400, name: 'ValidationError', message, details: { errors } } }`
 * on every HTTP entry point, and callers of the Document Service get the same error.
 * `more` lists further problems of the same write, after the first.
 */
export const fieldError = (
  path: Path,
  message: string,
  more: { path: Path; message: string }[] = []
): never => {
  throw new errors.ValidationError(`${path.join('.')}: ${message}`, {
    errors: [{ path, message }, ...more].map((e) => ({
      path: e.path.map(String),
      message: e.message,
      name: 'ValidationError',
      value: undefined,
    })),
  });
};
