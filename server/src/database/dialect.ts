import type { Core } from '@strapi/strapi';

/**
 * Whether the plugin's database is PostgreSQL; otherwise it is SQLite (better-sqlite3): no
 * other client gets past register (database/supported-client). Written once, for Strapi's
 * database and for a bare knex (a transaction's), whose client Strapi may name "pg".
 */
export const isPostgres = (db: Pick<Core.Strapi['db'], 'dialect'>): boolean =>
  db.dialect.client === 'postgres';

export const knexIsPostgres = (knex: { client: unknown }): boolean => {
  const name = (knex.client as { config?: { client?: unknown } }).config?.client;
  return name === 'postgres' || name === 'pg';
};
