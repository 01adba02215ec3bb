import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { ARTICLE_UID } from '../constants';
import { articleColumns } from './tables';

/**
 * A story's title as its editors see it: the draft's, else the published one's; null when the
 * story has no row. Read inside `trx` (a refused write's own transaction, which sees what the
 * write did).
 */
export const readArticleTitle = async (
  strapi: Core.Strapi,
  trx: Knex.Transaction,
  documentId: string
): Promise<string | null> => {
  const c = articleColumns(strapi);
  const rows: { title: string | null; publishedAt: unknown }[] = await trx(
    strapi.db.metadata.get(ARTICLE_UID).tableName
  )
    .where(c.documentId, documentId)
    .select({ title: c.title, publishedAt: c.publishedAt });
  const row = rows.find((r) => r.publishedAt === null) ?? rows[0];
  return row?.title ?? null;
};
