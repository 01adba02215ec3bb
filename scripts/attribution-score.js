#!/usr/bin/env node
/**
 * Scores quote attribution on the labelled corpus (tests/fixtures/attribution): a table per
 * outlet and totals (wrong speakers, recall, role accuracy), then every failure.
 * Uses parseStory from the built plugin bundle (dist/server/index.js); builds it when missing.
 *
 *   npm run score:attribution
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { execSync } = require('child_process');
const { score, summaryLine } = require('../tests/fixtures/attribution/score');

const ROOT = path.join(__dirname, '..');
const BUNDLE = path.join(ROOT, 'dist/server/index.js');

if (!fs.existsSync(BUNDLE)) {
  process.stderr.write('dist/server/index.js missing: running npx strapi-plugin build ...\n');
  // The build's own output goes to stderr so that stdout stays the report.
  execSync('npx strapi-plugin build', {
    cwd: ROOT,
    stdio: ['ignore', process.stderr, process.stderr],
  });
}

const { parseStory } = require(BUNDLE);
if (typeof parseStory !== 'function') {
  process.stderr.write('dist/server/index.js does not export parseStory\n');
  process.exit(1);
}

// The labelled corpus, or the held-out set with --holdout.
const holdout = process.argv.includes('--holdout');
const result = score(
  parseStory,
  holdout ? path.join(ROOT, 'tests/fixtures/attribution/holdout') : undefined
);
console.log(holdout ? 'held-out set (tests/fixtures/attribution/holdout)' : 'labelled corpus');
const pct = (x) => `${(x * 100).toFixed(1)}%`;
const rows = Object.entries(result.outlets).map(([outlet, c]) => [
  outlet,
  String(c.quotes),
  String(c.wrong),
  `${pct(c.recall)} (${c.right}/${c.labelled})`,
  pct(c.roleAccuracy),
]);
rows.push([
  'TOTAL',
  String(result.quotes),
  String(result.wrong),
  `${pct(result.recall)} (${result.right}/${result.labelled})`,
  pct(result.roleAccuracy),
]);
const header = ['outlet', 'quotes', 'wrong', 'recall', 'role accuracy'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
rows.forEach((r, i) => {
  if (i === rows.length - 1) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  console.log(line(r));
});
console.log();
console.log(summaryLine(result));
if (result.failures.length > 0) {
  console.log();
  console.log(`failures (${result.failures.length}):`);
  for (const f of result.failures) {
    console.log(
      `  [${f.kind}] ${f.id}  "${f.quote}"\n      expected ${JSON.stringify(f.expected)}\n      got      ${JSON.stringify(f.got)}`
    );
  }
}
