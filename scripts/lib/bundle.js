'use strict';
/**
 * The built plugin bundle (dist/server/index.js) for tools that use its named exports: built
 * first when its sources changed (scripts/lib/run buildPlugin, stamped), with the build's
 * output on stderr so that a tool's stdout stays its report.
 */
const path = require('node:path');
const { ROOT } = require('./env');
const { buildPlugin } = require('./run');

function loadBundle(names) {
  buildPlugin(process.env, { logToStderr: true });
  const bundle = require(path.join(ROOT, 'dist/server/index.js'));
  const missing = names.filter((name) => typeof bundle[name] !== 'function');
  if (missing.length) {
    process.stderr.write(`dist/server/index.js does not export ${missing.join(', ')}\n`);
    process.exit(1);
  }
  return bundle;
}

module.exports = { loadBundle };
