#!/usr/bin/env node
'use strict';
/**
 * `npm run docs:screenshots`: the browser tests, writing their screenshots into
 * docs/screenshots/ (a plain `npm test` writes them to a temporary folder instead, so it
 * leaves the working tree clean). Extra arguments go to jest.
 */
const path = require('node:path');
const { ROOT } = require('./lib/env');
const { runE2e } = require('./lib/e2e');

runE2e({
  env: {
    ...process.env,
    STRAPI_TELEMETRY_DISABLED: 'true',
    NEWSROOM_SCREENSHOTS_DIR: path.join(ROOT, 'docs', 'screenshots'),
  },
  args: process.argv.slice(2),
});
