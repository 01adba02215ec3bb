import type { Core } from '@strapi/strapi';
import { articleStatus } from '#shared/baca-juga/status';
import type { PartUid as OwnedUid } from '../constants';
import { inLocale, localeOrDefault } from '../i18n/locale';

/** A row of a document, draft or published: what tells whether its draft is ahead. */
export interface VersionRow {
  documentId: string;
  publishedAt: unknown;
  updatedAt: unknown;
}

/**
 * Those of `documentIds` whose draft is ahead of their published version, or that have none,
 * from the rows of both versions. Same rule as the content manager's "modified": the draft
 * was saved after the publish.
 */
export const staleDocuments = (rows: VersionRow[], documentIds: string[]): string[] => {
  const draftAt = new Map<string, unknown>();
  const liveAt = new Map<string, unknown>();
  for (const row of rows) (row.publishedAt ? liveAt : draftAt).set(row.documentId, row.updatedAt);
  return documentIds.filter(
    (documentId) =>
      draftAt.has(documentId) &&
      articleStatus(draftAt.get(documentId), liveAt.get(documentId)) !== 'published'
  );
};

/**
 * Publishes those of `documentIds` whose draft is ahead of their published version, or that
 * have none. Publishing an unchanged document would only churn its published row.
 */
export const publishStale = async (
  strapi: Core.Strapi,
  uid: OwnedUid,
  documentIds: string[],
  /** Where stories are localized: these parts' locale (the default one if absent). */
  locale?: string | null
): Promise<number> => {
  if (documentIds.length === 0) return 0;
  const scope = await localeOrDefault(strapi, locale);
  const rows: VersionRow[] = await strapi.db.query(uid).findMany({
    where: { documentId: { $in: documentIds }, ...inLocale(scope) },
    select: ['documentId', 'publishedAt', 'updatedAt'],
  });
  const stale = staleDocuments(rows, documentIds);
  for (const documentId of stale) {
    await strapi.documents(uid).publish({ documentId, ...inLocale(scope) });
  }
  return stale.length;
};
