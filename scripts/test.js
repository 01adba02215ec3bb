#!/usr/bin/env node
'use strict';
/**
 * `npm test`: builds the plugin and compiles the playground, then runs jest: unit and
 * integration tests on SQLite and, side by side with them, the integration tests again on a
 * real PostgreSQL that the test setup starts and stops itself; then builds the playground's
 * admin panel and runs the browser tests in Chromium. Extra arguments go to jest (e.g. a file
 * pattern).
 */
const { ROOT } = require('./lib/env');
const { bin, buildForServer, run, runSideBySide } = require('./lib/run');
const { requireChromium, runE2e } = require('./lib/e2e');

const args = process.argv.slice(2);
const env = { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' };

requireChromium(); // before any build: a missing browser should not cost minutes to learn
buildForServer({ env });

const sqlite = {
  name: 'sqlite',
  command: bin('jest'),
  args: ['--selectProjects', 'unit', 'integration', '--runInBand', ...args],
  options: { cwd: ROOT, env: { ...env, NEWSROOM_TEST_DB: 'sqlite' } },
};
const postgres = {
  name: 'postgres',
  command: bin('jest'),
  args: ['--selectProjects', 'integration', '--runInBand', ...args],
  options: { cwd: ROOT, env: { ...env, NEWSROOM_TEST_DB: 'postgres' } },
};

const main = async () => {
  if (process.env.NEWSROOM_TEST_SERIAL === '1') {
    // One after the other, output as it comes: for a machine with one core, or to read a
    // failure without the other run's lines in between.
    console.log('\n[newsroom] unit + integration tests on SQLite');
    run(sqlite.command, sqlite.args, sqlite.options);
    console.log('\n[newsroom] integration tests on PostgreSQL');
    run(postgres.command, postgres.args, postgres.options);
  } else {
    console.log(
      '\n[newsroom] unit + integration tests on SQLite, and integration tests on PostgreSQL, side by side' +
        ' (NEWSROOM_TEST_SERIAL=1 runs them one after the other)'
    );
    await runSideBySide([sqlite, postgres]);
  }

  // A file pattern for the other projects may match no browser test: that is not a failure.
  runE2e({ env, args: args.length ? [...args, '--passWithNoTests'] : [] });
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
