#!/usr/bin/env node
'use strict';
/**
 * `npm run seed`, `npm run reindex` (the suggestion index, anew from the published articles)
 * and `npm run import -- [--dry-run] [--draft] [--replace-links] [--json] FILE [--title T]
 * [--slug S] [--tags a,b] [--locale L] [--translation-of SLUG]` (a re-import keeps the editors' links and speakers). Seed and
 * import are the plugin's own `strapi-newsroom` command (bin/), run on the playground; all use
 * the playground's database settings, exactly as `npm start` does.
 */
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, PLAYGROUND, playgroundEnv } = require('./lib/env');
const { buildForServer, buildPlugin } = require('./lib/run');

const [command, ...rest] = process.argv.slice(2);

function fail(message) {
  console.error(`[newsroom] ${message}`);
  process.exit(2);
}

async function withStrapi(fn) {
  Object.assign(process.env, playgroundEnv({ NEWSROOM_SKIP_SEED: 'true' }));
  buildForServer({ env: process.env });
  const { createStrapi } = require(require.resolve('@strapi/strapi', { paths: [PLAYGROUND] }));
  const strapi = await createStrapi({
    appDir: PLAYGROUND,
    distDir: path.join(PLAYGROUND, 'dist'),
  }).load();
  strapi.log.level = 'warn';
  try {
    await fn(strapi);
  } finally {
    await strapi.destroy();
  }
}

async function main() {
  if (command === 'seed' || command === 'import') {
    // The same command a Strapi app that installed the plugin runs (bin/strapi-newsroom.js),
    // pointed at the playground with its database settings.
    const cli = require(path.join(ROOT, 'bin', 'strapi-newsroom.js'));
    if (rest.includes('--dry-run')) {
      if (!fs.existsSync(path.join(ROOT, 'dist', 'server', 'index.js')))
        buildPlugin(process.env, { logToStderr: true });
      return cli.main([command, ...rest]);
    }
    Object.assign(process.env, playgroundEnv({ NEWSROOM_SKIP_SEED: 'true' }));
    // stdout stays free for --json: the build's log goes to stderr.
    buildForServer({ env: process.env, logToStderr: true });
    // File paths are resolved by the CLI before it moves into the app's directory.
    return cli.main([command, ...rest, '--app', PLAYGROUND]);
  }
  if (command === 'reindex') {
    await withStrapi(async (strapi) => {
      let last = 0;
      const result = await strapi
        .plugin('newsroom')
        .service('searchIndex')
        .rebuild((done, total) => {
          if (done === total || Date.now() - last > 1000) {
            last = Date.now();
            console.log(`[reindex] ${done}/${total} articles`);
          }
        });
      if (result.skipped) {
        console.log('[reindex] another instance is rebuilding the index; nothing done');
        return;
      }
      // Cached related lists were ranked on the old index.
      await strapi.plugin('newsroom').service('freshness').bump();
      console.log(`[reindex] done: ${result.indexed} indexed, ${result.removed} removed`);
    });
    return;
  }
  fail(`unknown command "${command}" (expected seed, reindex or import)`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`[newsroom] ${error.message}`);
    if (error.details?.errors) console.error(JSON.stringify(error.details.errors, null, 2));
    process.exit(1);
  }
);
