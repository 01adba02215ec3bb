import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { articlesLocalized } from '../i18n/locale';
import { indexLocale, LINK_EDITS_TABLE } from './plugin-tables';
import { LINK_UID } from '../constants';
import { articleColumns, columnOf, linkColumns, newsroomTables } from './tables';

type Trx = Knex.Transaction;
type Builder = Knex.QueryBuilder;

/** One version of a story: its documentId and, where stories are localized, its locale. */
export interface VersionKey {
  documentId: string;
  locale: string | null;
}

const knexOf = (strapi: Core.Strapi) => strapi.db.connection as unknown as Knex;

/** These versions' draft links changed at `at`: written in the write's own transaction. */
export const stampLinkEdits = async (
  strapi: Core.Strapi,
  trx: Trx,
  keys: VersionKey[],
  at: Date
) => {
  if (keys.length === 0) return;
  await knexOf(strapi)(LINK_EDITS_TABLE)
    .transacting(trx)
    .insert(
      keys.map((key) => ({
        document_id: key.documentId,
        locale: indexLocale(key.locale),
        links_edited_at: at,
      }))
    )
    .onConflict(['document_id', 'locale'])
    .merge(['links_edited_at']);
};

/** These versions' drafts are gone (a story or a translation deleted): their rows go too. */
export const forgetLinkEdits = async (strapi: Core.Strapi, trx: Trx, keys: VersionKey[]) => {
  for (const key of keys) {
    await knexOf(strapi)(LINK_EDITS_TABLE)
      .transacting(trx)
      .where({ document_id: key.documentId, locale: indexLocale(key.locale) })
      .delete();
  }
};

/**
 * Joins to article rows `a` the edit row of their version as `e`: a left join by default
 * (a story whose links never changed has none), an inner one for `inner`.
 */
export const joinLinkEdits = (strapi: Core.Strapi, query: Builder, inner = false): Builder => {
  const documentId = articleColumns(strapi).documentId;
  const localized = articlesLocalized(strapi);
  const on = (join: Knex.JoinClause) => {
    join.on('e.document_id', `a.${documentId}`);
    if (localized) join.andOn('e.locale', 'a.locale');
    else join.andOnVal('e.locale', '=', indexLocale(null));
  };
  return inner
    ? query.join(`${LINK_EDITS_TABLE} as e`, on)
    : query.leftJoin(`${LINK_EDITS_TABLE} as e`, on);
};

/**
 * The one rule of "Last edited" (in SQL, so the list sorts by what it shows): the later of
 * the draft's own `updated_at` and its links' last edit, for article rows `a` joined to `e`
 * (joinLinkEdits). NULL-safe and the same text on SQLite (milliseconds in both columns) and
 * PostgreSQL (timestamps in both), where GREATEST and MAX() differ on NULLs.
 */
export const lastEditedSql = (strapi: Core.Strapi) => {
  const updatedAt = `a.${articleColumns(strapi).updatedAt}`;
  return `CASE WHEN e.links_edited_at > ${updatedAt} THEN e.links_edited_at ELSE ${updatedAt} END`;
};

/** Whether the last edit of rows `a` was of their links (see lastEditedSql). */
export const linksEditedLastSql = (strapi: Core.Strapi) =>
  `CASE WHEN e.links_edited_at > a.${articleColumns(strapi).updatedAt} THEN 1 ELSE 0 END`;

/**
 * The ids of article rows `a` of `filtered` on one page of the list sorted by last edit, the
 * most recent first, the row id breaking ties. A row on the page is among the first
 * `start + size` by its own `updated_at` or among the first by its links' edit (the later of
 * the two ranks it), so each is read in its index's order up to there and only those
 * candidates are sorted: no query sorts every draft.
 */
export const lastEditedPage = (
  strapi: Core.Strapi,
  filtered: Builder,
  start: number,
  size: number
): Builder => {
  const knex = knexOf(strapi);
  const c = articleColumns(strapi);
  const end = start + size;
  const byStory = filtered
    .clone()
    .select('a.id')
    .orderBy([
      { column: `a.${c.updatedAt}`, order: 'desc' },
      { column: 'a.id', order: 'desc' },
    ])
    .limit(end);
  const byLinks = joinLinkEdits(strapi, filtered.clone(), true)
    .select('a.id')
    .orderBy([
      { column: 'e.links_edited_at', order: 'desc' },
      { column: 'a.id', order: 'desc' },
    ])
    .limit(end);
  const candidates = knex
    .select('c.id')
    // Not wrapped in parentheses: SQLite allows none around a compound's members.
    .from(
      knex.raw('(SELECT id FROM (?) AS s UNION SELECT id FROM (?) AS l) AS c', [byStory, byLinks])
    );
  return joinLinkEdits(strapi, knex(`${newsroomTables(strapi).article} as a`))
    .whereIn('a.id', candidates)
    .select('a.id')
    .orderByRaw(`${lastEditedSql(strapi)} DESC, a.id DESC`)
    .limit(size)
    .offset(start);
};

/**
 * A newsroom from before the stamps gets its first ones from its link rows: each version's
 * latest draft link edit (`updated_at`: a link is written only when it changes). Removals
 * made before then left no row and are not known. Once, while the table is empty; several
 * instances booting at once may each try, and the first one's rows stand.
 */
export const backfillLinkEdits = async (strapi: Core.Strapi) => {
  const knex = knexOf(strapi);
  if (await knex(LINK_EDITS_TABLE).first('document_id')) return;
  const t = newsroomTables(strapi);
  const a = articleColumns(strapi);
  const l = linkColumns(strapi);
  const localized = articlesLocalized(strapi);
  const locale = localized ? `COALESCE(a.locale, '')` : `''`;
  const latest = knex(`${t.link} as l`)
    .join(`${t.source.name} as s`, `s.${t.source.link}`, 'l.id')
    .join(`${t.article} as a`, 'a.id', `s.${t.source.article}`)
    .whereNull(`l.${l.publishedAt}`)
    .whereNull(`a.${a.publishedAt}`)
    // PostgreSQL refuses a constant in GROUP BY: the locale is grouped only where it varies.
    .groupBy([`a.${a.documentId}`, ...(localized ? ['a.locale'] : [])])
    .select(
      `a.${a.documentId}`,
      knex.raw(`${locale} AS locale`),
      knex.raw(`MAX(l.${columnOf(strapi, LINK_UID, 'updatedAt')})`)
    );
  // Knex puts the subquery in parentheses; SQLite needs a WHERE before ON CONFLICT, or it
  // reads the ON as a join's.
  await knex.raw(
    'INSERT INTO ?? (document_id, locale, links_edited_at) SELECT * FROM ? AS latest WHERE 1 = 1 ON CONFLICT (document_id, locale) DO NOTHING',
    [LINK_EDITS_TABLE, latest]
  );
};
