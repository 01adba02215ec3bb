'use strict';
const { startPostgres } = require('./postgres');

/** Starts PostgreSQL once for the whole run when the suite targets it (NEWSROOM_TEST_DB=postgres). */
module.exports = async () => {
  if (process.env.NEWSROOM_TEST_DB !== 'postgres') return;
  const info = await startPostgres();
  globalThis.__NEWSROOM_PG__ = info;
  // Test files read the server's address from the environment (workers inherit it), and
  // where it lives, for the test that restarts it (helpers/postgres restartPostgres).
  process.env.NEWSROOM_TEST_PG = JSON.stringify(info);
  console.log(`\n[tests] PostgreSQL started on ${info.host}:${info.port}`);
};
