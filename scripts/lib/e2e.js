'use strict';
/**
 * The browser tests: Debian's Chromium, driven by playwright-core, against the playground
 * built WITH its admin panel and started by the e2e jest project's global setup.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT } = require('./env');
const { bin, buildForServer, run } = require('./run');
const { CHROMIUM } = require('../../tests/e2e/helpers/config');

/** Exits with a clear message when the browser is missing (checked before any build). */
function requireChromium() {
  if (fs.existsSync(CHROMIUM)) return;
  console.error(
    `[newsroom] the browser tests need Chromium at ${CHROMIUM}: install Debian's \`chromium\` ` +
      'package (apt-get install chromium fonts-liberation; .ci/run does it when missing).'
  );
  process.exit(1);
}

/**
 * The editor's main path in the browser (find the story, add, move and remove links, save,
 * and what readers then get), run once more on PostgreSQL: the whole browser suite runs on
 * SQLite, and this one test (about a minute, server start included) catches what only the
 * other database's SQL would break on the way from the admin to readers.
 */
const POSTGRES_PATH = {
  file: 'tests/e2e/baca-juga-editor.test.ts',
  test: 'an editor adds, moves and removes links, saves, and readers get the new placement',
};

/** The jest run of the main path on PostgreSQL (its own server and database, see global-setup). */
function runPostgresPath(env) {
  console.log("\n[newsroom] the editor's main browser path on PostgreSQL");
  run(
    bin('jest'),
    ['--selectProjects', 'e2e', '--runInBand', POSTGRES_PATH.file, '-t', POSTGRES_PATH.test],
    {
      cwd: ROOT,
      env: {
        ...env,
        NEWSROOM_E2E_DB: 'postgres',
        // Its screenshots are the SQLite run's again: they never replace those.
        NEWSROOM_SCREENSHOTS_DIR: path.join(os.tmpdir(), 'newsroom-e2e-screenshots-postgres'),
      },
    }
  );
}

/**
 * Builds the plugin and the playground with its admin panel, then runs the e2e project on
 * SQLite and, unless jest was given arguments (a chosen file or test), the main path on
 * PostgreSQL.
 */
function runE2e({ env, args = [] }) {
  requireChromium();
  buildForServer({ admin: true, env });
  console.log('\n[newsroom] browser tests (Chromium) against the built playground');
  run(bin('jest'), ['--selectProjects', 'e2e', '--runInBand', ...args], { cwd: ROOT, env });
  if (args.length === 0) runPostgresPath(env);
}

module.exports = { POSTGRES_PATH, requireChromium, runE2e, runPostgresPath };
