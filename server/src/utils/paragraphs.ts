import { parseJsonText } from '#shared/json-column';
import { PARAGRAPH_ID_PATTERN, newParagraphId, type Paragraph } from '#shared/baca-juga/paragraphs';

/**
 * Tidies whatever an entry point sends as `body` into `Paragraph[]` where it can: a JSON
 * string is parsed, a plain string in a list becomes a paragraph, line endings are unified and
 * NUL characters dropped, text is
 * trimmed, and a paragraph without a sound, unique id gets a fresh one. Ids are the anchors of
 * quotes and links, so an id that arrives is kept as long as it is well-formed and unique.
 * Strapi recreates component rows on every save, which is why the body is a JSON list carrying
 * its own ids rather than a repeatable component.
 *
 * Whether the result may be stored (a list, at most 500 paragraphs, none empty or too long) is
 * not decided here but on what was stored, by `bodyProblem` (shared/baca-juga/paragraphs),
 * for every write: what this cannot tidy is left as it came, for that check to refuse.
 */
export const normalizeBody = (input: unknown): unknown => {
  if (input === null || input === undefined) return [];
  let value: unknown = input;
  if (typeof value === 'string') {
    value = parseJsonText(value);
    // Stored as the JSON string it is (a JSON column cannot hold bare text), to be refused.
    if (value === undefined) return JSON.stringify(input);
  }
  if (!Array.isArray(value)) return value;
  const seen = new Set<string>();
  return value.map((item: unknown): Paragraph | unknown => {
    const raw =
      typeof item === 'string' ? { text: item } : (item as { id?: unknown; text?: unknown } | null);
    if (!raw || typeof raw !== 'object' || typeof raw.text !== 'string') return item;
    // NUL is no text (and PostgreSQL cannot store it in JSON): it goes with the line endings.
    const text = raw.text.replace(/\r\n?/g, '\n').split('\u0000').join('').trim();
    let id = typeof raw.id === 'string' && PARAGRAPH_ID_PATTERN.test(raw.id) ? raw.id : '';
    if (!id || seen.has(id)) id = newParagraphId();
    seen.add(id);
    return { id, text };
  });
};
