import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { LINK_UID, QUOTE_UID } from '../constants';
import { articleColumns, columnOf, newsroomTables, partTables, type JoinTable } from './tables';

/**
 * What a reader-visible change of a story reaches besides the story itself, as stored: the
 * published slug it answers under, the live stories whose Baca Juga links point at it (their
 * pages show its title and href) and the live stories it links to (their pages list it among
 * their backlinks). Read before a publishing write and again after it, so that an invalidation
 * names both sides of a rename, an unpublish or a link moved elsewhere.
 *
 * Only published links count: they are what readers saw or will see. An unpublish takes the
 * story's published row, and the relations of the links to it, away; so the stories that
 * linked to it are known from the read before the write, not after.
 */
export interface Neighbourhood {
  /** The published slug, or null when the story is not live. */
  slug: string | null;
  /**
   * Where stories are localized: the live slugs of the story's other locales (a slug names
   * one story in one language). Absent in states recorded before, and without i18n.
   */
  otherSlugs?: string[];
  linkedFrom: string[];
  targets: string[];
}

export const emptyNeighbourhood = (): Neighbourhood => ({
  slug: null,
  linkedFrom: [],
  targets: [],
});

/** Large enough for any one write; keeps each `IN (...)` list well under both databases' limits. */
const CHUNK = 500;

const chunks = <T>(items: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
};

/** The published slug of each of these stories that is live. */
export const readLiveSlugs = async (
  strapi: Core.Strapi,
  documentIds: Iterable<string>,
  trx?: Knex.Transaction
): Promise<Map<string, string[]>> => {
  const knex = strapi.db.connection as unknown as Knex;
  const t = newsroomTables(strapi);
  const c = articleColumns(strapi);
  // Where stories are localized, each locale's live version has a slug of its own.
  const found = new Map<string, string[]>();
  for (const part of chunks([...new Set(documentIds)])) {
    const query = knex(t.article)
      .whereIn(c.documentId, part)
      .whereNotNull(c.publishedAt)
      .select({ documentId: c.documentId, slug: c.slug });
    const rows: { documentId: string; slug: string }[] = await (trx
      ? query.transacting(trx)
      : query);
    for (const row of rows)
      found.set(row.documentId, [...(found.get(row.documentId) ?? []), row.slug]);
  }
  return found;
};

/**
 * The neighbourhood of each story, by documentId (a story with no row at all has an empty
 * one). `trx`: the caller's transaction, required inside one (on SQLite a read beside its
 * transaction would wait for it).
 */
export const readNeighbourhoods = async (
  strapi: Core.Strapi,
  documentIds: readonly string[],
  trx?: Knex.Transaction
): Promise<Map<string, Neighbourhood>> => {
  const result = new Map<string, Neighbourhood>();
  for (const id of documentIds) result.set(id, emptyNeighbourhood());
  if (documentIds.length === 0) return result;
  const knex = strapi.db.connection as unknown as Knex;
  const db = (table: string) => (trx ? knex(table).transacting(trx) : knex(table));
  const t = newsroomTables(strapi);
  const c = articleColumns(strapi);

  const rowOwner = new Map<number, string>();
  for (const part of chunks(documentIds)) {
    const rows: Record<string, any>[] = await db(t.article)
      .whereIn(c.documentId, part)
      .select('id', { documentId: c.documentId }, { slug: c.slug }, { publishedAt: c.publishedAt });
    for (const row of rows) {
      rowOwner.set(Number(row.id), row.documentId);
      if (row.publishedAt && row.slug) {
        const hood = result.get(row.documentId)!;
        // One slug per locale's live version: the first is `slug`, the others beside it.
        if (hood.slug === null) hood.slug = row.slug;
        else (hood.otherSlugs ??= []).push(row.slug);
      }
    }
  }
  const rowIds = [...rowOwner.keys()];

  // Each pair: one of these stories' rows, and the live story at the other end of a published
  // link; both directions in one statement (side 1: the row links to it, 2: it links here).
  const publishedAt = columnOf(strapi, LINK_UID, 'publishedAt');
  const live = (alias: string) =>
    knex(`${t.article} as o`)
      .whereRaw('?? = ??', [`o.${c.documentId}`, `${alias}.${c.documentId}`])
      .whereNotNull(`o.${c.publishedAt}`)
      .select(knex.raw('1'));
  /**
   * Pairs through a published link: one of `rows` at the link's `near` end (its source, or
   * its target), the live story at its `far` end; `side` tells the two directions apart.
   */
  const pairs = (rows: number[], near: JoinTable, far: JoinTable, side: 1 | 2) =>
    knex(`${near.name} as n`)
      .join(`${t.link} as l`, 'l.id', `n.${near.link}`)
      .join(`${far.name} as f`, `f.${far.link}`, `n.${near.link}`)
      .join(`${t.article} as a`, 'a.id', `f.${far.article}`)
      .whereIn(`n.${near.article}`, rows)
      .whereNotNull(`l.${publishedAt}`)
      .whereExists(live('a'))
      // A constant written into the text: PostgreSQL cannot type a bound one in a UNION.
      .select(knex.raw(`${side} as ??`, ['side']), {
        own: `n.${near.article}`,
        other: `a.${c.documentId}`,
      });
  const targetPairs: { own: number; other: string }[] = [];
  const sourcePairs: { own: number; other: string }[] = [];
  for (const part of chunks(rowIds)) {
    const linksTo = pairs(part, t.source, t.target, 1);
    const linkedFrom = pairs(part, t.target, t.source, 2);
    // Not wrapped in parentheses: SQLite allows none around a compound's members.
    const query = linksTo.unionAll(linkedFrom, false);
    const rows: { side: unknown; own: number; other: string }[] = await (trx
      ? query.transacting(trx)
      : query);
    for (const row of rows) (Number(row.side) === 1 ? targetPairs : sourcePairs).push(row);
  }
  const add = (pairs: typeof targetPairs, field: 'targets' | 'linkedFrom') => {
    for (const { own, other } of pairs) {
      const story = rowOwner.get(Number(own));
      if (!story || other === story) continue;
      const list = result.get(story)![field];
      if (!list.includes(other)) list.push(other);
    }
  };
  add(targetPairs, 'targets');
  add(sourcePairs, 'linkedFrom');
  for (const neighbourhood of result.values()) {
    neighbourhood.targets.sort();
    neighbourhood.linkedFrom.sort();
  }
  return result;
};

/** The stories a link or quote stands in, any version of either (normally one story). */
export const readPartArticles = async (
  strapi: Core.Strapi,
  uid: typeof LINK_UID | typeof QUOTE_UID,
  documentId: string,
  trx?: Knex.Transaction
): Promise<string[]> => {
  const knex = strapi.db.connection as unknown as Knex;
  const t = newsroomTables(strapi);
  const { table, join } = partTables(t, uid);
  const query = knex(`${table} as p`)
    .join(`${join.name} as j`, `j.${join.own}`, 'p.id')
    .join(`${t.article} as a`, 'a.id', `j.${join.article}`)
    .where(`p.${columnOf(strapi, uid, 'documentId')}`, documentId)
    .distinct({ documentId: `a.${articleColumns(strapi).documentId}` });
  const rows: { documentId: string }[] = await (trx ? query.transacting(trx) : query);
  return rows.map((row) => row.documentId).sort();
};
