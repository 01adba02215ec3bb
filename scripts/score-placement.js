#!/usr/bin/env node
/**
 * Scores Baca Juga placement on the labelled stories (tests/fixtures/attribution): for every
 * "Baca Juga" line an editor put in a story, the engine scores each paragraph against the linked
 * title and picks one; this prints how often that is the paragraph the editor put the line after
 * (and within one paragraph of it), on the labelled stories and on the held-out ones, then
 * every placement. A fixed slot (after paragraph 3, the editors' most common) is the baseline.
 * Uses the built plugin bundle (dist/server/index.js); builds it when missing or stale.
 *
 *   npm run score:placement
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { execSync } = require('child_process');
const { scorePlacement } = require('../tests/fixtures/attribution/placement-score');

const ROOT = path.join(__dirname, '..');
const BUNDLE = path.join(ROOT, 'dist/server/index.js');

const load = () => (fs.existsSync(BUNDLE) ? require(BUNDLE) : {});
let bundle = load();
if (typeof bundle.bestParagraph !== 'function') {
  process.stderr.write(
    'dist/server/index.js missing or stale: running npx strapi-plugin build ...\n'
  );
  // The build's own output goes to stderr so that stdout stays the report.
  execSync('npx strapi-plugin build', {
    cwd: ROOT,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  delete require.cache[BUNDLE];
  bundle = load();
}
const { parseStory, analyzeParagraphs, bestParagraph } = bundle;

const engine = (paragraphs, title) =>
  bestParagraph(analyzeParagraphs(paragraphs), { title })?.number ?? null;
const baseline = (paragraphs) => Math.min(3, paragraphs.length);

const pct = (n, d) => `${d ? ((n / d) * 100).toFixed(1) : '0.0'}% (${n}/${d})`;
const sets = [
  ['labelled', undefined],
  ['held-out', path.join(ROOT, 'tests/fixtures/attribution/holdout')],
];
const results = sets.map(([name, dir]) => ({
  name,
  engine: scorePlacement(parseStory, engine, dir),
  baseline: scorePlacement(parseStory, baseline, dir),
}));

const header = ['stories', 'placer', 'lines', 'exact', 'within 1', 'none'];
const rows = results.flatMap((r) =>
  [
    ['engine', r.engine],
    ['after paragraph 3', r.baseline],
  ].map(([placer, s]) => [
    r.name,
    placer,
    String(s.lines),
    pct(s.exact, s.lines),
    pct(s.nearby, s.lines),
    String(s.none),
  ])
);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
const line = (cells) =>
  cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));

for (const r of results) {
  console.log();
  console.log(`${r.name} placements (editor → engine, of N paragraphs):`);
  for (const p of r.engine.placements) {
    const mark =
      p.chosen === p.expected
        ? '='
        : p.chosen !== null && Math.abs(p.chosen - p.expected) <= 1
          ? '~'
          : ' ';
    console.log(
      `  ${mark} ${String(p.expected).padStart(2)} → ${String(p.chosen ?? '-').padStart(2)} /${p.paragraphs}  ${p.story}: ${p.title}`
    );
  }
}
