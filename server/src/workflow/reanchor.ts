import type { Core } from '@strapi/strapi';
import { LINK_UID, QUOTE_UID } from '../constants';
import { inLocale } from '../i18n/locale';
import { anchorsForDeleted, START_ANCHOR, type Paragraph } from '#shared/baca-juga/paragraphs';

/**
 * After an edit of a story's draft body: links and quotes anchored to a deleted paragraph
 * move to the paragraph before it. Links are flagged `needsReview` for the editor; moving
 * them silently could put a link where it no longer reads well. Only draft rows change: the
 * published story keeps its own body and anchors until it is published again. Edits, inserts
 * and reorders need nothing here, because anchors are paragraph ids, not positions.
 * A position test whose second slot went, or that the move left with one slot twice, ends
 * (its link keeps its first slot, flagged): its counts compared slots that no longer exist.
 */
export const reanchorDeleted = async (
  strapi: Core.Strapi,
  documentId: string,
  before: Paragraph[],
  after: Paragraph[],
  /** The edited version's locale where stories are localized: its parts only. */
  locale: string | null = null
) => {
  const moves = anchorsForDeleted(before, after);
  if (moves.size === 0) return;
  const now = new Date();

  const links: {
    id: number;
    afterParagraphId: string;
    variantAfterParagraphId: string | null;
    position: number | null;
  }[] = await strapi.db.query(LINK_UID).findMany({
    where: { sourceArticle: { documentId }, publishedAt: { $null: true }, ...inLocale(locale) },
    select: ['id', 'afterParagraphId', 'variantAfterParagraphId', 'position'],
    // Reading order (shared/baca-juga/order): moved links keep the order the editor saw.
    orderBy: [{ position: 'asc' }, { documentId: 'asc' }],
  });
  // Moved links go after those already standing in their new slot, in their old order.
  const nextPosition = new Map<string, number>();
  for (const link of links) {
    if (moves.has(link.afterParagraphId)) continue;
    const at = nextPosition.get(link.afterParagraphId) ?? 0;
    nextPosition.set(link.afterParagraphId, Math.max(at, (link.position ?? 0) + 1));
  }
  for (const link of links) {
    const anchor = moves.get(link.afterParagraphId);
    const second = link.variantAfterParagraphId || null;
    const endsTest = !!second && (moves.has(second) || (anchor !== undefined && anchor === second));
    if (!anchor && !endsTest) continue;
    const data: Record<string, unknown> = { needsReview: true, updatedAt: now };
    if (anchor) {
      const position = nextPosition.get(anchor) ?? 0;
      nextPosition.set(anchor, position + 1);
      Object.assign(data, { afterParagraphId: anchor, position });
    }
    if (endsTest) Object.assign(data, { variantAfterParagraphId: null, variantSince: null });
    await strapi.db.query(LINK_UID).update({ where: { id: link.id }, data });
  }

  // A quote stands beside a paragraph, so the start of the story is no place for it.
  const firstParagraph = after[0]?.id;
  const quotes: { id: number; paragraphId: string }[] = await strapi.db.query(QUOTE_UID).findMany({
    where: { article: { documentId }, publishedAt: { $null: true }, ...inLocale(locale) },
    select: ['id', 'paragraphId'],
  });
  for (const quote of quotes) {
    const moved = moves.get(quote.paragraphId);
    if (!moved) continue;
    const anchor = moved === START_ANCHOR ? firstParagraph : moved;
    if (!anchor) continue; // the story has no paragraph left: the quote keeps its old anchor
    await strapi.db.query(QUOTE_UID).update({
      where: { id: quote.id },
      data: { paragraphId: anchor, updatedAt: now },
    });
  }
};
