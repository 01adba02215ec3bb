import {
  MAX_PARAGRAPH_LENGTH,
  MAX_PARAGRAPHS,
  PARAGRAPH_ID_PATTERN,
  newParagraphId,
  type Paragraph,
} from '#shared/baca-juga/paragraphs';
import { fieldError as fail } from './field-error';

/**
 * Normalises whatever an entry point sends as `body` into `Paragraph[]`.
 *
 * Ids are the anchors of quotes and links, so an id that arrives is kept as long as it is
 * well-formed and unique; a paragraph without one (a new paragraph, a plain string from an
 * API client) gets a fresh id. Strapi recreates component rows on every save, which is why
 * the body is a JSON list carrying its own ids rather than a repeatable component.
 */
export const normalizeBody = (input: unknown): Paragraph[] => {
  if (input === null || input === undefined) return [];
  let value = input;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      fail(['body'], 'must be a list of paragraphs');
    }
  }
  if (!Array.isArray(value)) return fail(['body'], 'must be a list of paragraphs');
  if (value.length > MAX_PARAGRAPHS) fail(['body'], `at most ${MAX_PARAGRAPHS} paragraphs`);

  const seen = new Set<string>();
  return value.map((item: unknown, index: number): Paragraph => {
    const raw =
      typeof item === 'string' ? { text: item } : (item as { id?: unknown; text?: unknown } | null);
    if (!raw || typeof raw !== 'object') return fail(['body', index], 'must be a paragraph object');
    if (typeof raw.text !== 'string') return fail(['body', index, 'text'], 'must be a string');
    const text = raw.text.replace(/\r\n?/g, '\n').trim();
    if (!text) return fail(['body', index, 'text'], 'must not be empty');
    if (text.length > MAX_PARAGRAPH_LENGTH) {
      return fail(['body', index, 'text'], `at most ${MAX_PARAGRAPH_LENGTH} characters`);
    }
    let id = typeof raw.id === 'string' && PARAGRAPH_ID_PATTERN.test(raw.id) ? raw.id : '';
    if (!id || seen.has(id)) id = newParagraphId();
    seen.add(id);
    return { id, text };
  });
};
