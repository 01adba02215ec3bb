#!/usr/bin/env node
'use strict';
/**
 * `npm test`: builds the plugin and compiles the playground, then runs jest: unit and
 * integration tests on SQLite, then the integration tests again on a real PostgreSQL that
 * the test setup starts and stops itself, then builds the playground's admin panel and runs
 * the browser tests in Chromium. Extra arguments go to jest (e.g. a file pattern).
 */
const { ROOT } = require('./lib/env');
const { bin, buildForServer, run } = require('./lib/run');
const { requireChromium, runE2e } = require('./lib/e2e');

const args = process.argv.slice(2);
const env = { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' };

requireChromium(); // before any build: a missing browser should not cost minutes to learn
buildForServer({ env });

console.log('\n[newsroom] unit + integration tests on SQLite');
run(bin('jest'), ['--selectProjects', 'unit', 'integration', '--runInBand', ...args], {
  cwd: ROOT,
  env: { ...env, NEWSROOM_TEST_DB: 'sqlite' },
});

console.log('\n[newsroom] integration tests on PostgreSQL');
run(bin('jest'), ['--selectProjects', 'integration', '--runInBand', ...args], {
  cwd: ROOT,
  env: { ...env, NEWSROOM_TEST_DB: 'postgres' },
});

// A file pattern for the other projects may match no browser test: that is not a failure.
runE2e({ env, args: args.length ? [...args, '--passWithNoTests'] : [] });
