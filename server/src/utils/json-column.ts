/** A JSON column as read with plain SQL: parsed by PostgreSQL's driver, text from SQLite. */
export const readJsonColumn = (value: unknown): any => {
  if (typeof value !== 'string') return value ?? null;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
};
