'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { ROOT } = require('./env');
const { buildUnlessFresh, PLAYGROUND_INPUTS, PLUGIN_INPUTS } = require('./build-stamp');

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
 * Builds the plugin's dist/ (server and admin bundles), unless it was built from these very
 * sources (scripts/lib/build-stamp). `logToStderr` keeps stdout clean for commands whose
 * stdout is data (the importer's dry run prints JSON).
 */
function buildPlugin(env = process.env, { logToStderr = false } = {}) {
  const log = logToStderr ? console.error : console.log;
  const built = buildUnlessFresh(
    {
      stampFile: 'dist/.newsroom-build-stamp',
      output: 'dist/server/index.js',
      inputs: PLUGIN_INPUTS,
    },
    () => {
      log('[newsroom] building the plugin (strapi-plugin build)');
      run(bin('strapi-plugin'), ['build'], {
        cwd: ROOT,
        env,
        ...(logToStderr ? { stdio: ['inherit', 2, 2] } : {}),
      });
    }
  );
  if (!built)
    log('[newsroom] the plugin is built from these sources (NEWSROOM_FORCE_BUILD=1 rebuilds)');
}

/**
 * Builds the plugin and compiles the playground's TypeScript (playground/dist), or with
 * `admin` builds the playground with its admin panel; each only when its inputs changed.
 */
function buildForServer({ admin = false, env = process.env, logToStderr = false } = {}) {
  buildPlugin(env, { logToStderr });
  const log = logToStderr ? console.error : console.log;
  const stdio = logToStderr ? { stdio: ['inherit', 2, 2] } : {};
  if (admin) {
    // The admin panel bundles the plugin's admin: its inputs are the plugin's too.
    const built = buildUnlessFresh(
      {
        stampFile: 'playground/dist/build/.newsroom-build-stamp',
        output: 'playground/dist/build/index.html',
        inputs: [...PLAYGROUND_INPUTS, ...PLUGIN_INPUTS],
        extra: 'admin',
      },
      () => {
        log('[newsroom] building the playground and its admin panel (strapi build)');
        run(bin('strapi'), ['build'], { cwd: path.join(ROOT, 'playground'), env, ...stdio });
      }
    );
    if (!built) log('[newsroom] the playground and its admin panel are built from these sources');
  } else {
    const built = buildUnlessFresh(
      {
        stampFile: 'playground/dist/.newsroom-build-stamp',
        output: 'playground/dist/config',
        inputs: PLAYGROUND_INPUTS,
      },
      () => {
        log('[newsroom] compiling the playground (tsc)');
        run(bin('tsc'), ['-p', 'playground/tsconfig.json'], { cwd: ROOT, env, ...stdio });
      }
    );
    if (!built) log('[newsroom] the playground is compiled from these sources');
  }
}

module.exports = { bin, run, buildPlugin, buildForServer };
