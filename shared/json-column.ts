/**
 * A JSON column's value as Strapi's Document Service serves it (`JSONField.fromDB` in
 * @strapi/database 5), for every place that reads one otherwise: rows read with plain SQL
 * (PostgreSQL's driver parses json and jsonb itself, SQLite hands back the text) and values an
 * editor's form holds. Written once so that a raw read and a Document Service read of the same
 * row never disagree: text is parsed (twice when it holds JSON text, as Strapi undoes its early
 * 5.0 releases' double encoding), and text that does not parse is served as it stands, so a
 * damaged row is judged as what it is (a bare string), never taken for an empty one.
 */
export const fromJsonColumn = (value: unknown): unknown => {
  if (typeof value !== 'string') return value ?? null;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'string' ? JSON.parse(parsed) : parsed;
  } catch {
    return value;
  }
};

/** A JSON column meant to hold a list (an aggregate of rows, tags): the list, or none. */
export const jsonList = (value: unknown): unknown[] => {
  const parsed = fromJsonColumn(value);
  return Array.isArray(parsed) ? parsed : [];
};

/**
 * Text an entry point sends as JSON (a body or tags as one string): its value, or `undefined`
 * when it does not parse, for the caller to refuse in its own words.
 */
export const parseJsonText = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
