import type { Core } from '@strapi/strapi';
import { LINK_UID } from '../constants';
import { whereLocale } from '../i18n/locale';
import { articleColumns, columnOf, linkColumns, newsroomTables } from './tables';

/**
 * Where the draft links of these stories stand: each story's list of anchors (a paragraph id,
 * or `start`), in one statement for them all. The slot model keeps a suggested line spaced from
 * them (#shared/baca-juga/slots).
 */
export const draftLinkAnchors = async (
  strapi: Core.Strapi,
  documentIds: string[],
  locale: string | null
): Promise<Map<string, string[]>> => {
  const anchors = new Map<string, string[]>();
  if (documentIds.length === 0) return anchors;
  const t = newsroomTables(strapi);
  const a = articleColumns(strapi);
  const l = linkColumns(strapi);
  const rows: { documentId: string; anchor: string | null }[] = await strapi.db
    .connection(`${t.article} as sa`)
    .join(`${t.source.name} as ls`, `ls.${t.source.article}`, 'sa.id')
    .join(`${t.link} as l`, 'l.id', `ls.${t.source.link}`)
    .whereIn(`sa.${a.documentId}`, documentIds)
    .whereNull(`l.${l.publishedAt}`)
    .modify((q) => whereLocale(q, locale, 'sa'))
    .select(
      `sa.${a.documentId} as documentId`,
      `l.${columnOf(strapi, LINK_UID, 'afterParagraphId')} as anchor`
    );
  for (const row of rows) {
    if (!row.anchor) continue;
    anchors.set(row.documentId, [...(anchors.get(row.documentId) ?? []), row.anchor]);
  }
  return anchors;
};
