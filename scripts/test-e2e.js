#!/usr/bin/env node
'use strict';
/**
 * `npm run test:e2e`: only the browser tests (builds the plugin and the playground's admin
 * panel first). Extra arguments go to jest.
 */
const { runE2e } = require('./lib/e2e');

runE2e({ env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' }, args: process.argv.slice(2) });
