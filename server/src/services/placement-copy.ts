import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../constants';
import { copyPlacement, type CopyReportEntry } from '#shared/baca-juga/copy-placement';
import {
  keptLinkInput,
  type Placement,
  type PlacementSaveOutcome,
} from '#shared/contracts/placement';
import { getService } from '../utils/get-service';

/**
 * "Copy placements from another locale" (shared/baca-juga/copy-placement): the translation's
 * own links stay, the original's are added by paragraph position, and the whole is one
 * placement save in the translation's locale: versioned (409 when it changed since the editor
 * read it), checked by the same rules as every other write, and reported link by link.
 */
const createPlacementCopyService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async copy(
    documentId: string,
    { from, to, version, userId }: { from: string; to: string; version: string; userId?: number }
  ): Promise<{
    placement: Placement;
    outcome: PlacementSaveOutcome;
    report: CopyReportEntry[];
  } | null> {
    const placement = getService(strapi, 'placement');
    const [source, target] = await Promise.all([
      placement.read(documentId, from),
      placement.read(documentId, to),
    ]);
    if (!source || !target) return null;
    const targetIds = source.links.flatMap((l) =>
      l.targetArticle ? [l.targetArticle.documentId] : []
    );
    const translated: { documentId: string }[] = targetIds.length
      ? await strapi.db.query(ARTICLE_UID).findMany({
          where: { documentId: { $in: targetIds }, locale: to },
          select: ['documentId'],
        })
      : [];
    const { links, report } = copyPlacement(
      {
        paragraphIds: source.paragraphs.map((p) => p.id),
        links: source.links.map((l) => ({
          documentId: l.documentId,
          targetDocumentId: l.targetArticle?.documentId ?? null,
          targetTitle: l.targetArticle?.title ?? null,
          url: l.url,
          label: l.label,
          afterParagraphId: l.afterParagraphId,
        })),
      },
      {
        paragraphIds: target.paragraphs.map((p) => p.id),
        linkedTargets: new Set(
          target.links.flatMap((l) => (l.targetArticle ? [l.targetArticle.documentId] : []))
        ),
        linkedUrls: new Set(target.links.flatMap((l) => (l.url ? [l.url] : []))),
        translated: new Set(translated.map((row) => row.documentId)),
      }
    );
    const body = {
      version,
      links: [
        // The translation's own links stay as they are.
        ...target.links.map(keptLinkInput),
        ...links.map((l) => ({ ...l, documentId: null, variantAfterParagraphId: null })),
      ],
    };
    const saved = await placement.save(documentId, body, userId, to);
    return saved && { ...saved, report };
  },
});

export type PlacementCopyService = ReturnType<typeof createPlacementCopyService>;
export default createPlacementCopyService;
