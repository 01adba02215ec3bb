import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { LINK_UID, QUOTE_UID } from '../constants';
import { inCurrentTransaction } from './in-current-transaction';
import { articleColumns, columnOf, linkColumns, newsroomTables, partTables } from './tables';

/**
 * The documentIds of a story's links or quotes (any version of either; `draftsOnly`: of their
 * draft rows only), read from the story's rows through the join table and its indexes.
 *
 * Strapi's query builder writes this filter (`{ sourceArticle: { documentId } }`) as LEFT
 * JOINs from the parts' table, which SQLite answers by scanning every link: 400 ms per publish
 * at 10,000 stories (50,000 links), on every publish's cascade (measured with the bench's
 * republish row, z3). Read from the story's side, it is a few index lookups.
 */
export const readStoryParts = async (
  strapi: Core.Strapi,
  uid: typeof LINK_UID | typeof QUOTE_UID,
  article: string,
  { draftsOnly = false } = {}
): Promise<string[]> => {
  const t = newsroomTables(strapi);
  const { table, join } = partTables(t, uid);
  return partsThrough(strapi, uid, table, join, article, draftsOnly);
};

/** The documentIds of the links that point at this story (`draftsOnly`: their draft rows). */
export const readLinksTo = (strapi: Core.Strapi, target: string, { draftsOnly = false } = {}) => {
  const t = newsroomTables(strapi);
  const join = { name: t.target.name, own: t.target.link, article: t.target.article };
  return partsThrough(strapi, LINK_UID, t.link, join, target, draftsOnly);
};

/** Parts of `uid` joined to the story's rows through `join`, read from the story's side. */
const partsThrough = async (
  strapi: Core.Strapi,
  uid: typeof LINK_UID | typeof QUOTE_UID,
  table: string,
  join: { name: string; own: string; article: string },
  article: string,
  draftsOnly: boolean
): Promise<string[]> => {
  const t = newsroomTables(strapi);
  const read = async (trx?: Knex.Transaction) => {
    const knex = strapi.db.connection as unknown as Knex;
    const query = knex(`${t.article} as a`)
      .join(`${join.name} as j`, `j.${join.article}`, 'a.id')
      .join(`${table} as p`, 'p.id', `j.${join.own}`)
      .where(`a.${articleColumns(strapi).documentId}`, article)
      .distinct({ documentId: `p.${columnOf(strapi, uid, 'documentId')}` });
    if (draftsOnly) query.whereNull(`p.${columnOf(strapi, uid, 'publishedAt')}`);
    const rows: { documentId: string }[] = await (trx ? query.transacting(trx) : query);
    return rows.map((row) => row.documentId).sort();
  };
  return inCurrentTransaction(strapi, read);
};

/** One version (draft or published row) of one of a story's links or quotes. */
export interface PartVersion {
  documentId: string;
  publishedAt: unknown;
  updatedAt: unknown;
  /** The row is tied to a story (a published row loses it when its story is unpublished). */
  owned: boolean;
}

/**
 * Both versions of each of a story's links or quotes, and whether each row still has its
 * story: what the publish cascade decides from, in one statement. (It took four: the parts,
 * their versions, their published rows and, through Strapi's populate, those rows' stories.)
 */
export const readPartVersions = async (
  strapi: Core.Strapi,
  uid: typeof LINK_UID | typeof QUOTE_UID,
  article: string
): Promise<PartVersion[]> => {
  const t = newsroomTables(strapi);
  const { table, join } = partTables(t, uid);
  const documentId = columnOf(strapi, uid, 'documentId');
  const read = async (trx?: Knex.Transaction) => {
    const knex = strapi.db.connection as unknown as Knex;
    const parts = knex(`${t.article} as a`)
      .join(`${join.name} as j`, `j.${join.article}`, 'a.id')
      .join(`${table} as p`, 'p.id', `j.${join.own}`)
      .where(`a.${articleColumns(strapi).documentId}`, article)
      .select(`p.${documentId}`);
    const story = knex(`${join.name} as o`)
      .join(`${t.article} as s`, 's.id', `o.${join.article}`)
      .whereRaw('?? = ??', [`o.${join.own}`, 'v.id'])
      .select(knex.raw('1'));
    const query = knex(`${table} as v`)
      .whereIn(`v.${documentId}`, parts)
      .select({
        documentId: `v.${documentId}`,
        publishedAt: `v.${columnOf(strapi, uid, 'publishedAt')}`,
        updatedAt: `v.${columnOf(strapi, uid, 'updatedAt')}`,
        owned: knex.raw('CASE WHEN EXISTS ? THEN 1 ELSE 0 END', [story]),
      })
      .orderBy(`v.${documentId}`);
    const rows: (Omit<PartVersion, 'owned'> & { owned: unknown })[] = await (trx
      ? query.transacting(trx)
      : query);
    return rows.map((row) => ({ ...row, owned: Number(row.owned) === 1 }));
  };
  return inCurrentTransaction(strapi, read);
};

/**
 * The published rows (ids) of links whose draft points at this story but which point at
 * nothing themselves, and have no URL: a published link whose target was not published when
 * it was (Strapi then drops the relation), or was unpublished since (the join row went with
 * the target's published row). One statement for the publish cascade's relink.
 */
export const readLiveLinksMissing = async (strapi: Core.Strapi, target: string) => {
  const t = newsroomTables(strapi);
  const link = linkColumns(strapi);
  const read = async (trx?: Knex.Transaction) => {
    const knex = strapi.db.connection as unknown as Knex;
    const drafts = knex(`${t.article} as a`)
      .join(`${t.target.name} as j`, `j.${t.target.article}`, 'a.id')
      .join(`${t.link} as d`, 'd.id', `j.${t.target.link}`)
      .where(`a.${articleColumns(strapi).documentId}`, target)
      .whereNull(`d.${link.publishedAt}`)
      .select(`d.${link.documentId}`);
    const pointing = knex(`${t.target.name} as tj`)
      .join(`${t.article} as ta`, 'ta.id', `tj.${t.target.article}`)
      .whereRaw('?? = ??', [`tj.${t.target.link}`, 'l.id'])
      .select(knex.raw('1'));
    const query = knex(`${t.link} as l`)
      .whereIn(`l.${link.documentId}`, drafts)
      .whereNotNull(`l.${link.publishedAt}`)
      .where((q) => q.whereNull(`l.${link.url}`).orWhere(`l.${link.url}`, ''))
      .whereNotExists(pointing)
      .select('l.id')
      .orderBy('l.id');
    const rows: { id: number }[] = await (trx ? query.transacting(trx) : query);
    return rows.map((row) => row.id);
  };
  return inCurrentTransaction(strapi, read);
};
