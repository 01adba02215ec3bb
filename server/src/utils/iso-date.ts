/** Dates as the API sends them: ISO strings (drivers return Date objects or strings). */
export const toIso = (value: string | Date | null | undefined): string | null =>
  value instanceof Date ? value.toISOString() : (value ?? null);
