'use strict';
const { startPostgres } = require('./postgres');

/** Starts PostgreSQL once for the whole run when the suite targets it (NEWSROOM_TEST_DB=postgres). */
module.exports = async () => {
  if (process.env.NEWSROOM_TEST_DB !== 'postgres') return;
  const info = await startPostgres();
  globalThis.__NEWSROOM_PG__ = info;
  // Test files read the server's address from the environment (workers inherit it).
  process.env.NEWSROOM_TEST_PG = JSON.stringify({
    host: info.host,
    port: info.port,
    user: info.user,
  });
  console.log(`\n[tests] PostgreSQL started on ${info.host}:${info.port}`);
};
