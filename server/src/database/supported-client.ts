/**
 * The databases the plugin runs on. Its tables' DDL, the render's and the list's statements
 * (JSON aggregation, `json_each`) and its upserts (`excluded.`) are written for SQLite and
 * PostgreSQL; on any other database they would fail at the first request instead of at start.
 */
export const SUPPORTED_CLIENTS = {
  sqlite: 'sqlite (better-sqlite3)',
  postgres: 'postgres',
} as const;

export type SupportedClient = keyof typeof SUPPORTED_CLIENTS;

/** Refuses a Strapi database client (`database.connection.client`) the plugin cannot run on. */
export const assertSupportedClient = (client: unknown): SupportedClient => {
  if (client === 'sqlite' || client === 'postgres') return client;
  throw new Error(
    `newsroom: the database client ${JSON.stringify(client ?? null)} is not supported; ` +
      `the plugin runs on ${Object.values(SUPPORTED_CLIENTS).join(' and ')} ` +
      '(set database.connection.client, DATABASE_CLIENT in the playground, to one of them)'
  );
};
