/**
 * Paragraphs and the anchors that stand between them. A story's body is a list of
 * paragraphs with stable ids; Baca Juga links stand after a paragraph (or at `start`, before
 * the first) and quotes beside one. Anchors are ids, not positions, so edits, inserts and
 * reorders of the body never move a link.
 */

import { fromJsonColumn } from '../json-column';

/** One paragraph of an article body, as stored in the `body` JSON column. */
export interface Paragraph {
  id: string;
  text: string;
}

/** Anchor of links placed before the first paragraph. */
export const START_ANCHOR = 'start';

export const MAX_PARAGRAPHS = 500;
export const MAX_PARAGRAPH_LENGTH = 20_000;
export const PARAGRAPH_ID_PATTERN = /^p-[a-z0-9]{6,32}$/;

/**
 * A fresh paragraph id: short, URL-safe, never reused. Web Crypto exists in the browser and
 * in Node 20 alike, so the admin and the server make ids the same way.
 */
export const newParagraphId = (): string => {
  const bytes = new Uint8Array(6);
  globalThis.crypto.getRandomValues(bytes);
  return `p-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
};

/**
 * A character a reader sees. Not whitespace of any kind (`White_Space`: the `\p{Zs}` spaces,
 * NBSP among them, tabs, line and paragraph separators), nor controls (`\p{Cc}`), nor format
 * characters (`\p{Cf}`: zero-width space and joiners, word joiner, soft hyphen, byte order
 * mark, bidi marks), nor the rest of Unicode's default-ignorable code points, which fonts draw
 * as nothing (Hangul fillers, variation selectors). Marks, letters, digits, punctuation and
 * symbols are seen.
 */
const VISIBLE = /[^\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/u;

/**
 * Whether a paragraph's text shows a reader anything: invisible characters alone do not make a
 * paragraph. The one rule for "empty" that the body check, the publish check and the editors
 * share.
 */
export const hasVisibleText = (text: string): boolean => VISIBLE.test(text);

/** Reads a stored body defensively: rows written before validation existed may be odd. */
export const readBody = (stored: unknown): Paragraph[] => {
  const value = fromJsonColumn(stored);
  return Array.isArray(value)
    ? value.filter(
        (p): p is Paragraph =>
          !!p && typeof p === 'object' && typeof p.id === 'string' && typeof p.text === 'string'
      )
    : [];
};

/**
 * Whether a stored body has nothing for a reader: no paragraph with visible text. Such a story
 * (a placeholder awaiting its copy, a draft not yet written) is never published.
 */
export const isEmptyStory = (stored: unknown): boolean =>
  !readBody(stored).some((paragraph) => hasVisibleText(paragraph.text));

/** Where a link may stand in this body: `start` or after one of its paragraphs. */
export const isLinkAnchor = (anchor: unknown, paragraphIds: ReadonlySet<string>) =>
  typeof anchor === 'string' && (anchor === START_ANCHOR || paragraphIds.has(anchor));

/** Where a quote may stand in this body: beside one of its paragraphs. */
export const isQuoteAnchor = (anchor: unknown, paragraphIds: ReadonlySet<string>) =>
  typeof anchor === 'string' && paragraphIds.has(anchor);

/** A problem with one paragraph of a body as it is stored, with its index; null when sound. */
export interface BodyProblem {
  index: number | null;
  field: 'id' | 'text' | null;
  message: string;
}

/**
 * What is wrong with a stored body, if anything: the same rules whatever wrote it (the
 * content manager, a clone, an import, a direct call). Writes normalise their input first;
 * this is checked on what was stored.
 */
export const bodyProblem = (stored: unknown): BodyProblem | null => {
  if (stored === null || stored === undefined) return null;
  if (!Array.isArray(stored))
    return { index: null, field: null, message: 'must be a list of paragraphs' };
  if (stored.length > MAX_PARAGRAPHS) {
    return { index: null, field: null, message: `at most ${MAX_PARAGRAPHS} paragraphs` };
  }
  const seen = new Set<string>();
  for (const [index, p] of stored.entries()) {
    if (!p || typeof p !== 'object')
      return { index, field: null, message: 'must be a paragraph object' };
    const { id, text } = p as { id?: unknown; text?: unknown };
    if (typeof text !== 'string') return { index, field: 'text', message: 'must be a string' };
    if (!hasVisibleText(text)) return { index, field: 'text', message: 'must not be empty' };
    if (text.length > MAX_PARAGRAPH_LENGTH) {
      return { index, field: 'text', message: `at most ${MAX_PARAGRAPH_LENGTH} characters` };
    }
    if (typeof id !== 'string' || !PARAGRAPH_ID_PATTERN.test(id)) {
      return { index, field: 'id', message: 'is not a paragraph id' };
    }
    if (seen.has(id)) return { index, field: 'id', message: 'repeats the id of another paragraph' };
    seen.add(id);
  }
  return null;
};

/**
 * Where each deleted paragraph's links and quotes go: after the nearest paragraph before it
 * that survived (reading order of the old body), else the start of the story.
 */
export const anchorsForDeleted = (before: Paragraph[], after: Paragraph[]) => {
  const survivors = new Set(after.map((p) => p.id));
  const moves = new Map<string, string>();
  let previous = START_ANCHOR;
  for (const paragraph of before) {
    if (survivors.has(paragraph.id)) previous = paragraph.id;
    else moves.set(paragraph.id, previous);
  }
  return moves;
};
