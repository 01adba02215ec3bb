'use strict';
const { LAST_LOG, stopServer } = require('./server');

module.exports = async () => {
  await stopServer(globalThis.__NEWSROOM_E2E__);
  if (globalThis.__NEWSROOM_E2E__) console.log(`[e2e] server stopped; its log: ${LAST_LOG}`);
};
