'use strict';
/**
 * The browser tests: Debian's Chromium, driven by playwright-core, against the playground
 * built WITH its admin panel and started by the e2e jest project's global setup.
 */
const fs = require('node:fs');
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

/** Builds the plugin and the playground with its admin panel, then runs the e2e project. */
function runE2e({ env, args = [] }) {
  requireChromium();
  buildForServer({ admin: true, env });
  console.log('\n[newsroom] browser tests (Chromium) against the built playground');
  run(bin('jest'), ['--selectProjects', 'e2e', '--runInBand', ...args], { cwd: ROOT, env });
}

module.exports = { requireChromium, runE2e };
