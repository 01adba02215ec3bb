import { placeLines } from '#shared/baca-juga/slots';
const { loadPositions, scorePlacer, baselines } = require('../fixtures/placement/score');

/**
 * The placement figures of npm run score:placement on the committed real positions
 * (tests/fixtures/placement): the slot model, placing by rhythm alone (the fixture has no
 * text), against the fixed rules with their parameters chosen on the tuning stories. Floors
 * record today's figures, so a change that places fewer lines where editors put them fails
 * here; the target, which the model does not reach yet, is pinned as a failing test
 * that turns red the day it is met (then make it a plain test).
 */
interface Story {
  id: string;
  set: 'tuning' | 'held-out';
  complete: boolean;
  paragraphs: { chars: number; quote: boolean; quoteRunsOn?: boolean }[];
  links: number[];
}
const real: Story[] = loadPositions();
const tuning = real.filter((s) => s.set === 'tuning');
const heldOut = real.filter((s) => s.set === 'held-out');

const engine = (story: Story) =>
  placeLines(
    { paragraphs: story.paragraphs, links: [], complete: story.complete },
    story.links.length
  );
const bestRule = (stories: Story[]) =>
  Math.max(
    ...baselines(tuning).map(
      (b: { placer: (s: Story) => (number | null)[] }) => scorePlacer(stories, b.placer).exactRate
    )
  );

describe('placement on real editors’ positions', () => {
  it('has the labelled stories the figures are read from', () => {
    expect(real.length).toBeGreaterThanOrEqual(40);
    expect(real.reduce((n, s) => n + s.links.length, 0)).toBeGreaterThanOrEqual(150);
  });

  it.each([
    ['tuning', tuning],
    ['held-out', heldOut],
  ] as const)('agrees with editors at least as often as the best fixed rule (%s)', (_, stories) => {
    expect(scorePlacer(stories, engine).exactRate).toBeGreaterThanOrEqual(bestRule(stories));
  });

  // Issue 30's Done-when, on the team's real positions (tuning and held-out together).
  it.failing('agrees 10 points more often than the best fixed rule, within one ≥ 70 %', () => {
    const s = scorePlacer(real, engine);
    expect(s.exactRate).toBeGreaterThanOrEqual(bestRule(real) + 0.1);
    expect(s.nearRate).toBeGreaterThanOrEqual(0.7);
  });
});
