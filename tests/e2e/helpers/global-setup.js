'use strict';
const fs = require('node:fs');
const { startServer } = require('./server');
const { CHROMIUM } = require('./config');
const { startPostgres, stopPostgres } = require('../../integration/helpers/postgres');
const { scratchDatabase } = require('../../../scripts/lib/scratch');

/**
 * Starts the playground once for the whole browser run; tests read its address from the env.
 * On SQLite, or with NEWSROOM_E2E_DB=postgres on a throw-away PostgreSQL server of its own
 * (the integration tests' helper), which the teardown stops again.
 */
module.exports = async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `[e2e] no Chromium at ${CHROMIUM}: install Debian's \`chromium\` package ` +
        '(apt-get install chromium fonts-liberation); .ci/run does it when missing.'
    );
  }
  let postgres = null;
  let databaseEnv = null;
  if (process.env.NEWSROOM_E2E_DB === 'postgres') {
    postgres = await startPostgres();
    globalThis.__NEWSROOM_E2E_PG__ = postgres;
    const { host, port, user } = postgres;
    databaseEnv = (await scratchDatabase({ pg: { host, port, user }, name: 'newsroom_e2e' })).env;
  }
  let state;
  try {
    state = await startServer({ databaseEnv });
  } catch (error) {
    if (postgres) stopPostgres(postgres);
    globalThis.__NEWSROOM_E2E_PG__ = null;
    throw error;
  }
  globalThis.__NEWSROOM_E2E__ = state;
  process.env.NEWSROOM_E2E_URL = state.baseUrl;
  const on = postgres ? `PostgreSQL on port ${postgres.port}` : 'SQLite';
  console.log(`\n[e2e] playground started on ${state.baseUrl} (${on}) in ${state.bootMs} ms`);
};
