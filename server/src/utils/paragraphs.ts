import { randomBytes } from 'node:crypto';
import { fieldError as fail } from './field-error';

/** One paragraph of an article body, as stored in the `body` JSON column. */
export interface Paragraph {
  id: string;
  text: string;
}

export const MAX_PARAGRAPHS = 500;
export const MAX_PARAGRAPH_LENGTH = 20_000;
const ID_PATTERN = /^p-[a-z0-9]{6,32}$/;

/** A fresh paragraph id: short, URL-safe, and never reused for another paragraph. */
export const newParagraphId = (): string => `p-${randomBytes(6).toString('hex')}`;

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
    let id = typeof raw.id === 'string' && ID_PATTERN.test(raw.id) ? raw.id : '';
    if (!id || seen.has(id)) id = newParagraphId();
    seen.add(id);
    return { id, text };
  });
};

/** Reads a stored body defensively: rows written before validation existed may be odd. */
export const readBody = (stored: unknown): Paragraph[] =>
  Array.isArray(stored)
    ? stored.filter(
        (p): p is Paragraph =>
          !!p && typeof p === 'object' && typeof p.id === 'string' && typeof p.text === 'string'
      )
    : [];
