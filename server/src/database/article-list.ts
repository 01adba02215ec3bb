import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { ARTICLE_UID } from '../constants';
import { toDateOnly, toIso } from '#shared/dates';
import { fromJsonColumn } from '#shared/json-column';
import type { ListQuery } from '../validation/list-query';
import { articleColumns, columnOf, likeContains, newsroomTables } from './tables';
import { runPrepared } from './prepared';
import { whereHasTag } from './tag-keys';
import { whereLocale } from '../i18n/locale';

/** One published article of a list page, as the database returns it. */
export interface SummaryRow {
  documentId: string;
  slug: string;
  title: string;
  lead: string | null;
  outlet: string | null;
  tags: unknown;
  reportedAt: string | null;
  publishedAt: string | null;
}

/**
 * A page of the public article list and the total, in ONE statement (the total rides along as
 * an uncorrelated subquery, counted once from the index on published_at, so the page itself
 * still reads only its rows in index order), on SQLite and PostgreSQL. Only a page past the
 * end, which has no row to carry the total, costs a second statement. `knownTotal`, when the
 * caller already knows the total for these filters, leaves the count out: counting every
 * published row is most of a miss's cost in a large archive.
 *
 * `reportedAt` is optional, and SQLite and PostgreSQL put NULLs at opposite ends, so that sort
 * reads dated articles first, then undated ones by publishedAt in the same direction,
 * identically on both. The row id breaks ties, so pages never overlap or skip.
 */
export const readArticlePage = async (
  strapi: Core.Strapi,
  query: ListQuery,
  knownTotal?: number
): Promise<{ rows: SummaryRow[]; total: number }> => {
  const knex = strapi.db.connection as unknown as Knex;
  const t = newsroomTables(strapi);
  const c = articleColumns(strapi);
  const outlet = columnOf(strapi, ARTICLE_UID, 'outlet');

  const filtered = () => {
    const q = knex(`${t.article} as a`).whereNotNull(`a.${c.publishedAt}`);
    // One language per list where stories are localized (the default one unless asked).
    whereLocale(q, query.locale ?? null, 'a');
    // Every term in the title or the lead; LIKE wildcards in a term match literally.
    for (const term of query.terms) {
      const like = likeContains(term.toLowerCase());
      q.where((or) =>
        or
          .whereRaw(`LOWER(a.${c.title}) LIKE ? ESCAPE '\\'`, [like])
          .orWhereRaw(`LOWER(a.${c.lead}) LIKE ? ESCAPE '\\'`, [like])
      );
    }
    if (query.tag) whereHasTag(strapi, q, 'a', query.tag);
    return q;
  };

  const [field, direction] = query.sort.split(':');
  const dir = direction === 'asc' ? 'asc' : 'desc';
  const start = (query.page - 1) * query.pageSize;
  const columns = [
    `a.${c.documentId} as documentId`,
    `a.${c.slug} as slug`,
    `a.${c.title} as title`,
    `a.${c.lead} as lead`,
    `a.${outlet} as outlet`,
    `a.${c.tags} as tags`,
    `a.${c.reportedAt} as reportedAt`,
    `a.${c.publishedAt} as publishedAt`,
    'a.id as rowId',
  ];
  const totalColumn =
    knownTotal === undefined
      ? knex.raw('(?) AS total', [filtered().count('*')])
      : knex.raw('NULL AS total');

  let page: Knex.QueryBuilder;
  if (field !== 'reportedAt') {
    const sorted = field === 'title' ? c.title : c.publishedAt;
    page = filtered()
      .select(...columns, totalColumn)
      .orderBy([
        { column: `a.${sorted}`, order: dir },
        { column: 'a.id', order: dir },
      ])
      .limit(query.pageSize)
      .offset(start);
  } else {
    // Dated stories first, then undated ones by publishedAt: each half read in the order of
    // its own index, at most up to the end of the page, so no query sorts the whole list.
    const reported = `a.${c.reportedAt}`;
    const end = start + query.pageSize;
    const half = (dated: boolean) => {
      const q = dated ? filtered().whereNotNull(reported) : filtered().whereNull(reported);
      return q
        .select(...columns, knex.raw(`${dated ? 0 : 1} AS half`))
        .orderBy([
          { column: dated ? reported : `a.${c.publishedAt}`, order: dir },
          { column: 'a.id', order: dir },
        ])
        .limit(end);
    };
    page = knex
      .select('page.*', totalColumn)
      .from(
        knex.raw('(SELECT * FROM (?) AS d UNION ALL SELECT * FROM (?) AS u) AS page', [
          half(true),
          half(false),
        ])
      )
      .orderByRaw(
        `half, CASE WHEN half = 0 THEN "reportedAt" END ${dir}, ` +
          `CASE WHEN half = 1 THEN "publishedAt" END ${dir}, "rowId" ${dir}`
      )
      .limit(query.pageSize)
      .offset(start);
  }

  // The same text for every page of a kind of query (limit and offset are bindings), so the
  // statement is compiled once (database/prepared).
  const { sql, bindings } = page.toSQL();
  const rows: Record<string, unknown>[] = await runPrepared(knex as any, sql, [...bindings]);
  const total =
    knownTotal ??
    (rows.length
      ? Number(rows[0].total)
      : start === 0
        ? 0
        : Number(((await filtered().count({ n: '*' })) as { n: number | string }[])[0].n));
  return {
    total,
    rows: rows.map((row) => ({
      documentId: row.documentId as string,
      slug: row.slug as string,
      title: row.title as string,
      lead: (row.lead as string | null) ?? null,
      outlet: (row.outlet as string | null) ?? null,
      tags: fromJsonColumn(row.tags),
      reportedAt: toDateOnly(row.reportedAt),
      publishedAt: toIso(row.publishedAt),
    })),
  };
};
