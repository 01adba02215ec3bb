import { placeLines } from '#shared/baca-juga/slots';
import { fitSlotTable, HOUSE_PRIOR, houseTable } from '#shared/baca-juga/house-rhythm';
const {
  asSlots,
  baselines,
  choosePrior,
  houseEngine,
  loadPositions,
  scorePlacer,
} = require('../fixtures/placement/score');

/**
 * Issue 30's placement target on the committed real positions (tests/fixtures/placement), and
 * today's figures as floors: the figures of npm run score:placement, the slot model placing by
 * rhythm alone (the fixture has no text), against the fixed rules with N and K chosen on the
 * tuning stories. Lines are matched to slots one to one (tests/fixtures/placement/score.js).
 *
 * The engine is scored as the suggestions service runs it: with each story's newsroom's own
 * rhythm (#shared/baca-juga/house-rhythm) fitted on the newsroom's other stories (never the
 * story itself), shrunk towards the general table fitted on the tuning stories. Scored per slot
 * (an editor's block of lines in one slot counted once), it meets the target on the held-out
 * stories and on all. Scored per line it does not: the engine never stacks lines (its minimum
 * distance), and a quarter of the real lines stand in a block, which "after paragraph N"
 * matches whole. That target is pinned as failing (it.failing turns red the day it is met:
 * then make it a plain test).
 */
interface Story {
  id: string;
  set: 'tuning' | 'held-out';
  complete: boolean;
  paragraphs: { chars: number; quote: boolean; quoteRunsOn?: boolean }[];
  links: number[];
}
type Placer = (story: Story) => (number | null)[];
interface Score {
  lines: number;
  exact: number;
  near: number;
  exactRate: number;
  nearRate: number;
}

const real: Story[] = loadPositions();
const engine: Placer = (story) =>
  placeLines(
    { paragraphs: story.paragraphs, links: [], complete: story.complete },
    story.links.length
  );
const tuningOf = (stories: Story[]) => stories.filter((s) => s.set === 'tuning');
const heldOutOf = (stories: Story[]) => stories.filter((s) => s.set === 'held-out');
/** The best fixed rule's exact rate on `stories`, its parameters chosen on `all`'s tuning. */
const bestRule = (stories: Story[], all: Story[]): number =>
  Math.max(
    ...baselines(tuningOf(all)).map(
      (b: { placer: Placer }) => (scorePlacer(stories, b.placer) as Score).exactRate
    )
  );
const score = (stories: Story[]): Score => scorePlacer(stories, engine);
const house: Placer = houseEngine(
  { fitSlotTable, houseTable, placeLines },
  { general: tuningOf(real), house: real }
);
const scoreHouse = (stories: Story[]): Score => scorePlacer(stories, house);

describe('placement on real editors’ positions', () => {
  it('has the labelled stories the figures are read from', () => {
    expect(real.length).toBeGreaterThanOrEqual(40);
    expect(real.reduce((n, s) => n + s.links.length, 0)).toBeGreaterThanOrEqual(150);
    expect(tuningOf(real).length + heldOutOf(real).length).toBe(real.length);
  });

  it('uses the pseudo-count chosen on the tuning stories, each left out in turn', () => {
    const rhythm = { fitSlotTable, houseTable, placeLines };
    expect(choosePrior(rhythm, tuningOf(real)).prior).toBe(HOUSE_PRIOR);
  });

  it.each([
    ['held-out', heldOutOf],
    ['all', (stories: Story[]) => stories],
  ] as const)(
    'per slot, %s: agrees 10 points more often than the best fixed rule, within one ≥ 70 %',
    (_, of) => {
      const slots: Story[] = asSlots(real);
      const s = scoreHouse(of(slots));
      expect(s.exactRate).toBeGreaterThanOrEqual(bestRule(of(slots), slots) + 0.1);
      expect(s.nearRate).toBeGreaterThanOrEqual(0.7);
    }
  );

  it.failing(
    'per line, held-out: agrees 10 points more often than the best fixed rule, within one ≥ 70 %',
    () => {
      const s = scoreHouse(heldOutOf(real));
      expect(s.exactRate).toBeGreaterThanOrEqual(bestRule(heldOutOf(real), real) + 0.1);
      expect(s.nearRate).toBeGreaterThanOrEqual(0.7);
    }
  );

  // Today's figures (exact, within one; both labelling rounds, npm run score:placement): a
  // change that places fewer lines where editors put them fails here. The held-out stories
  // were never fitted on, nor chose a parameter.
  it.each([
    ['per line, tuning', 87, 150, () => tuningOf(real)],
    ['per line, held-out', 23, 41, () => heldOutOf(real)],
    ['per slot, tuning', 84, 133, () => tuningOf(asSlots(real))],
    ['per slot, held-out', 21, 34, () => heldOutOf(asSlots(real))],
  ] as const)('house rhythm, %s: at least %i exact, %i within one', (_, exact, near, stories) => {
    const s = scoreHouse(stories());
    expect(s.exact).toBeGreaterThanOrEqual(exact);
    expect(s.near).toBeGreaterThanOrEqual(near);
  });

  // The general table alone (a newsroom with no published placements yet).
  it.each([
    ['per line, tuning', 80, 139, () => tuningOf(real)],
    ['per line, held-out', 20, 37, () => heldOutOf(real)],
    ['per slot, tuning', 77, 127, () => tuningOf(asSlots(real))],
    ['per slot, held-out', 18, 29, () => heldOutOf(asSlots(real))],
  ] as const)('general table, %s: at least %i exact, %i within one', (_, exact, near, stories) => {
    const s = score(stories());
    expect(s.exact).toBeGreaterThanOrEqual(exact);
    expect(s.near).toBeGreaterThanOrEqual(near);
  });
});
