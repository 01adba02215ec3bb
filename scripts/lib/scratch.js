'use strict';
/**
 * Throw-away Strapi environments for the tests and the benchmark: fresh secrets, and a
 * database of their own (a SQLite file in a temp folder, or a new database on a PostgreSQL
 * server that the caller started).
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { PLAYGROUND } = require('./env');

const secret = () => crypto.randomBytes(16).toString('base64');

/** Fresh values for the secrets Strapi needs; instances sharing a database share these. */
const freshSecrets = () => ({
  APP_KEYS: [secret(), secret()].join(','),
  API_TOKEN_SALT: secret(),
  ADMIN_JWT_SECRET: secret(),
  TRANSFER_TOKEN_SALT: secret(),
  JWT_SECRET: secret(),
  ENCRYPTION_KEY: secret(),
});

/** Runs one statement on the server's `postgres` database (CREATE/DROP DATABASE). */
const pgAdmin = async (pg, sql) => {
  const { Client } = require(require.resolve('pg', { paths: [PLAYGROUND] }));
  const client = new Client({ host: pg.host, port: pg.port, user: pg.user, database: 'postgres' });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

/**
 * A database named `name` of its own: on PostgreSQL (`pg`: { host, port, user }) or, when
 * `pg` is null, in a SQLite file under a temp folder starting with `prefix`. Returns the
 * playground's DATABASE_* variables for it and a function that removes it.
 */
const scratchDatabase = async ({ pg, name, prefix = 'newsroom-' }) => {
  if (pg) {
    await pgAdmin(pg, `CREATE DATABASE ${name}`);
    return {
      env: {
        DATABASE_CLIENT: 'postgres',
        DATABASE_HOST: pg.host,
        DATABASE_PORT: String(pg.port),
        DATABASE_NAME: name,
        DATABASE_USERNAME: pg.user,
        DATABASE_PASSWORD: '',
      },
      drop: () => pgAdmin(pg, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, `${name}.db`) },
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
};

module.exports = { freshSecrets, scratchDatabase };
