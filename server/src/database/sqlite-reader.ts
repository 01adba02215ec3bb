import type { Core } from '@strapi/strapi';
import { isPostgres } from './dialect';

type Knex = Core.Strapi['db']['connection'];

/** A read-only connection of its own to the SQLite file, for the hot public reads. */
export interface SqliteReader {
  connection: any;
  /** True inside a write transaction: its reads must see its own uncommitted rows. */
  inTransaction: () => boolean;
}

const readers = new WeakMap<object, SqliteReader>();

/** The side reader for this knex, when one is open (see openSqliteReader). */
export const sqliteReaderOf = (knex: Knex): SqliteReader | undefined => readers.get(knex);

/**
 * Strapi gives SQLite one connection, so while a publish holds it for its transaction (tens of
 * milliseconds at 10,000 stories) every public request waits, a cache hit included: each one
 * reads the content generation. In write-ahead-log mode SQLite lets readers read the last
 * commit while a writer writes, so the public reads (database/prepared) get a read-only
 * connection of their own and no longer queue behind a write. They see what is committed, as
 * on PostgreSQL: a publish bumps the generation after its commit (services/freshness), so a
 * response read meanwhile is retired afterwards.
 *
 * Only in WAL mode (the playground turns it on; docs/DEPLOY.md says how): in the default
 * rollback journal a reader waits on a writer's commit, blocking Node while it does. Not for
 * an in-memory database, which another connection cannot open.
 */
export const openSqliteReader = async (strapi: Core.Strapi): Promise<(() => void) | null> => {
  if (isPostgres(strapi.db)) return null;
  const knex = strapi.db.connection;
  const client = knex.client as any;
  const main = await client.acquireConnection();
  let filename: string;
  let memory: boolean;
  let journal: string;
  try {
    filename = main.name;
    memory = main.memory;
    journal = String(main.pragma('journal_mode', { simple: true })).toLowerCase();
  } finally {
    client.releaseConnection(main);
  }
  if (memory || journal !== 'wal') return null;
  const Database = main.constructor;
  // A reader waits for the disk only in rare WAL cases (a checkpoint restarting the log): a
  // short wait, then an error, rather than Node blocked for the driver's default 5 s.
  const connection = new Database(filename, { readonly: true, fileMustExist: true, timeout: 250 });
  readers.set(knex, { connection, inTransaction: () => strapi.db.inTransaction() });
  return () => {
    readers.delete(knex);
    connection.close();
  };
};
