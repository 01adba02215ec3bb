import type { Core } from '@strapi/strapi';
import type { HistoryEntry, HistoryResponse, LinkTarget } from '#shared/contracts/admin';
import { placementChanges, summarizeChanges } from '#shared/baca-juga/placement-history';
import { articleStatus } from '#shared/baca-juga/status';
import { ARTICLE_UID, PLUGIN_ID } from '../constants';
import type { NewsroomConfig } from '../config';
import { readHistory } from '../database/placement-history';
import { readPublishedImages } from '../database/lead-images';
import { inLocale, localeOrDefault } from '../i18n/locale';

interface ArticleRow {
  documentId: string;
  title: string | null;
  slug: string | null;
  placeholder: boolean | null;
  updatedAt: unknown;
  publishedAt: unknown;
}

/** The placement history of a story's version, as the manager's History shows it. */
const createPlacementHistoryService = ({ strapi }: { strapi: Core.Strapi }) => {
  const bounds = () => (strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig).history;

  /** These stories as they are now in `locale`, both versions read at once. */
  const targetsOf = async (documentIds: string[], locale: string | null): Promise<LinkTarget[]> => {
    if (documentIds.length === 0) return [];
    const rows: ArticleRow[] = await strapi.db.query(ARTICLE_UID).findMany({
      where: { documentId: { $in: documentIds }, ...inLocale(locale) },
      select: ['documentId', 'title', 'slug', 'placeholder', 'updatedAt', 'publishedAt'],
    });
    const drafts = rows.filter((r) => !r.publishedAt);
    const published = new Map(rows.filter((r) => r.publishedAt).map((r) => [r.documentId, r]));
    // A restored link's card shows the picture readers see with it: the published version's.
    const images = await readPublishedImages(strapi, documentIds, locale);
    return drafts.map((draft) => {
      const live = published.get(draft.documentId);
      return {
        documentId: draft.documentId,
        title: draft.title,
        slug: draft.slug,
        status: articleStatus(draft.updatedAt, live?.updatedAt),
        placeholder: draft.placeholder === true,
        publishedTitle: live?.title ?? null,
        image: images.get(draft.documentId) ?? null,
      };
    });
  };

  /** Null when the story has no draft in that locale. */
  const read = async (
    documentId: string,
    asked?: string | null
  ): Promise<HistoryResponse | null> => {
    const locale = await localeOrDefault(strapi, asked);
    const exists = await strapi.db.query(ARTICLE_UID).findOne({
      where: { documentId, publishedAt: null, ...inLocale(locale) },
      select: ['id'],
    });
    if (!exists) return null;
    const limits = bounds();
    const stored =
      limits.maxEntries === 0 ? [] : await readHistory(strapi, { documentId, locale }, limits);
    const ids = new Set(
      stored.flatMap((e) => [...e.before.links, ...e.after.links]).flatMap((l) => l.target ?? [])
    );
    const targets = await targetsOf([...ids], locale);
    const titles = new Map(targets.map((t) => [t.documentId, t.title ?? null]));
    const titleOf = (id: string) => titles.get(id) ?? null;
    const data: HistoryEntry[] = stored.map((entry) => ({
      id: entry.id,
      at: entry.at.toISOString(),
      user: entry.user,
      before: entry.before,
      after: entry.after,
      summary: summarizeChanges(placementChanges(entry.before, entry.after), titleOf),
    }));
    return { data, meta: { targets, ...limits } };
  };

  return { read };
};

export type PlacementHistoryService = ReturnType<typeof createPlacementHistoryService>;
export default createPlacementHistoryService;
