import { START_ANCHOR, type Paragraph } from './paragraphs';

interface Placed {
  documentId: string;
  afterParagraphId: string;
  position?: number | null;
}

/**
 * Within one slot: by position, then documentId (row ids differ between a draft and its
 * published copy, so they cannot break ties).
 */
export const byPosition = (a: Placed, b: Placed) =>
  (a.position ?? 0) - (b.position ?? 0) || a.documentId.localeCompare(b.documentId);

/**
 * Links in reading order: the slot before the first paragraph, then each paragraph's slot,
 * then links whose paragraph is gone (the manager shows them last, flagged; readers never
 * see them, see `readerView`).
 */
export const placementOrder = <Link extends Placed>(links: Link[], paragraphs: Paragraph[]) => {
  const slot = new Map<string, number>([[START_ANCHOR, -1]]);
  paragraphs.forEach((p, index) => slot.set(p.id, index));
  const slotOf = (link: Placed) => slot.get(link.afterParagraphId) ?? paragraphs.length;
  return [...links].sort((a, b) => slotOf(a) - slotOf(b) || byPosition(a, b));
};
