import { START_ANCHOR } from '../services/render/compose';
import type { Paragraph } from './paragraphs';

interface Placed {
  documentId: string;
  afterParagraphId: string;
  position: number;
}

/**
 * Links in reading order: the slot before the first paragraph, then each paragraph's slot,
 * then links whose paragraph is gone (where the public render shows them too, at the end).
 * documentId breaks ties, as in the render.
 */
export const placementOrder = <Link extends Placed>(links: Link[], paragraphs: Paragraph[]) => {
  const slot = new Map<string, number>([[START_ANCHOR, -1]]);
  paragraphs.forEach((p, index) => slot.set(p.id, index));
  const slotOf = (link: Placed) => slot.get(link.afterParagraphId) ?? paragraphs.length;
  return [...links].sort(
    (a, b) =>
      slotOf(a) - slotOf(b) || a.position - b.position || a.documentId.localeCompare(b.documentId)
  );
};
