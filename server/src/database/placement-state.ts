import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { PlacementState, StoredLink, StoredQuote } from '#shared/baca-juga/invariants';
import { ARTICLE_UID, LINK_UID, QUOTE_UID } from '../constants';
import { columnOf, newsroomTables, partTables } from './tables';
import { isPostgres } from './dialect';
import { fromJsonColumn } from '#shared/json-column';
import { articlesLocalized } from '../i18n/locale';

type Trx = Knex.Transaction;

/**
 * Reads what is stored for these articles, both versions, exactly as the rows are: every
 * join row of every link and quote (a manyToOne relation written as a many-element connect
 * holds several), so the invariants judge what was stored, not what a write meant to store.
 * Runs inside the caller's transaction: `trx` is required, because on SQLite a query outside
 * it would wait for the very transaction that waits for it.
 */
export const readPlacementStates = async (
  strapi: Core.Strapi,
  trx: Trx,
  documentIds: string[]
): Promise<PlacementState[]> => {
  if (documentIds.length === 0) return [];
  const t = newsroomTables(strapi);
  const knex = strapi.db.connection as unknown as Knex;
  const a = (attr: string) => columnOf(strapi, ARTICLE_UID, attr);
  const l = (attr: string) => columnOf(strapi, LINK_UID, attr);
  const q = (attr: string) => columnOf(strapi, QUOTE_UID, attr);
  // Where stories are localized, each locale's version is a state of its own, holding the
  // parts of its locale; without i18n no locale is read (the column may not exist).
  const localized = articlesLocalized(strapi);
  const localeOf = (row: Record<string, any>, key = 'locale'): string | null =>
    localized ? (row[key] ?? null) : null;

  // Three statements, each run once per write checked (four times in an edit and publish):
  // the articles, then every join row of their links and of their quotes, each row with the
  // part's columns and the documentId of the article it names (a join row naming no article
  // row is left out, as before).
  const articles: Record<string, any>[] = await knex(`${t.article} as a`)
    .transacting(trx)
    .whereIn(`a.${a('documentId')}`, documentIds)
    .select(
      'a.id',
      `a.${a('documentId')} as documentId`,
      `a.${a('publishedAt')} as publishedAt`,
      `a.${a('body')} as body`,
      `a.${a('slug')} as slug`,
      ...(localized ? ['a.locale as locale'] : []),
      // Another document holding the slug, in either version.
      knex.raw('CASE WHEN ?? IS NULL OR ?? = ? THEN 0 WHEN EXISTS ? THEN 1 ELSE 0 END AS ??', [
        `a.${a('slug')}`,
        `a.${a('slug')}`,
        '',
        knex(`${t.article} as o`)
          .select(knex.raw('1'))
          .where(`o.${a('slug')}`, knex.ref(`a.${a('slug')}`))
          .whereNot(`o.${a('documentId')}`, knex.ref(`a.${a('documentId')}`)),
        'slugTaken',
      ])
    );
  if (articles.length === 0) return [];
  const articleRowIds = articles.map((row) => row.id as number);

  /** Every join row of `join` for the parts standing in these articles (by `stands`). */
  const joinRows = (
    table: string,
    columns: string[],
    stands: { name: string; own: string; article: string },
    join: { name: string; own: string; article: string },
    kind: 'source' | 'target' | 'owner'
  ) =>
    knex(`${table} as x`)
      .join(`${join.name} as j`, `j.${join.own}`, 'x.id')
      .join(`${t.article} as r`, 'r.id', `j.${join.article}`)
      .whereIn('x.id', knex(stands.name).whereIn(stands.article, articleRowIds).select(stands.own))
      .select(
        'x.id',
        ...columns.map((column) => `x.${column} as ${column}`),
        // A constant of this file, written into the text: PostgreSQL cannot type a bound one
        // in a UNION's select list.
        knex.raw(`'${kind}' AS ??`, ['kind']),
        `r.${a('documentId')} as joined`,
        ...(localized ? ['x.locale as locale', 'r.locale as joinedLocale'] : [])
      );
  const source = { name: t.source.name, own: t.source.link, article: t.source.article };
  const target = { name: t.target.name, own: t.target.link, article: t.target.article };
  const owner = { name: t.owner.name, own: t.owner.quote, article: t.owner.article };
  const linkColumns = [
    'documentId',
    'publishedAt',
    'url',
    'label',
    'afterParagraphId',
    'variantAfterParagraphId',
    'position',
    'needsReview',
  ].map(l);
  const quoteColumns = ['documentId', 'publishedAt', 'text', 'paragraphId'].map(q);
  const linkJoinRows: Record<string, any>[] = await joinRows(
    t.link,
    linkColumns,
    source,
    source,
    'source'
  )
    // Not wrapped in parentheses: SQLite allows none around a compound's members.
    .unionAll(joinRows(t.link, linkColumns, source, target, 'target'), false)
    .transacting(trx);
  const quoteJoinRows: Record<string, any>[] = await joinRows(
    t.quote,
    quoteColumns,
    owner,
    owner,
    'owner'
  ).transacting(trx);

  /** One entry per part row, with the documentIds each of its joins names. */
  const byRow = (rows: Record<string, any>[]) => {
    const parts = new Map<
      number,
      {
        row: Record<string, any>;
        joined: Map<string, string[]>;
        joinedLocales: Map<string, (string | null)[]>;
      }
    >();
    for (const row of rows) {
      let part = parts.get(row.id);
      if (!part) parts.set(row.id, (part = { row, joined: new Map(), joinedLocales: new Map() }));
      part.joined.set(row.kind, [...(part.joined.get(row.kind) ?? []), row.joined]);
      part.joinedLocales.set(row.kind, [
        ...(part.joinedLocales.get(row.kind) ?? []),
        localeOf(row, 'joinedLocale'),
      ]);
    }
    return [...parts.values()];
  };

  const links = byRow(linkJoinRows).map(({ row, joined, joinedLocales }) => ({
    published: row[l('publishedAt')] !== null,
    locale: localeOf(row),
    link: {
      documentId: row[l('documentId')],
      sources: [...new Set(joined.get('source') ?? [])],
      targets: [...new Set(joined.get('target') ?? [])],
      url: row[l('url')] ?? null,
      label: row[l('label')] ?? null,
      afterParagraphId: row[l('afterParagraphId')],
      variantAfterParagraphId: row[l('variantAfterParagraphId')] ?? null,
      position: row[l('position')] === null ? null : Number(row[l('position')]),
      // SQLite answers 1/0, PostgreSQL true/false.
      needsReview: row[l('needsReview')] === true || row[l('needsReview')] === 1,
      ...(localized ? { targetLocales: [...new Set(joinedLocales.get('target') ?? [])] } : {}),
    } satisfies StoredLink,
  }));
  const quotes = byRow(quoteJoinRows).map(({ row, joined }) => ({
    published: row[q('publishedAt')] !== null,
    locale: localeOf(row),
    quote: {
      documentId: row[q('documentId')],
      owners: [...new Set(joined.get('owner') ?? [])],
      text: row[q('text')],
      paragraphId: row[q('paragraphId')],
    } satisfies StoredQuote,
  }));

  return articles.map((row): PlacementState => {
    const documentId = row.documentId as string;
    const published = row.publishedAt !== null;
    const locale = localeOf(row);
    const inVersion = (x: { published: boolean; locale: string | null }) =>
      x.published === published && x.locale === locale;
    return {
      documentId,
      version: published ? 'published' : 'draft',
      ...(localized ? { locale } : {}),
      body: fromJsonColumn(row.body),
      slugTaken: Number(row.slugTaken) === 1,
      links: links
        .filter((x) => inVersion(x) && x.link.sources.includes(documentId))
        .map((x) => x.link),
      quotes: quotes
        .filter((x) => inVersion(x) && x.quote.owners.includes(documentId))
        .map((x) => x.quote),
    };
  });
};

/** Articles a link's or a quote's rows (any version) stand in, by documentId. */
export const ownersOf = async (
  strapi: Core.Strapi,
  trx: Trx,
  uid: typeof LINK_UID | typeof QUOTE_UID,
  documentIds: string[]
): Promise<string[]> => {
  if (documentIds.length === 0) return [];
  const t = newsroomTables(strapi);
  const { table, join } = partTables(t, uid);
  const knex = strapi.db.connection as unknown as Knex;
  const rows: Record<string, any>[] = await knex(`${join.name} as j`)
    .transacting(trx)
    .join(`${table} as x`, 'x.id', `j.${join.own}`)
    .join(`${t.article} as a`, 'a.id', `j.${join.article}`)
    .whereIn(`x.${columnOf(strapi, uid, 'documentId')}`, documentIds)
    .distinct(`a.${columnOf(strapi, ARTICLE_UID, 'documentId')} as documentId`);
  return rows.map((row) => row.documentId as string);
};

/** Of these links or quotes, those whose draft row stands in no article. */
export const ownerlessDrafts = async (
  strapi: Core.Strapi,
  trx: Trx,
  uid: typeof LINK_UID | typeof QUOTE_UID,
  documentIds: string[]
): Promise<string[]> => {
  if (documentIds.length === 0) return [];
  const { table, join } = partTables(newsroomTables(strapi), uid);
  const knex = strapi.db.connection as unknown as Knex;
  const doc = columnOf(strapi, uid, 'documentId');
  const rows: Record<string, any>[] = await knex(`${table} as x`)
    .transacting(trx)
    .whereIn(`x.${doc}`, documentIds)
    .whereNull(`x.${columnOf(strapi, uid, 'publishedAt')}`)
    .whereNotExists(
      knex(`${join.name} as j`).select(knex.raw('1')).where(`j.${join.own}`, knex.ref('x.id'))
    )
    .select(`x.${doc} as documentId`);
  return rows.map((row) => row.documentId as string);
};

/**
 * What was edited at or after `since`, the fallback for an action whose documents cannot be
 * told: articles edited themselves, and links and quotes edited (by uid).
 */
export const touchedSince = async (strapi: Core.Strapi, trx: Trx, since: Date) => {
  const t = newsroomTables(strapi);
  const knex = strapi.db.connection as unknown as Knex;
  const edited = (table: string, uid: string) =>
    knex(table)
      .transacting(trx)
      .where(columnOf(strapi, uid, 'updatedAt'), '>=', since)
      .distinct(columnOf(strapi, uid, 'documentId'))
      .pluck(columnOf(strapi, uid, 'documentId')) as Promise<string[]>;
  return {
    articles: await edited(t.article, ARTICLE_UID),
    parts: new Map<typeof LINK_UID | typeof QUOTE_UID, string[]>([
      [LINK_UID, await edited(partTables(t, LINK_UID).table, LINK_UID)],
      [QUOTE_UID, await edited(partTables(t, QUOTE_UID).table, QUOTE_UID)],
    ]),
  };
};

/**
 * Locks these articles' rows until the transaction ends (PostgreSQL; SQLite has one writer at
 * a time). Taken just before the outcome is read, all at once and in one order, so that two
 * instances writing to one article are checked one after the other: the second reads what the
 * first committed, and a duplicate or an excess the two would make together is refused.
 */
export const lockArticles = async (strapi: Core.Strapi, trx: Trx, documentIds: string[]) => {
  if (documentIds.length === 0 || !isPostgres(strapi.db)) return;
  const documentId = columnOf(strapi, ARTICLE_UID, 'documentId');
  await (strapi.db.connection as unknown as Knex)(newsroomTables(strapi).article)
    .transacting(trx)
    .whereIn(documentId, [...documentIds].sort())
    .orderBy(documentId)
    .orderBy('id')
    // Not FOR UPDATE: the link and quote writes hold FOR KEY SHARE on the article rows their
    // join rows reference, which FOR UPDATE would wait on (two writers, a deadlock).
    .forNoKeyUpdate()
    .select('id');
};
