import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { PlacementState, StoredLink, StoredQuote } from '#shared/baca-juga/invariants';
import { ARTICLE_UID, LINK_UID, QUOTE_UID } from '../constants';
import { columnOf, newsroomTables, partTables } from './tables';
import { isPostgres } from './dialect';
import { fromJsonColumn } from '#shared/json-column';

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
  const db = (table: string) => (strapi.db.connection as unknown as Knex)(table).transacting(trx);
  const a = (attr: string) => columnOf(strapi, ARTICLE_UID, attr);
  const l = (attr: string) => columnOf(strapi, LINK_UID, attr);
  const q = (attr: string) => columnOf(strapi, QUOTE_UID, attr);

  const articles: Record<string, any>[] = await db(t.article)
    .whereIn(a('documentId'), documentIds)
    .select('id', a('documentId'), a('publishedAt'), a('body'), a('slug'));
  if (articles.length === 0) return [];
  const slugs = [...new Set(articles.map((row) => row[a('slug')]).filter(Boolean))];
  const slugOwners: Record<string, any>[] = slugs.length
    ? await db(t.article).whereIn(a('slug'), slugs).select(a('documentId'), a('slug'))
    : [];
  const articleRowIds = articles.map((row) => row.id as number);

  // Links and quotes standing in these articles (any version), then all their join rows.
  const linkIds = await db(t.source.name)
    .whereIn(t.source.article, articleRowIds)
    .pluck(t.source.link);
  const quoteIds = await db(t.owner.name)
    .whereIn(t.owner.article, articleRowIds)
    .pluck(t.owner.quote);
  const [linkRows, sourceRows, targetRows, quoteRows, ownerRows] = await Promise.all([
    linkIds.length
      ? db(t.link)
          .whereIn('id', linkIds)
          .select(
            'id',
            l('documentId'),
            l('publishedAt'),
            l('url'),
            l('label'),
            l('afterParagraphId'),
            l('variantAfterParagraphId'),
            l('position')
          )
      : [],
    linkIds.length
      ? db(t.source.name).whereIn(t.source.link, linkIds).select(t.source.link, t.source.article)
      : [],
    linkIds.length
      ? db(t.target.name).whereIn(t.target.link, linkIds).select(t.target.link, t.target.article)
      : [],
    quoteIds.length
      ? db(t.quote)
          .whereIn('id', quoteIds)
          .select('id', q('documentId'), q('publishedAt'), q('text'), q('paragraphId'))
      : [],
    quoteIds.length
      ? db(t.owner.name).whereIn(t.owner.quote, quoteIds).select(t.owner.quote, t.owner.article)
      : [],
  ] as Promise<Record<string, any>[]>[]);

  // documentId of every article row a join row names.
  const referenced = [
    ...new Set([
      ...sourceRows.map((r) => r[t.source.article]),
      ...targetRows.map((r) => r[t.target.article]),
      ...ownerRows.map((r) => r[t.owner.article]),
    ]),
  ];
  const docOfRow = new Map<number, string>(
    (referenced.length
      ? await db(t.article).whereIn('id', referenced).select('id', a('documentId'))
      : []
    ).map((row: Record<string, any>) => [row.id as number, row[a('documentId')] as string])
  );
  const docsBy = (rows: Record<string, any>[], own: string, other: string) => {
    const map = new Map<number, string[]>();
    for (const row of rows) {
      const doc = docOfRow.get(row[other]);
      if (!doc) continue;
      map.set(row[own], [...(map.get(row[own]) ?? []), doc]);
    }
    return map;
  };
  const sources = docsBy(sourceRows, t.source.link, t.source.article);
  const targets = docsBy(targetRows, t.target.link, t.target.article);
  const owners = docsBy(ownerRows, t.owner.quote, t.owner.article);

  const links = linkRows.map((row) => ({
    published: row[l('publishedAt')] !== null,
    link: {
      documentId: row[l('documentId')],
      sources: [...new Set(sources.get(row.id) ?? [])],
      targets: [...new Set(targets.get(row.id) ?? [])],
      url: row[l('url')] ?? null,
      label: row[l('label')] ?? null,
      afterParagraphId: row[l('afterParagraphId')],
      variantAfterParagraphId: row[l('variantAfterParagraphId')] ?? null,
      position: row[l('position')] === null ? null : Number(row[l('position')]),
    } satisfies StoredLink,
  }));
  const quotes = quoteRows.map((row) => ({
    published: row[q('publishedAt')] !== null,
    quote: {
      documentId: row[q('documentId')],
      owners: [...new Set(owners.get(row.id) ?? [])],
      text: row[q('text')],
      paragraphId: row[q('paragraphId')],
    } satisfies StoredQuote,
  }));

  return articles.map((row): PlacementState => {
    const documentId = row[a('documentId')] as string;
    const published = row[a('publishedAt')] !== null;
    const inVersion = (p: boolean) => p === published;
    return {
      documentId,
      version: published ? 'published' : 'draft',
      body: fromJsonColumn(row[a('body')]),
      slugTaken: slugOwners.some(
        (other) => other[a('slug')] === row[a('slug')] && other[a('documentId')] !== documentId
      ),
      links: links
        .filter((x) => inVersion(x.published) && x.link.sources.includes(documentId))
        .map((x) => x.link),
      quotes: quotes
        .filter((x) => inVersion(x.published) && x.quote.owners.includes(documentId))
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
