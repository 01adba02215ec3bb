#!/usr/bin/env node
'use strict';
/**
 * `npm run seed`, `npm run reindex` (the suggestion index, anew from the published articles)
 * and `npm run import -- [--dry-run] FILE [--title T] [--slug S] [--tags a,b]`.
 * Both use the playground's database settings, exactly as `npm start` does.
 */
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, PLAYGROUND, playgroundEnv } = require('./lib/env');
const { buildForServer, buildPlugin } = require('./lib/run');

const [command, ...rest] = process.argv.slice(2);

const parseArgs = (args) => {
  const options = { dryRun: false, files: [] };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--title' || arg === '--slug' || arg === '--tags' || arg === '--meta') {
      options[arg.slice(2)] = args[(i += 1)];
    } else if (arg.startsWith('--')) {
      fail(`unknown option ${arg}`);
    } else options.files.push(arg);
  }
  return options;
};

function fail(message) {
  console.error(`[newsroom] ${message}`);
  process.exit(2);
}

const loadPlugin = () => require(path.join(ROOT, 'dist', 'server', 'index.js'));

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

const metaFor = (file, options, parsed) => {
  const sidecar = options.meta ?? file.replace(/\.txt$/i, '') + '.meta.json';
  const meta = fs.existsSync(sidecar) ? JSON.parse(fs.readFileSync(sidecar, 'utf8')) : {};
  if (options.title) meta.title = options.title;
  if (options.slug) meta.slug = options.slug;
  if (options.tags) meta.tags = options.tags.split(',').map((t) => t.trim());
  if (!meta.title) {
    // Plain copy carries no headline; fall back to its first sentence and say so.
    meta.title = parsed.paragraphs[0].split(/(?<=[.!?])\s/)[0].slice(0, 150);
    console.warn(`[newsroom] no --title given; using "${meta.title}"`);
  }
  return meta;
};

async function main() {
  if (command === 'seed') {
    await withStrapi(async (strapi) => {
      const results = await strapi
        .plugin('newsroom')
        .service('seed')
        .seed({
          onProgress: (message) => console.log(`[seed] ${message}`),
        });
      console.log(`[seed] done: ${results.length} stor${results.length === 1 ? 'y' : 'ies'}`);
    });
    return;
  }
  if (command === 'import') {
    const options = parseArgs(rest);
    if (options.files.length === 0) fail('usage: npm run import -- [--dry-run] FILE [--title T]');
    if (options.dryRun) {
      // The parser alone needs the plugin bundle, not the playground.
      if (!fs.existsSync(path.join(ROOT, 'dist', 'server', 'index.js')))
        buildPlugin(process.env, { logToStderr: true });
      const { parseStory } = loadPlugin();
      const parsed = options.files.map((file) => {
        const story = parseStory(fs.readFileSync(file, 'utf8'));
        return {
          outlet: story.outlet,
          dateline: story.dateline,
          paragraphs: story.paragraphs,
          links: story.links.map(({ label, afterParagraph }) => ({ label, afterParagraph })),
          quotes: story.quotes.map(({ text, speaker, paragraph }) => ({
            text,
            speaker,
            paragraph,
          })),
        };
      });
      process.stdout.write(
        JSON.stringify(parsed.length === 1 ? parsed[0] : parsed, null, 2) + '\n'
      );
      return;
    }
    await withStrapi(async (strapi) => {
      const importer = strapi.plugin('newsroom').service('importer');
      for (const [index, file] of options.files.entries()) {
        const text = fs.readFileSync(file, 'utf8');
        const meta = metaFor(file, options, importer.parse(text));
        console.log(`[import] ${index + 1}/${options.files.length} ${file}`);
        const result = await importer.importStory(text, meta, {
          onProgress: (message) => console.log(`[import]   ${message}`),
        });
        console.log(
          `[import]   ${result.created ? 'created' : 'updated'} ${result.slug} (${result.documentId})`
        );
      }
    });
    return;
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
