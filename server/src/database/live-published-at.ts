import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { whereLocale } from '../i18n/locale';
import { articleColumns, newsroomTables } from './tables';

/**
 * A subquery for a select: when the live version of a story was published (null while it has
 * none), for the draft row whose documentId column `draft.ref` names, or for one document id.
 *
 * Why: the age limit of suggestions (#shared/baca-juga/suggestion-controls) measures from a
 * story's news date, its reported date else its publication. The public related list reads the
 * published row and has that date; the manager and the orphans queue read the draft, whose
 * publishedAt is always null. Without this they measured an undated story from "now" and
 * hid candidates its readers were shown.
 */
export const livePublishedAt = (
  strapi: Core.Strapi,
  draft: { ref: string } | { documentId: string },
  locale: string | null,
  as: string
): Knex.QueryBuilder => {
  const knex = strapi.db.connection as unknown as Knex;
  const t = newsroomTables(strapi);
  const a = articleColumns(strapi);
  const live = knex(`${t.article} as live`).select(`live.${a.publishedAt}`);
  if ('ref' in draft) live.where(`live.${a.documentId}`, knex.ref(draft.ref));
  else live.where(`live.${a.documentId}`, draft.documentId);
  return live
    .whereNotNull(`live.${a.publishedAt}`)
    .modify((q) => whereLocale(q, locale, 'live'))
    .limit(1)
    .as(as);
};
