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

/**
 * Builds the plugin's dist/ (server and admin bundles). `logToStderr` keeps stdout clean for
 * commands whose stdout is data (the importer's dry run prints JSON).
 */
function buildPlugin(env = process.env, { logToStderr = false } = {}) {
  (logToStderr ? console.error : console.log)(
    '[newsroom] building the plugin (strapi-plugin build)'
  );
  run(bin('strapi-plugin'), ['build'], {
    cwd: ROOT,
    env,
    ...(logToStderr ? { stdio: ['inherit', 2, 2] } : {}),
  });
}

/** Builds the plugin and compiles the playground's TypeScript (playground/dist). */
function buildForServer({ admin = false, env = process.env, logToStderr = false } = {}) {
  buildPlugin(env, { logToStderr });
  const log = logToStderr ? console.error : console.log;
  const stdio = logToStderr ? { stdio: ['inherit', 2, 2] } : {};
  if (admin) {
    log('[newsroom] building the playground and its admin panel (strapi build)');
    run(bin('strapi'), ['build'], { cwd: path.join(ROOT, 'playground'), env, ...stdio });
  } else {
    log('[newsroom] compiling the playground (tsc)');
    run(bin('tsc'), ['-p', 'playground/tsconfig.json'], { cwd: ROOT, env, ...stdio });
  }
}

module.exports = { bin, run, buildPlugin, buildForServer };
