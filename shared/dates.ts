/**
 * Timestamps as every layer hands them over, read one way. The Document Service serves ISO
 * strings; a raw read gives a `Date` on PostgreSQL and milliseconds on SQLite (a number, or
 * digits when a driver or an aggregate turns them into text); the admin gets ISO strings back
 * from the API. Anything else (an empty string, text that is no date) is no time at all: an
 * unreadable date is left out rather than passed on as it came.
 */
export const toDate = (value: unknown): Date | null => {
  if (value === null || value === undefined || value === '') return null;
  const date =
    value instanceof Date
      ? value
      : typeof value === 'number' || /^\d+$/.test(String(value))
        ? new Date(Number(value))
        : new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date;
};

/** Milliseconds since the epoch, or null (see `toDate`). */
export const toMillis = (value: unknown): number | null => toDate(value)?.getTime() ?? null;

/** A timestamp as the API sends it: an ISO string, or null (see `toDate`). */
export const toIso = (value: unknown): string | null => toDate(value)?.toISOString() ?? null;

/**
 * A `date` column (a news date: "YYYY-MM-DD", no time of day) as the API sends it. Strapi reads
 * it as that text on both databases; a `Date` (a driver without Strapi's date parser) is read
 * in UTC, where the text was written.
 */
export const toDateOnly = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  }
  const text = String(value).slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null;
};
