import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../constants';
import type { ArticleStatus } from '#shared/contracts/admin';
import { articleStatus } from '#shared/baca-juga/status';
import { inLocale, localeOrDefault } from '../i18n/locale';

/**
 * Draft & publish status of each of these articles (one query over both versions), for the
 * screens that list articles: draft, published, or modified since its publish. With it, the
 * title of the published version: the one readers see on a link to it.
 */
export const articleStates = async (
  strapi: Core.Strapi,
  documentIds: string[],
  /** Where stories are localized: the versions of this locale (the default one if absent). */
  locale?: string | null
): Promise<Map<string, { status: ArticleStatus; publishedTitle: string | null }>> => {
  if (documentIds.length === 0) return new Map();
  const scope = inLocale(await localeOrDefault(strapi, locale));
  const rows: { documentId: string; publishedAt: unknown; updatedAt: unknown; title: unknown }[] =
    await strapi.db.query(ARTICLE_UID).findMany({
      where: { documentId: { $in: [...new Set(documentIds)] }, ...scope },
      select: ['documentId', 'publishedAt', 'updatedAt', 'title'],
    });
  const draftAt = new Map<string, unknown>();
  const live = new Map<string, { updatedAt: unknown; title: unknown }>();
  for (const row of rows) {
    if (row.publishedAt) live.set(row.documentId, row);
    else draftAt.set(row.documentId, row.updatedAt);
  }
  return new Map(
    [...draftAt.keys()].map((id) => {
      const published = live.get(id);
      return [
        id,
        {
          status: articleStatus(draftAt.get(id), published?.updatedAt),
          publishedTitle: typeof published?.title === 'string' ? published.title : null,
        },
      ];
    })
  );
};

export const articleStatuses = async (
  strapi: Core.Strapi,
  documentIds: string[],
  locale?: string | null
): Promise<Map<string, ArticleStatus>> =>
  new Map([...(await articleStates(strapi, documentIds, locale))].map(([id, s]) => [id, s.status]));
