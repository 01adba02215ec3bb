import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { LINK_UID, type PartUid } from '../constants';
import { inCurrentTransaction } from './in-current-transaction';
import { articleColumns, columnOf, linkColumns, newsroomTables, partTables } from './tables';
import { whereLocale } from '../i18n/locale';

/** A join table from a part to its story: its name, and the part's and the story's columns. */
type Join = { name: string; own: string; article: string };

/**
 * The documentIds of the parts of `uid` (in `table`) joined to a story's rows through
 * `join`, from the story's side: a query to read, or to nest in another (no transaction of
 * its own).
 */
const partsOf = (
  strapi: Core.Strapi,
  uid: PartUid,
  table: string,
  join: Join,
  article: string,
  draftsOnly: boolean,
  locale: string | null
) => {
  const knex = strapi.db.connection as unknown as Knex;
  const query = knex(`${newsroomTables(strapi).article} as a`)
    .join(`${join.name} as j`, `j.${join.article}`, 'a.id')
    .join(`${table} as p`, 'p.id', `j.${join.own}`)
    .where(`a.${articleColumns(strapi).documentId}`, article);
  if (draftsOnly) query.whereNull(`p.${columnOf(strapi, uid, 'publishedAt')}`);
  // Where stories are localized: the parts of this locale's version only.
  return whereLocale(query, locale, 'a');
};

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
  uid: PartUid,
  article: string,
  { draftsOnly = false, locale = null }: { draftsOnly?: boolean; locale?: string | null } = {}
): Promise<string[]> => {
  const { table, join } = partTables(newsroomTables(strapi), uid);
  const read = async (trx?: Knex.Transaction) => {
    const query = partsOf(strapi, uid, table, join, article, draftsOnly, locale).distinct({
      documentId: `p.${columnOf(strapi, uid, 'documentId')}`,
    });
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
  uid: PartUid,
  article: string,
  /** Where stories are localized: the story version's locale, whose parts these are. */
  locale: string | null = null
): Promise<PartVersion[]> => {
  const t = newsroomTables(strapi);
  const { table, join } = partTables(t, uid);
  const documentId = columnOf(strapi, uid, 'documentId');
  const read = async (trx?: Knex.Transaction) => {
    const knex = strapi.db.connection as unknown as Knex;
    const parts = partsOf(strapi, uid, table, join, article, false, locale).select(
      `p.${documentId}`
    );
    const story = knex(`${join.name} as o`)
      .join(`${t.article} as s`, 's.id', `o.${join.article}`)
      .whereRaw('?? = ??', [`o.${join.own}`, 'v.id'])
      .select(knex.raw('1'));
    const query = knex(`${table} as v`)
      .whereIn(`v.${documentId}`, parts)
      .modify((q) => whereLocale(q, locale, 'v'))
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
export const readLiveLinksMissing = async (
  strapi: Core.Strapi,
  target: string,
  /** Where stories are localized: the target version's locale, the links' own. */
  locale: string | null = null
) => {
  const t = newsroomTables(strapi);
  const link = linkColumns(strapi);
  const read = async (trx?: Knex.Transaction) => {
    const knex = strapi.db.connection as unknown as Knex;
    const targetJoin = { name: t.target.name, own: t.target.link, article: t.target.article };
    const drafts = partsOf(strapi, LINK_UID, t.link, targetJoin, target, true, locale).select(
      `p.${link.documentId}`
    );
    const pointing = knex(`${t.target.name} as tj`)
      .join(`${t.article} as ta`, 'ta.id', `tj.${t.target.article}`)
      .whereRaw('?? = ??', [`tj.${t.target.link}`, 'l.id'])
      .select(knex.raw('1'));
    const query = knex(`${t.link} as l`)
      .whereIn(`l.${link.documentId}`, drafts)
      .whereNotNull(`l.${link.publishedAt}`)
      .modify((q) => whereLocale(q, locale, 'l'))
      .where((q) => q.whereNull(`l.${link.url}`).orWhere(`l.${link.url}`, ''))
      .whereNotExists(pointing)
      .select('l.id')
      .orderBy('l.id');
    const rows: { id: number }[] = await (trx ? query.transacting(trx) : query);
    return rows.map((row) => row.id);
  };
  return inCurrentTransaction(strapi, read);
};
