'use strict';
const fs = require('node:fs');
const { startServer } = require('./server');
const { CHROMIUM } = require('./config');

/** Starts the playground once for the whole browser run; tests read its address from the env. */
module.exports = async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `[e2e] no Chromium at ${CHROMIUM}: install Debian's \`chromium\` package ` +
        '(apt-get install chromium fonts-liberation); .ci/run does it when missing.'
    );
  }
  const state = await startServer();
  globalThis.__NEWSROOM_E2E__ = state;
  process.env.NEWSROOM_E2E_URL = state.baseUrl;
  console.log(`\n[e2e] playground started on ${state.baseUrl} in ${state.bootMs} ms`);
};
