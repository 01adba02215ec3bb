import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { LINK_UID, QUOTE_UID } from '../constants';
import { articleColumns, columnOf, newsroomTables, partTables } from './tables';

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
  // In the caller's transaction when there is one: on SQLite a read beside it would wait for it.
  return strapi.db.inTransaction()
    ? strapi.db.transaction(({ trx }) => read(trx as unknown as Knex.Transaction))
    : read();
};
