'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { ROOT } = require('./env');

const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);

/** Runs a command in the foreground, exiting this process if it fails. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(
      `[newsroom] ${path.basename(command)} ${args.join(' ')} failed (${result.status ?? result.signal})`
    );
    process.exit(result.status || 1);
  }
}

/** Builds the plugin (dist/) and compiles the playground's TypeScript (playground/dist). */
function buildForServer({ admin = false, env = process.env } = {}) {
  console.log('[newsroom] building the plugin (strapi-plugin build)');
  run(bin('strapi-plugin'), ['build'], { cwd: ROOT, env });
  if (admin) {
    console.log('[newsroom] building the playground and its admin panel (strapi build)');
    run(bin('strapi'), ['build'], { cwd: path.join(ROOT, 'playground'), env });
  } else {
    console.log('[newsroom] compiling the playground (tsc)');
    run(bin('tsc'), ['-p', 'playground/tsconfig.json'], { cwd: ROOT, env });
  }
}

module.exports = { bin, run, buildForServer };
