'use strict';
/**
 * Skips a build whose inputs have not changed since it last succeeded: `npm run import` and
 * `npm run seed` built the plugin and compiled the playground on every call (25-30 s before
 * the import's few seconds). A stamp is a hash of the inputs' paths and contents, written
 * beside the output once the build succeeded; a build whose stamp matches is not run again.
 * NEWSROOM_FORCE_BUILD=1 builds anyway.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT } = require('./env');

const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.tmp', '.cache', 'build', '.strapi']);

const filesUnder = (entry) => {
  const full = path.join(ROOT, entry);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [entry];
  return fs
    .readdirSync(full, { withFileTypes: true })
    .filter((d) => !(d.isDirectory() && SKIPPED_DIRS.has(d.name)))
    .flatMap((d) => filesUnder(path.join(entry, d.name)));
};

/** The hash of these files and folders (relative to the repository), paths and contents. */
const stampOf = (entries, extra = '') => {
  const hash = crypto.createHash('sha256').update(extra);
  for (const file of entries.flatMap(filesUnder).sort()) {
    hash
      .update(file)
      .update('\0')
      .update(fs.readFileSync(path.join(ROOT, file)))
      .update('\0');
  }
  return hash.digest('hex');
};

/** What the plugin's build reads. */
const PLUGIN_INPUTS = [
  'server',
  'admin',
  'shared',
  'content-types',
  'package.json',
  'tsconfig.json',
];
/** What the playground's compile reads (the plugin comes built, from the root's dist). */
const PLAYGROUND_INPUTS = [
  'playground/src',
  'playground/config',
  'playground/database',
  'playground/package.json',
  'playground/tsconfig.json',
];

/**
 * Runs `build` unless `stampFile` holds the stamp of `inputs` (and `output` exists); writes the
 * stamp after it succeeds. Returns whether it built.
 */
const buildUnlessFresh = ({ stampFile, output, inputs, extra = '' }, build) => {
  const stamp = stampOf(inputs, extra);
  const file = path.join(ROOT, stampFile);
  const fresh =
    process.env.NEWSROOM_FORCE_BUILD !== '1' &&
    fs.existsSync(path.join(ROOT, output)) &&
    fs.existsSync(file) &&
    fs.readFileSync(file, 'utf8') === stamp;
  if (fresh) return false;
  fs.rmSync(file, { force: true });
  build();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, stamp);
  return true;
};

module.exports = { buildUnlessFresh, stampOf, PLUGIN_INPUTS, PLAYGROUND_INPUTS };
