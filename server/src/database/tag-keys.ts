import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { tagKey, tagKeysOf } from '#shared/tags';
import { fromJsonColumn } from '#shared/json-column';
import { readTags } from '../utils/tags';
import { isPostgres } from './dialect';
import { articleColumns, newsroomTables } from './tables';

/**
 * Keeps query `q` (articles as `alias`) to those holding `tag`: the tag's key (#shared/tags)
 * among the row's stored keys, an exact comparison of values both computed in JS. SQL's
 * LOWER() decided this before, and it is ASCII-only on SQLite ("Économie" was not found by
 * "économie").
 */
export const whereHasTag = (
  strapi: Core.Strapi,
  q: Knex.QueryBuilder,
  alias: string,
  tag: string
): Knex.QueryBuilder => {
  const column = `${alias}.${articleColumns(strapi).tagKeys}`;
  const key = tagKey(tag);
  return isPostgres(strapi.db)
    ? // jsonb containment: the list holds this key as one whole element.
      q.whereRaw(`${column} @> CAST(? AS jsonb)`, [JSON.stringify([key])])
    : q.whereRaw(`EXISTS (SELECT 1 FROM json_each(${column}) AS k WHERE k.value = ?)`, [key]);
};

const BACKFILL_BATCH = 500;

/** The rows still without keys: almost none once backfilled, so the index stays tiny. */
export const UNKEYED_INDEX = 'newsroom_articles_unkeyed_tags';

const ensureUnkeyedIndex = async (knex: Knex, table: string, tagKeys: string) => {
  const create = () =>
    knex.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (id) WHERE ?? IS NULL', [
      UNKEYED_INDEX,
      table,
      tagKeys,
    ]);
  try {
    await create();
  } catch {
    // Another instance creating it at the same moment (PostgreSQL's catalog races): it exists now.
    await create();
  }
};

/**
 * Gives every article row that has none its tag keys, computed from its stored tags (rows
 * written before the keys existed, or by raw SQL). Runs at boot on every instance: once done it
 * costs one lookup in an all but empty partial index (3 ms at 100,000 stories on SQLite, where
 * a scan of the table took 1.2 s). Instances booting at once do not wait on or redo each other's
 * rows (PostgreSQL: `SKIP LOCKED`), and a row given keys by a write meanwhile is left alone
 * (`IS NULL` again in the UPDATE). `updated_at` is not touched: a draft does not look edited.
 * Returns how many rows it gave keys.
 */
export const backfillTagKeys = async (strapi: Core.Strapi): Promise<number> => {
  const knex = strapi.db.connection as unknown as Knex;
  const table = newsroomTables(strapi).article;
  const { tags, tagKeys } = articleColumns(strapi);
  const pg = isPostgres(strapi.db);
  await ensureUnkeyedIndex(knex, table, tagKeys);
  let written = 0;
  for (;;) {
    const count = await knex.transaction(async (trx) => {
      const pick = trx(table)
        .whereNull(tagKeys)
        .orderBy('id')
        .limit(BACKFILL_BATCH)
        .select('id', `${tags} as tags`);
      const rows: { id: number; tags: unknown }[] = pg
        ? await pick.forUpdate().skipLocked()
        : await pick;
      if (rows.length === 0) return 0;
      // One statement per batch: each row's keys differ, so a CASE on the row id.
      const value = pg ? 'CAST(? AS jsonb)' : '?';
      await trx.raw(
        `UPDATE ?? SET ?? = CASE id ${rows.map(() => `WHEN ? THEN ${value}`).join(' ')} END
         WHERE id IN (${rows.map(() => '?').join(', ')}) AND ?? IS NULL`,
        [
          table,
          tagKeys,
          ...rows.flatMap((row) => [
            row.id,
            JSON.stringify(tagKeysOf(readTags(fromJsonColumn(row.tags)))),
          ]),
          ...rows.map((row) => row.id),
          tagKeys,
        ]
      );
      return rows.length;
    });
    if (count === 0) return written;
    written += count;
  }
};
