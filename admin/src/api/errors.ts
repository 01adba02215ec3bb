/**
 * What a failed request means to a screen. RTK Query hands the screens one of three shapes,
 * and `toApiError` is the one place that knows them:
 *
 * - the server answered with Strapi's error body: the admin baseQuery rejects with its `error`,
 *   `{ status, name, message, details }` (our 409 `ConflictError` included);
 * - the server answered without one (a proxy's 502 page): `{ name: 'UnknownError', message,
 *   status, details: <the response> }`;
 * - nothing usable came back (network failure) or a guard refused the answer: RTK Query
 *   serializes the thrown error to `{ name, message, stack }`, without a status.
 *
 * Pure (no Strapi imports), so the unit tests run it as it is.
 */

/** An API failure reduced to what the screens act on. */
export interface ApiError {
  /** HTTP status, or null when the request never got an answer (network, refused answer). */
  status: number | null;
  /** Strapi's error name: `ConflictError`, `ValidationError`, `ForbiddenError`, ... */
  name: string;
  message: string;
  details: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const toApiError = (error: unknown): ApiError => {
  if (!isRecord(error)) {
    return { status: null, name: 'Error', message: String(error), details: {} };
  }
  // An Error's name and message live on its prototype chain; read them as properties.
  const { status, name, message, details } = error as Record<string, unknown>;
  return {
    status: typeof status === 'number' ? status : null,
    name: typeof name === 'string' && name ? name : 'Error',
    message: typeof message === 'string' ? message : '',
    details: isRecord(details) ? details : {},
  };
};

/** For the hooks' `error` field, which is `undefined` while nothing failed. */
export const toApiErrorOrNull = (error: unknown): ApiError | null =>
  error === undefined || error === null ? null : toApiError(error);

/**
 * For a 400, the first invalid field's path, e.g. `['links', 2, 'url']`. Strapi's
 * ValidationError puts them in `details.errors[].path`.
 */
export const firstErrorPath = (error: ApiError): (string | number)[] | null => {
  const errors = error.details.errors;
  if (!Array.isArray(errors) || errors.length === 0) return null;
  const path = (errors[0] as { path?: unknown }).path;
  return Array.isArray(path)
    ? path.filter((p) => typeof p === 'string' || typeof p === 'number')
    : null;
};
