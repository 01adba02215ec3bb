/** One error of a GraphQL response, as Apollo sends it. */
interface SentError {
  message: string;
  locations?: unknown;
  path?: unknown;
  extensions?: Record<string, unknown>;
}

/**
 * Internal errors reduced to their code and place. A database error reaches a client through
 * GraphQL as Strapi's formatter leaves it: its message (`select … from … - invalid byte
 * sequence …`) in `extensions.error`, and in development, where Apollo adds stack traces,
 * again in `extensions.stacktrace`. The SQL, table and column names are the server's business;
 * the log keeps them (Strapi's formatter logs every internal error).
 */
export const hideInternalErrors = <E extends SentError>(errors: readonly E[]): SentError[] =>
  errors.map((error) =>
    error.extensions?.code === 'INTERNAL_SERVER_ERROR'
      ? {
          message: 'Internal Server Error',
          ...(error.locations ? { locations: error.locations } : {}),
          ...(error.path ? { path: error.path } : {}),
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        }
      : error
  );
