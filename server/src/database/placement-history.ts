import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { HistoryPlacement } from '#shared/baca-juga/placement-history';
import { indexLocale, PLACEMENT_HISTORY_TABLE } from './plugin-tables';
import { isPostgres } from './dialect';
import type { VersionKey } from './link-edits';

type Trx = Knex.Transaction;

const knexOf = (strapi: Core.Strapi) => strapi.db.connection as unknown as Knex;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Old entries deleted by one write at most: a write never waits on a large backlog. */
const AGE_PRUNE_BATCH = 500;

export interface HistoryUser {
  id: number;
  name: string | null;
}

export interface HistoryRecord extends VersionKey {
  at: Date;
  user: HistoryUser | null;
  before: HistoryPlacement;
  after: HistoryPlacement;
}

export interface HistoryBounds {
  /** Entries kept per story version, the newest. */
  maxEntries: number;
  /** Entries older than this many days are deleted (and never shown). */
  maxAgeDays: number;
}

export interface StoredHistoryEntry {
  id: number;
  at: Date;
  user: HistoryUser | null;
  before: HistoryPlacement;
  after: HistoryPlacement;
}

const cutoffOf = (bounds: HistoryBounds, now: Date) => now.getTime() - bounds.maxAgeDays * DAY_MS;

/**
 * Records these changes inside the write's transaction, then keeps the history within its
 * bounds: each recorded version to its newest `maxEntries` (the version's rows are the
 * write's: its article is locked), and the whole table to `maxAgeDays`. Done by the writes
 * themselves, so no timer and no instance owns it.
 */
export const recordHistory = async (
  strapi: Core.Strapi,
  trx: Trx,
  records: HistoryRecord[],
  bounds: HistoryBounds
) => {
  if (records.length === 0) return;
  const knex = knexOf(strapi);
  await knex(PLACEMENT_HISTORY_TABLE)
    .transacting(trx)
    .insert(
      records.map((r) => ({
        document_id: r.documentId,
        locale: indexLocale(r.locale),
        recorded_at: r.at.getTime(),
        user_id: r.user?.id ?? null,
        user_name: r.user?.name ?? null,
        before_state: JSON.stringify(r.before),
        after_state: JSON.stringify(r.after),
      }))
    );
  for (const r of records) {
    const version = { document_id: r.documentId, locale: indexLocale(r.locale) };
    // The id of the oldest entry kept; none (NULL, nothing deleted) while there are fewer.
    const oldestKept = knex(PLACEMENT_HISTORY_TABLE)
      .where(version)
      .orderBy('id', 'desc')
      .offset(bounds.maxEntries - 1)
      .limit(1)
      .select('id');
    await knex(PLACEMENT_HISTORY_TABLE)
      .transacting(trx)
      .where(version)
      .where('id', '<', oldestKept)
      .delete();
  }
  const cutoff = cutoffOf(bounds, records[0].at);
  const old = knex(PLACEMENT_HISTORY_TABLE)
    .where('recorded_at', '<', cutoff)
    .orderBy('recorded_at')
    .limit(AGE_PRUNE_BATCH)
    .select('id');
  // Two instances pruning at once on PostgreSQL: each skips the rows the other is deleting
  // rather than waiting for it (the rows go either way).
  if (isPostgres(strapi.db)) old.forUpdate().skipLocked();
  await knex(PLACEMENT_HISTORY_TABLE).transacting(trx).whereIn('id', old).delete();
};

/** These versions' drafts are gone (a story or a translation deleted): their history too. */
export const forgetHistory = async (strapi: Core.Strapi, trx: Trx, keys: VersionKey[]) => {
  for (const key of keys) {
    await knexOf(strapi)(PLACEMENT_HISTORY_TABLE)
      .transacting(trx)
      .where({ document_id: key.documentId, locale: indexLocale(key.locale) })
      .delete();
  }
};

const parsePlacement = (stored: unknown): HistoryPlacement => {
  const value = typeof stored === 'string' ? JSON.parse(stored) : stored;
  return {
    links: Array.isArray(value?.links) ? value.links : [],
    quotes: Array.isArray(value?.quotes) ? value.quotes : [],
  };
};

/** A version's history within its bounds, newest first (entries older than the age bound and not yet pruned are left out). */
export const readHistory = async (
  strapi: Core.Strapi,
  key: VersionKey,
  bounds: HistoryBounds,
  now = new Date()
): Promise<StoredHistoryEntry[]> => {
  const rows: Record<string, unknown>[] = await knexOf(strapi)(PLACEMENT_HISTORY_TABLE)
    .where({ document_id: key.documentId, locale: indexLocale(key.locale) })
    .where('recorded_at', '>=', cutoffOf(bounds, now))
    .orderBy('id', 'desc')
    .limit(Math.max(bounds.maxEntries, 0))
    .select('*');
  return rows.map((row) => ({
    id: Number(row.id),
    at: new Date(Number(row.recorded_at)),
    user:
      row.user_id === null || row.user_id === undefined
        ? null
        : { id: Number(row.user_id), name: (row.user_name as string | null) ?? null },
    before: parsePlacement(row.before_state),
    after: parsePlacement(row.after_state),
  }));
};
