#!/usr/bin/env node
/**
 * Scores quote attribution: a table per outlet and totals (credited, right, wrong, misses flagged
 * or not, precision, recall, role accuracy), then every failure. The rule is
 * tests/fixtures/attribution/score.js. Uses parseStory from the built plugin bundle
 * (dist/server/index.js); builds it when missing.
 *
 *   npm run score:attribution                      the written corpus (tests/fixtures/attribution)
 *   npm run score:attribution -- --holdout         its held-out set
 *   npm run score:attribution -- --real DIR        real stories: DIR/<id>.txt, labels from
 *                                                  DIR/<id>.expect.json or, when absent, from
 *                                                  tests/fixtures/attribution/real/<id>.expect.json
 *   ... --json                                     the whole result as JSON on stdout
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { execSync } = require('child_process');
const { score, scoreReal, summaryLine } = require('../tests/fixtures/attribution/score');

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

const args = process.argv.slice(2);
const holdout = args.includes('--holdout');
const asJson = args.includes('--json');
const realAt = args.indexOf('--real');
const realDir = realAt >= 0 ? args[realAt + 1] : null;
if (realAt >= 0 && (!realDir || !fs.existsSync(realDir) || !fs.statSync(realDir).isDirectory())) {
  process.stderr.write('--real needs a directory of <id>.txt stories\n');
  process.exit(2);
}

const FIXTURES = path.join(ROOT, 'tests/fixtures/attribution');
let title;
let result;
if (realDir) {
  title = `real copy (${realDir})`;
  result = scoreReal(parseStory, path.resolve(realDir));
} else if (holdout) {
  title = 'held-out set (tests/fixtures/attribution/holdout)';
  result = score(parseStory, path.join(FIXTURES, 'holdout'));
} else {
  title = 'labelled corpus';
  result = score(parseStory);
}

if (asJson) {
  console.log(JSON.stringify({ set: title, ...result }, null, 2));
  process.exit(0);
}

console.log(title);
if (result.unlabelled && result.unlabelled.length > 0) {
  console.log(`not scored, no labels: ${result.unlabelled.join(', ')}`);
}
const pct = (x) => `${(x * 100).toFixed(1)}%`;
const row = (name, c) => [
  name,
  String(c.quotes),
  String(c.credited),
  String(c.right),
  String(c.wrong),
  String(c.emptyFlagged),
  String(c.emptyUnflagged),
  String(c.notFound),
  `${pct(c.precision)}`,
  `${pct(c.recall)} (${c.right}/${c.labelled})`,
  pct(c.roleAccuracy),
];
const rows = Object.entries(result.outlets)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([outlet, c]) => row(outlet, c));
rows.push(row('TOTAL', result));
const header = [
  'outlet',
  'quotes',
  'credited',
  'right',
  'wrong',
  'empty+flag',
  'empty,no flag',
  'not found',
  'precision',
  'recall',
  'role',
];
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
console.log(`${result.stories} stories, ${Object.keys(result.outlets).length} outlets`);
console.log(summaryLine(result));
if (result.failures.length > 0) {
  console.log();
  console.log(`failures (${result.failures.length}):`);
  for (const f of result.failures) {
    const kind =
      f.kind === 'missed' && f.got && !f.got.needsReview ? 'missed, NOT flagged' : f.kind;
    console.log(
      `  [${kind}] ${f.id}  "${f.quote}"\n      expected ${JSON.stringify(f.expected)}\n      got      ${JSON.stringify(f.got)}` +
        (f.context ? `\n      in       ${f.context}` : '')
    );
  }
}
