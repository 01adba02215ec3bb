import { paramError } from './params';

/**
 * A 400 naming the first query parameter whose value holds a NUL character (`%00`), at any
 * depth (`filters[title][$eq]`). PostgreSQL text cannot hold one: the value reached the driver
 * and came back as a database error, a 500 (SQLite took it). Refused on both, so that a query
 * means the same on either.
 */
export const assertNoNulCharacters = (query: Record<string, unknown>) => {
  const walk = (value: unknown, at: string) => {
    if (typeof value === 'string') {
      if (value.includes('\u0000')) paramError(at, 'must not contain a NUL character');
      return;
    }
    if (!value || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) walk(child, `${at}[${key}]`);
  };
  for (const [param, value] of Object.entries(query)) walk(value, param);
};
