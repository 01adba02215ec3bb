#!/usr/bin/env node
/**
 * Scores Baca Juga placement on real editors' positions (tests/fixtures/placement): the engine
 * (the slot model of #shared/baca-juga/slots) against fixed rules (best "after paragraph N",
 * best "every K paragraphs", "the end of the story"; N and K chosen on the tuning stories), on
 * the tuning stories, the held-out ones and both, as exact agreement and within one paragraph.
 * How lines are matched to slots: tests/fixtures/placement/score.js.
 *
 *   npm run score:placement
 *   npm run score:placement -- --positions FILE   also an outside set of the same JSON format
 *   npm run score:placement -- --texts DIR        DIR/<id>.txt, the stories' copy (headline line,
 *                                                 paragraphs, "Baca Juga: <headline>" lines): the
 *                                                 topic breaks ties between near-equal slots,
 *                                                 and the topic-only engine of before is scored
 *   ... --list                                    every story's lines and slots
 *   ... --tune                                    the house rhythm's pseudo-count, chosen by
 *                                                 leaving each tuning story out in turn
 *
 * The engine is scored twice: with the general table alone, and with each newsroom's own rhythm
 * (#shared/baca-juga/house-rhythm): a story placed with the table fitted on its newsroom's other
 * stories (never itself; the newsroom is the URL's registrable domain), shrunk towards the
 * general table fitted on the tuning stories, as the suggestions service does with a newsroom's
 * published stories.
 * Without texts the engine places by rhythm alone (the committed positions carry no text).
 * The fictional corpus of tests/fixtures/attribution (own text, invented stories) is scored too.
 * Uses the built plugin bundle (dist/server/index.js), built first when its sources changed.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { loadBundle } = require('./lib/bundle');
const {
  asSlots,
  baselines,
  choosePrior,
  houseEngine,
  loadPositions,
  scorePlacer,
} = require('../tests/fixtures/placement/score');
const { factsOf, copyOf } = require('../tests/fixtures/placement/facts');
const { loadStories } = require('../tests/fixtures/attribution/placement-score');

const ROOT = path.join(__dirname, '..');
const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const outside = option('--positions');
const textsDir = option('--texts');
const list = args.includes('--list');
const tune = args.includes('--tune');

const bundle = loadBundle([
  'parseStory',
  'quoteRunsOn',
  'placeLines',
  'analyzeParagraphs',
  'scoreParagraphs',
  'bestParagraph',
  'fitSlotTable',
  'houseTable',
]);
const { parseStory, quoteRunsOn, placeLines, analyzeParagraphs, scoreParagraphs, bestParagraph } =
  bundle;
/** The plugin's own fit and placement (one rule for the score and the suggestions). */
const rhythm = {
  fitSlotTable: bundle.fitSlotTable,
  houseTable: bundle.houseTable,
  placeLines: bundle.placeLines,
};

/**
 * The copy of a story, parsed, when its text is at hand and agrees with its facts (per slot,
 * a story's lines are its distinct slots).
 */
const textOf = (story, dir) => {
  let parsed = story.text ?? null;
  if (!parsed && dir) {
    const file = path.join(dir, `${story.id}.txt`);
    if (fs.existsSync(file)) parsed = parseStory(copyOf(fs.readFileSync(file, 'utf8')));
  }
  if (!parsed) return null;
  const lines = parsed.links.map((l) => l.afterParagraph);
  const agrees =
    parsed.paragraphs.length === story.paragraphs.length &&
    [lines, [...new Set(lines)]].some((l) => JSON.stringify(l) === JSON.stringify(story.links));
  return agrees ? parsed : null;
};

/** The linked headline of each of the story's lines (per slot: of the slot's first line). */
const headlines = (story, parsed) =>
  story.links.map((after, i) =>
    parsed.links.length === story.links.length
      ? parsed.links[i].label
      : parsed.links.find((l) => l.afterParagraph === after).label
  );

const paragraphsOf = (parsed) =>
  parsed.paragraphs.map((text, i) => ({ id: `p-${String(i + 1).padStart(6, '0')}`, text }));

/** Each line's topic fit per paragraph, when the story's text is at hand (else none). */
const topicsOf = (dir) => (story) => {
  const parsed = textOf(story, dir);
  const analyzed = parsed ? analyzeParagraphs(paragraphsOf(parsed)) : null;
  const titles = parsed ? headlines(story, parsed) : [];
  return (i) =>
    analyzed && titles[i]
      ? scoreParagraphs(analyzed, { title: titles[i] }).map((s) => s.score)
      : [];
};

/** The engine: every line by the slot model; with text, the topic breaks near-ties. */
const engine = (dir) => (story) =>
  placeLines(
    { paragraphs: story.paragraphs, links: [], complete: story.complete },
    story.links.length,
    topicsOf(dir)(story)
  );

/** The engine before issue 30: each line after the paragraph its headline fits best. */
const topicOnly = (dir) => (story) => {
  const parsed = textOf(story, dir);
  if (!parsed) return story.links.map(() => null);
  const analyzed = analyzeParagraphs(paragraphsOf(parsed));
  return headlines(story, parsed).map((title) =>
    title ? (bestParagraph(analyzed, { title })?.number ?? null) : null
  );
};

const real = loadPositions();
const tuning = real.filter((s) => s.set === 'tuning');
const heldOut = real.filter((s) => s.set === 'held-out');
const sets = [
  ['tuning', tuning],
  ['held-out', heldOut],
  ['all real', real],
];
if (outside) sets.push([`outside (${path.basename(outside)})`, loadPositions(outside)]);

// The fictional corpus: invented stories with text (tests/fixtures/attribution), as facts.
const fictional = ['', 'holdout'].flatMap((sub) =>
  loadStories(path.join(ROOT, 'tests/fixtures/attribution', sub)).map((story) => {
    const parsed = parseStory(story.text);
    return {
      id: story.id,
      complete: true,
      ...factsOf(parsed, quoteRunsOn),
      text: parsed,
    };
  })
);
sets.push(['fictional (invented)', fictional.filter((s) => s.links.length > 0)]);

const withText = (stories) => stories.every((s) => textOf(s, textsDir));
const pct = (n, d) => `${d ? ((n / d) * 100).toFixed(1) : '0.0'}% (${n}/${d})`;

/** One set's rows: every fixed rule, the engine, the topic-only engine when texts allow. */
const scoreSet = (name, stories, rules) => {
  const texts = withText(stories);
  const rows = [];
  let best = null;
  const row = (label, s) =>
    rows.push([
      name,
      label,
      String(s.stories),
      String(s.lines),
      pct(s.exact, s.lines),
      pct(s.near, s.lines),
      String(s.none),
    ]);
  for (const rule of rules) {
    const s = scorePlacer(stories, rule.placer);
    if (!best || s.exact > best.s.exact) best = { name: rule.name, s };
    row(rule.name, s);
  }
  const gain = (label, s) =>
    rows.push([
      name,
      `  ${label} − best fixed rule (${best.name})`,
      '',
      '',
      `${((s.exactRate - best.s.exactRate) * 100).toFixed(1)} pts`,
      `${((s.nearRate - best.s.nearRate) * 100).toFixed(1)} pts`,
      '',
    ]);
  const s = scorePlacer(stories, engine(textsDir));
  row(texts ? 'engine (rhythm + topic tie-break)' : 'engine (rhythm only: no texts)', s);
  gain('engine', s);
  // Each story's newsroom: its other stories in the fixture and this set (never itself).
  const house = [...new Map([...real, ...stories].map((x) => [x.id, x])).values()];
  const h = scorePlacer(
    stories,
    houseEngine(rhythm, { general: tuning, house, topics: topicsOf(textsDir) })
  );
  row('engine + house rhythm (own newsroom, story left out)', h);
  gain('house', h);
  if (texts)
    row('topic only (the engine before issue 30)', scorePlacer(stories, topicOnly(textsDir)));
  return { rows, engine: s, house: h };
};

const print = (title, rows) => {
  const header = ['stories', 'placer', 'n', 'lines', 'exact', 'within 1', 'none'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(title);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  let last = null;
  for (const row of rows) {
    if (last !== null && row[0] !== last) console.log();
    console.log(line(row));
    last = row[0];
  }
  console.log();
};

const rules = baselines(tuning);
const slotRules = baselines(asSlots(tuning));
const perLine = sets.map(([name, stories]) => ({
  name,
  stories,
  ...scoreSet(name, stories, rules),
}));
print(
  'Per line: every line the editor placed (a block of lines in one slot is several lines).',
  perLine.flatMap((r) => r.rows)
);
print(
  "Per slot: an editor's block of lines in one slot counted once (the engine places a story's lines apart, in the manager's batch accepts too).",
  sets.flatMap(([name, stories]) => scoreSet(name, asSlots(stories), slotRules).rows)
);
const details = perLine.flatMap((r) => [
  { name: r.name, stories: r.stories, s: r.engine },
  { name: `${r.name}, house rhythm`, stories: r.stories, s: r.house },
]);
console.log(
  'Lines are matched to slots one to one (most exact, then within one); every placer places as' +
    ' many lines as the editor did; N and K are chosen on the tuning stories. "end of the story"' +
    ' places nothing in a story cut short.'
);
if (!textsDir)
  console.log(
    'Real stories scored without texts: the engine places by rhythm alone (pass --texts DIR for the topic tie-break).'
  );
else if (!withText(real))
  console.log(
    `Some real stories have no text in ${textsDir} (or it disagrees with the facts): the engine places those by rhythm alone.`
  );

if (tune) {
  // The only choice the house rhythm makes, on the tuning stories alone.
  const { prior, rows } = choosePrior(rhythm, tuning);
  console.log();
  console.log(
    'House rhythm pseudo-count, each tuning story left out (house and general fitted on the other tuning stories):'
  );
  for (const r of rows)
    console.log(
      `  ${String(r.prior).padStart(5)}  per slot ${r.slot.exact}, ${r.slot.near} of ${r.slot.lines}  per line ${r.line.exact}, ${r.line.near} of ${r.line.lines}${r.prior === prior ? '  <- chosen' : ''}`
    );
}

if (list) {
  for (const { name, stories, s } of details) {
    console.log();
    console.log(`${name}: editor's lines → engine's slots (of N paragraphs)`);
    for (const p of s.placements) {
      const story = stories.find((x) => x.id === p.id);
      console.log(
        `  ${p.exact}/${p.editor.length} exact  ${JSON.stringify(p.editor)} → ${JSON.stringify(p.placed)} /${story.paragraphs.length}${story.complete ? '' : ' (cut)'}  ${p.id}`
      );
    }
  }
}
