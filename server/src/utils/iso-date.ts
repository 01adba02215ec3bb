/** Dates as the API sends them: ISO strings (drivers return Date objects or strings). */
export const toIso = (value: string | Date | null | undefined): string | null =>
  value instanceof Date ? value.toISOString() : (value ?? null);

/**
 * A timestamp column read with raw SQL, as the Document Service serves it: an ISO string.
 * SQLite returns milliseconds (as a number or digits), PostgreSQL a Date.
 */
export const isoOrNull = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number') return new Date(value).toISOString();
  if (/^\d+$/.test(String(value))) return new Date(Number(value)).toISOString();
  return String(value);
};

/** A `date` column read with raw SQL: "YYYY-MM-DD" on every database. */
export const dateOnly = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
};
