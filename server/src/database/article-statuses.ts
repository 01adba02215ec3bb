import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../constants';
import type { ArticleStatus } from '#shared/contracts/admin';
import { articleStatus } from '#shared/baca-juga/status';

/**
 * Draft & publish status of each of these articles (one query over both versions), for the
 * screens that list articles: draft, published, or modified since its publish.
 */
export const articleStatuses = async (
  strapi: Core.Strapi,
  documentIds: string[]
): Promise<Map<string, ArticleStatus>> => {
  if (documentIds.length === 0) return new Map();
  const rows: { documentId: string; publishedAt: unknown; updatedAt: unknown }[] = await strapi.db
    .query(ARTICLE_UID)
    .findMany({
      where: { documentId: { $in: [...new Set(documentIds)] } },
      select: ['documentId', 'publishedAt', 'updatedAt'],
    });
  const draftAt = new Map<string, unknown>();
  const liveAt = new Map<string, unknown>();
  for (const row of rows) (row.publishedAt ? liveAt : draftAt).set(row.documentId, row.updatedAt);
  return new Map(
    [...draftAt.keys()].map((id) => [id, articleStatus(draftAt.get(id), liveAt.get(id))])
  );
};
