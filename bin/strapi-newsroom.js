#!/usr/bin/env node
'use strict';
/**
 * `strapi-newsroom`: the plugin's commands, run inside a Strapi app that installed it.
 *
 *   npx strapi-newsroom import [--dry-run] [--draft] [--replace-links] FILE... [--title T]
 *                              [--slug S] [--tags a,b] [--meta FILE.meta.json] [--app DIR]
 *                              [--locale L] [--translation-of SLUG]
 *   npx strapi-newsroom seed [--app DIR]
 *
 * It loads the app as `strapi start` does (its config, its .env, its database; for a
 * TypeScript app the `dist/` that `strapi build` made) and calls the plugin's importer, so it
 * rebuilds nothing and needs no running server. Progress goes to stderr, one line per step
 * and one per link and quote (kept, added, moved, dropped); `--json` prints each result, with
 * that report, as one JSON line on stdout for scripts. A re-import of a story keeps what
 * editors placed and confirmed; `--replace-links` lets the copy's Baca Juga lines replace it.
 * Where stories are localized, `--locale en` imports English copy as the English version
 * (read with English markers, its targets found among English stories), and
 * `--translation-of SLUG` makes it the translation of that story.
 */
const fs = require('node:fs');
const path = require('node:path');

const USAGE = `usage:
  strapi-newsroom import [--dry-run] [--draft] [--replace-links] [--json] FILE... [--title T] [--slug S] [--tags a,b] [--meta M] [--app DIR] [--locale L] [--translation-of SLUG]
  strapi-newsroom seed [--app DIR]`;

const fail = (message, code = 2) => {
  console.error(`[newsroom] ${message}`);
  process.exit(code);
};

const VALUE_OPTIONS = new Set([
  '--title',
  '--slug',
  '--tags',
  '--meta',
  '--app',
  '--locale',
  '--translation-of',
]);

const parseArgs = (args) => {
  const options = { dryRun: false, draft: false, replaceLinks: false, json: false, files: [] };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--draft') options.draft = true;
    else if (arg === '--replace-links') options.replaceLinks = true;
    else if (arg === '--json') options.json = true;
    else if (VALUE_OPTIONS.has(arg)) {
      if (i + 1 >= args.length) fail(`${arg} needs a value\n${USAGE}`);
      // --translation-of -> translationOf
      const name = arg.slice(2).replace(/-([a-z])/g, (_, c) => c.toUpperCase());
      options[name] = args[(i += 1)];
    } else if (arg.startsWith('--')) fail(`unknown option ${arg}\n${USAGE}`);
    else options.files.push(arg);
  }
  return options;
};

/** The plugin's server bundle: this package's own, next to this file. */
const pluginServer = () => {
  const bundle = path.join(__dirname, '..', 'dist', 'server', 'index.js');
  if (!fs.existsSync(bundle)) fail(`the plugin is not built (${bundle} is missing)`, 1);
  return require(bundle);
};

/** Title, slug, tags ... from the options and a sidecar `story.meta.json` when there is one. */
const metaFor = (file, options, parsed) => {
  const sidecar = options.meta ?? file.replace(/\.txt$/i, '') + '.meta.json';
  const meta = fs.existsSync(sidecar) ? JSON.parse(fs.readFileSync(sidecar, 'utf8')) : {};
  if (options.title) meta.title = options.title;
  if (options.slug) meta.slug = options.slug;
  if (options.tags) meta.tags = options.tags.split(',').map((t) => t.trim());
  if (options.translationOf) meta.translationOf = options.translationOf;
  if (!meta.title) {
    // Plain copy carries no headline; fall back to its first sentence and say so.
    meta.title = (parsed.paragraphs[0] ?? '').split(/(?<=[.!?])\s/)[0].slice(0, 150);
    console.error(`[newsroom] ${file}: no --title given; using "${meta.title}"`);
  }
  return meta;
};

/**
 * Loads the app at `appDir` without serving it. A TypeScript app runs from the `dist/` its
 * own build made (as `strapi start` does): nothing is compiled here.
 */
async function withStrapi(appDir, fn) {
  if (!fs.existsSync(path.join(appDir, 'package.json'))) {
    fail(`${appDir} is not a Strapi app (no package.json); run this in your app or pass --app`);
  }
  let strapiModule;
  try {
    strapiModule = require(require.resolve('@strapi/strapi', { paths: [appDir] }));
  } catch {
    fail(`${appDir} has no @strapi/strapi installed`);
  }
  const typescript = fs.existsSync(path.join(appDir, 'tsconfig.json'));
  const distDir = typescript ? path.join(appDir, 'dist') : appDir;
  if (typescript && !fs.existsSync(path.join(distDir, 'config'))) {
    fail(`${distDir} is missing: build the app first (npm run build), as for strapi start`);
  }
  // Strapi reads the app's .env from the working directory.
  process.chdir(appDir);
  process.env.STRAPI_TELEMETRY_DISABLED = process.env.STRAPI_TELEMETRY_DISABLED ?? 'true';
  const strapi = await strapiModule.createStrapi({ appDir, distDir }).load();
  strapi.log.level = 'warn';
  if (!strapi.plugin('newsroom')) {
    await strapi.destroy();
    fail('the newsroom plugin is not enabled in this app (config/plugins)', 1);
  }
  try {
    return await fn(strapi);
  } finally {
    await settle(strapi);
    await strapi.destroy();
  }
}

/**
 * Strapi emits its own events after a write (webhooks, audit) without awaiting them; they
 * still query the database. Shutting down under them aborts their queries and crashes the
 * process, so the database pool is given time to go idle first (at most 10 s).
 */
async function settle(strapi) {
  const pool = strapi.db?.connection?.client?.pool;
  if (!pool || typeof pool.numUsed !== 'function') return;
  const deadline = Date.now() + 10000;
  let quietTicks = 0;
  while (Date.now() < deadline && quietTicks < 3) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const busy = pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates();
    quietTicks = busy === 0 ? quietTicks + 1 : 0;
  }
}

const progress = (prefix) => (message) => console.error(`[${prefix}] ${message}`);

/**
 * stdout carries only the results (`--json`): Strapi and the app log to stdout while they
 * load and run, so everything else written there goes to stderr with the progress.
 */
const results = (() => {
  const write = process.stdout.write.bind(process.stdout);
  return {
    claimStdout: () => {
      process.stdout.write = process.stderr.write.bind(process.stderr);
    },
    print: (value) => write(JSON.stringify(value) + '\n'),
  };
})();

async function importFiles(options) {
  if (options.files.length === 0) fail(USAGE);
  if (options.translationOf && options.files.length > 1) {
    fail('--translation-of names one story: import one file with it');
  }
  for (const file of options.files) if (!fs.existsSync(file)) fail(`${file}: no such file`);
  const files = options.files.map((file) => path.resolve(file));

  if (options.dryRun) {
    // The parser alone: no app, no database.
    const { parseStory, languageOf } = pluginServer();
    const language = languageOf(options.locale);
    const parsed = files.map((file) => parseStory(fs.readFileSync(file, 'utf8'), { language }));
    process.stdout.write(JSON.stringify(parsed.length === 1 ? parsed[0] : parsed, null, 2) + '\n');
    return;
  }
  const appDir = path.resolve(options.app ?? process.cwd());
  results.claimStdout();
  await withStrapi(appDir, async (strapi) => {
    const importer = strapi.plugin('newsroom').service('importer');
    for (const [index, file] of files.entries()) {
      const text = fs.readFileSync(file, 'utf8');
      const meta = metaFor(file, options, importer.parse(text, options.locale));
      const log = progress('import');
      log(`${index + 1}/${files.length} ${path.relative(process.cwd(), file) || file}`);
      const result = await importer.importStory(text, meta, {
        publish: !options.draft,
        replaceLinks: options.replaceLinks,
        ...(options.locale ? { locale: options.locale } : {}),
        onProgress: (message) => log(`  ${message}`),
      });
      log(
        `  ${result.created ? 'created' : 'updated'} ${result.slug} (${result.documentId})` +
          (result.placeholdersCreated ? `, ${result.placeholdersCreated} placeholder(s)` : '')
      );
      if (options.json) results.print(result);
    }
  });
}

async function seed(options) {
  const appDir = path.resolve(options.app ?? process.cwd());
  results.claimStdout();
  await withStrapi(appDir, async (strapi) => {
    const seeded = await strapi
      .plugin('newsroom')
      .service('seed')
      .seed({ onProgress: progress('seed') });
    console.error(`[seed] done: ${seeded.length} stor${seeded.length === 1 ? 'y' : 'ies'}`);
    if (options.json) for (const r of seeded) results.print(r);
  });
}

async function main(argv) {
  const [command, ...rest] = argv;
  const options = parseArgs(rest);
  if (command === 'import') return importFiles(options);
  if (command === 'seed') return seed(options);
  fail(`unknown command "${command ?? ''}"\n${USAGE}`);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    () => process.exit(0),
    (error) => {
      console.error(`[newsroom] ${error.message}`);
      if (error.details?.errors) console.error(JSON.stringify(error.details.errors, null, 2));
      process.exit(1);
    }
  );
}

module.exports = { main };
