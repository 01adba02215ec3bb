'use strict';
const { LAST_LOG, stopServer } = require('./server');
const { stopPostgres } = require('../../integration/helpers/postgres');

module.exports = async () => {
  try {
    await stopServer(globalThis.__NEWSROOM_E2E__);
    if (globalThis.__NEWSROOM_E2E__) console.log(`[e2e] server stopped; its log: ${LAST_LOG}`);
  } finally {
    // The server first: it holds connections to the database.
    if (globalThis.__NEWSROOM_E2E_PG__) stopPostgres(globalThis.__NEWSROOM_E2E_PG__);
  }
};
