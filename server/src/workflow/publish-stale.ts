import type { Core } from '@strapi/strapi';
import { articleStatus } from '#shared/baca-juga/status';
import type { PartUid as OwnedUid } from '../constants';

/**
 * Publishes those of `documentIds` whose draft is ahead of their published version, or that
 * have none. Publishing an unchanged document would only churn its published row.
 */
export const publishStale = async (
  strapi: Core.Strapi,
  uid: OwnedUid,
  documentIds: string[]
): Promise<number> => {
  if (documentIds.length === 0) return 0;
  const rows: { documentId: string; publishedAt: unknown; updatedAt: unknown }[] = await strapi.db
    .query(uid)
    .findMany({
      where: { documentId: { $in: documentIds } },
      select: ['documentId', 'publishedAt', 'updatedAt'],
    });
  const draftAt = new Map<string, unknown>();
  const liveAt = new Map<string, unknown>();
  for (const row of rows) (row.publishedAt ? liveAt : draftAt).set(row.documentId, row.updatedAt);
  let published = 0;
  for (const documentId of documentIds) {
    if (!draftAt.has(documentId)) continue;
    // Same rule as the content manager's "modified": the draft was saved after the publish.
    const state = articleStatus(draftAt.get(documentId), liveAt.get(documentId));
    if (state !== 'published') {
      await strapi.documents(uid).publish({ documentId });
      published += 1;
    }
  }
  return published;
};
