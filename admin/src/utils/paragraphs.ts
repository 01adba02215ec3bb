import { fromJsonColumn } from '#shared/json-column';

/** A paragraph as the content manager edits it; the server assigns ids it lacks. */
export interface ParagraphValue {
  id?: string;
  text: string;
}

/** A client-side id made as the server makes them, so a new paragraph can be referenced at once. */
export { newParagraphId } from '#shared/baca-juga/paragraphs';
/** What counts as text in a paragraph, as the server counts it. */
export { hasVisibleText } from '#shared/baca-juga/paragraphs';

export const toParagraphs = (value: unknown): ParagraphValue[] => {
  const parsed = fromJsonColumn(value);
  if (!Array.isArray(parsed)) return [];
  return parsed
    .map((item) => (typeof item === 'string' ? { text: item } : item))
    .filter((item): item is ParagraphValue => !!item && typeof item.text === 'string');
};

export const move = <T>(list: T[], from: number, to: number): T[] => {
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
};
