#!/usr/bin/env node
/**
 * Derives the committed placement facts (tests/fixtures/placement/real-positions.json) from the
 * labelled real stories: each story's text (DIR/<id>.txt: headline line, one paragraph per line,
 * "Baca Juga: <headline>" lines where they stood) is read with the importer's own parseStory,
 * and its meta (LABELS/<id>.json: url, outlet, complete, afterParagraphs, paragraphs) must agree
 * with what the text says. Only facts are written: paragraph lengths in characters and words,
 * whether a paragraph holds a direct quote, whether the gap after it stands inside a quote that
 * runs on, and after which paragraph each line stood. No text, no headlines: the stories are
 * others' work and never enter the repository.
 *
 * A story is held out from tuning when the first byte of sha256(id) is under 64 (a quarter of
 * ids, fixed by the id alone, so adding stories never moves an old one between the sets).
 *
 *   node scripts/placement-positions.js [--labels DIR] [--texts DIR] [--out FILE] [--check]
 *
 * --check compares and reports without writing. Stories whose text and meta disagree are left
 * out and listed on stderr (the exit code is 1 when any is).
 */
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { loadBundle } = require('./lib/bundle');
const { factsOf, copyOf } = require('../tests/fixtures/placement/facts');

const ROOT = path.join(__dirname, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const LABELS = option('--labels', '/work/placement-labels');
const TEXTS = option('--texts', '/work/corpus-placement');
const OUT = option('--out', path.join(ROOT, 'tests/fixtures/placement/real-positions.json'));
const CHECK = args.includes('--check');

const { parseStory, quoteRunsOn } = loadBundle(['parseStory', 'quoteRunsOn']);

const heldOut = (id) => crypto.createHash('sha256').update(id).digest()[0] < 64;

const problems = [];
const stories = [];
const seenUrls = new Map();
for (const file of fs
  .readdirSync(LABELS)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const meta = JSON.parse(fs.readFileSync(path.join(LABELS, file), 'utf8'));
  const id = file.replace(/\.json$/u, '');
  const textFile = path.join(TEXTS, `${id}.txt`);
  if (meta.id !== id) problems.push(`${id}: the meta's id is ${meta.id}`);
  if (!fs.existsSync(textFile)) {
    problems.push(`${id}: no ${textFile}`);
    continue;
  }
  if (seenUrls.has(meta.url)) {
    problems.push(`${id}: same url as ${seenUrls.get(meta.url)}, left out`);
    continue;
  }
  // Line 1 is the headline, not copy.
  const parsed = parseStory(copyOf(fs.readFileSync(textFile, 'utf8')));
  const after = parsed.links.map((link) => link.afterParagraph);
  const disagree = [];
  if (parsed.paragraphs.length !== meta.paragraphs)
    disagree.push(`text has ${parsed.paragraphs.length} paragraphs, meta ${meta.paragraphs}`);
  if (JSON.stringify(after) !== JSON.stringify(meta.afterParagraphs))
    disagree.push(
      `text's lines after ${JSON.stringify(after)}, meta ${JSON.stringify(meta.afterParagraphs)}`
    );
  if (after.length === 0) disagree.push('no Baca Juga line');
  if (disagree.length) {
    problems.push(`${id}: ${disagree.join('; ')}, left out`);
    continue;
  }
  seenUrls.set(meta.url, id);
  stories.push({
    id,
    url: meta.url,
    outlet: meta.outlet,
    complete: meta.complete === true,
    set: heldOut(id) ? 'held-out' : 'tuning',
    ...factsOf(parsed, quoteRunsOn),
  });
}

const count = (set) => {
  const chosen = stories.filter((s) => !set || s.set === set);
  return `${chosen.length} stories, ${chosen.reduce((n, s) => n + s.links.length, 0)} lines`;
};
process.stderr.write(
  `${count()} (tuning ${count('tuning')}, held-out ${count('held-out')}), ${problems.length} left out\n`
);
for (const problem of problems) process.stderr.write(`  ${problem}\n`);
if (!CHECK) {
  const fixture = {
    about:
      'Where real Indonesian news stories put their inline Baca Juga lines: facts only (no text). ' +
      'Made by scripts/placement-positions.js; see README.md beside this file.',
    heldOut: 'set "held-out": first byte of sha256(id) < 64; never tuned on',
    stories,
  };
  fs.writeFileSync(OUT, `${JSON.stringify(fixture, null, 2)}\n`);
  process.stderr.write(`wrote ${path.relative(process.cwd(), OUT)}\n`);
}
process.exit(problems.length ? 1 : 0);
