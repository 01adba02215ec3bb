import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { knexIsPostgres as isPostgres } from './dialect';
import { sqliteReaderOf } from './sqlite-reader';

type Knex = Core.Strapi['db']['connection'];

/** Statements kept compiled per SQLite connection: the hot read paths' few SQL texts. */
const MAX_PER_CONNECTION = 64;
const sqliteStatements = new WeakMap<object, Map<string, any>>();
/** PostgreSQL's text of a `?` statement ($1, $2, ...) and its statement name, per text. */
const postgresTexts = new Map<string, { text: string; name: string }>();

const postgresText = (knex: Knex, sql: string, bindings: unknown[]) => {
  let known = postgresTexts.get(sql);
  if (!known) {
    const text = knex
      .raw(sql, bindings as any[])
      .toSQL()
      .toNative().sql;
    const name = `newsroom_${crypto.createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    known = { text, name };
    if (postgresTexts.size >= 1000) postgresTexts.clear();
    postgresTexts.set(sql, known);
  }
  return known;
};

/**
 * Runs a read statement of the hot public paths (the permission check, the render, the list)
 * compiled once instead of per request:
 * - PostgreSQL: as a named prepared statement, so each pooled connection plans it once (about
 *   a third of the cost of a small query, measured);
 * - SQLite: as a better-sqlite3 statement kept per connection (knex prepares every query
 *   afresh, and compiling the render's statement cost more than running it, measured with
 *   `npm run bench:profile`).
 * `sql` uses knex's `?` placeholders. The query is announced like any knex query, so that
 * query logging and the tests' statement counts see it.
 */
export const runPrepared = async (knex: Knex, sql: string, bindings: unknown[]): Promise<any[]> => {
  const client = knex.client as any;
  const native = isPostgres(knex) ? postgresText(knex, sql, bindings) : null;
  const query = {
    method: 'raw',
    sql: native?.text ?? sql,
    bindings,
    __knexQueryUid: crypto.randomUUID(),
  };
  client.emit('query', query);
  // SQLite in WAL mode: a read-only connection of its own, not waiting behind a write
  // (database/sqlite-reader); inside a transaction, the transaction's own connection.
  const reader = native ? undefined : sqliteReaderOf(knex);
  const side = reader && !reader.inTransaction() ? reader.connection : null;
  const connection = side ?? (await client.acquireConnection());
  try {
    let rows: any[];
    if (native) {
      rows = (await connection.query({ name: native.name, text: native.text, values: bindings }))
        .rows;
    } else {
      let cache = sqliteStatements.get(connection);
      if (!cache) sqliteStatements.set(connection, (cache = new Map()));
      let statement = cache.get(sql);
      if (!statement) {
        statement = connection.prepare(sql);
        if (cache.size >= MAX_PER_CONNECTION) cache.delete(cache.keys().next().value as string);
        cache.set(sql, statement);
      }
      // As knex's own driver passes them: dates as milliseconds, booleans as 0 or 1.
      rows = statement.all(
        bindings.map((b) => (b instanceof Date ? b.valueOf() : typeof b === 'boolean' ? +b : b))
      );
    }
    client.emit('query-response', rows, query);
    return rows;
  } catch (error) {
    client.emit('query-error', error, query);
    throw error;
  } finally {
    if (!side) client.releaseConnection(connection);
  }
};

/** A statement without parameters of its own (a knex builder), compiled once: see runPrepared. */
export const preparedStatement = (knex: Knex, builder: { toSQL(): any }) => {
  const compiled = builder.toSQL();
  return (): Promise<any[]> => runPrepared(knex, compiled.sql, compiled.bindings);
};
