import type { Core } from '@strapi/strapi';
import { whereLocale } from '../i18n/locale';
import type { Knex } from 'knex';
import { articleColumns, linkColumns, newsroomTables } from './tables';

export interface OrphanRow {
  documentId: string;
  title: string | null;
  slug: string | null;
  lead: string | null;
  tags: unknown;
  body: unknown;
  reportedAt: unknown;
}

/**
 * One page of a locale's orphans queue: drafts of published stories that have no Baca Juga
 * link (the draft is what an editor's save changes), newest edit first, and how many there
 * are. Two statements, whatever the page size. `locale` is null where stories are not
 * localized.
 */
export const orphanPage = async (
  strapi: Core.Strapi,
  page: number,
  pageSize: number,
  locale: string | null
): Promise<{ rows: OrphanRow[]; total: number }> => {
  const knex = strapi.db.connection as unknown as Knex;
  const t = newsroomTables(strapi);
  const a = articleColumns(strapi);
  const l = linkColumns(strapi);
  // A version is an orphan of its own locale: a linked Indonesian story's English
  // translation without links is still one (its links are its own).
  const base = knex(`${t.article} as a`)
    .whereNull(`a.${a.publishedAt}`)
    .modify((q) => whereLocale(q, locale, 'a'))
    .whereExists(
      knex(`${t.article} as p`)
        .select(knex.raw('1'))
        .where(`p.${a.documentId}`, knex.ref(`a.${a.documentId}`))
        .whereNotNull(`p.${a.publishedAt}`)
        .modify((q) => whereLocale(q, locale, 'p'))
    )
    .whereNotExists(
      knex(`${t.source.name} as s`)
        .select(knex.raw('1'))
        .join(`${t.link} as l`, 'l.id', `s.${t.source.link}`)
        .where(`s.${t.source.article}`, knex.ref('a.id'))
        .whereNull(`l.${l.publishedAt}`)
    );
  const [[{ total }], rows] = await Promise.all([
    base.clone().count({ total: '*' }) as unknown as Promise<{ total: number | string }[]>,
    base
      .clone()
      .select(
        `a.${a.documentId} as documentId`,
        `a.${a.title} as title`,
        `a.${a.slug} as slug`,
        `a.${a.lead} as lead`,
        `a.${a.tags} as tags`,
        `a.${a.body} as body`,
        `a.${a.reportedAt} as reportedAt`
      )
      .orderBy([
        { column: `a.${a.updatedAt}`, order: 'desc' },
        { column: 'a.id', order: 'desc' },
      ])
      .limit(pageSize)
      .offset((page - 1) * pageSize) as Promise<OrphanRow[]>,
  ]);
  return { rows, total: Number(total) };
};
