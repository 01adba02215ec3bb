/** The one rule of the suggestion controls (shared/baca-juga/suggestion-controls). */
import {
  capReached,
  exclusionOf,
  overCap,
  pairKey,
  roomUnderCap,
  type StoryControls,
} from '../../shared/baca-juga/suggestion-controls';

const DAY = 86_400_000;
const story = (over: Partial<StoryControls> = {}): StoryControls => ({
  documentId: 's',
  dismissed: new Set(),
  neverPaired: new Set(),
  scopeTags: [],
  maxLinks: null,
  maxAgeDays: 0,
  datedAt: 1000 * DAY,
  ...over,
});
const candidate = { documentId: 'c', tags: ['Banjir'], datedAt: 990 * DAY, evergreen: false };

describe('exclusionOf', () => {
  test('a candidate nothing rules out is offered', () => {
    expect(exclusionOf(story(), candidate)).toBeNull();
  });
  test('dismissed, never paired', () => {
    expect(exclusionOf(story({ dismissed: new Set(['c']) }), candidate)).toBe('dismissed');
    expect(exclusionOf(story({ neverPaired: new Set(['c']) }), candidate)).toBe('never-pair');
  });
  test('scope: one shared tag, compared as tags are (case, spaces)', () => {
    expect(exclusionOf(story({ scopeTags: [' banjir '] }), candidate)).toBeNull();
    expect(exclusionOf(story({ scopeTags: ['Jakarta'] }), candidate)).toBe('out-of-scope');
  });
  test('age: measured back from the story, off at 0, never for evergreen', () => {
    const old = { ...candidate, datedAt: 600 * DAY };
    expect(exclusionOf(story({ maxAgeDays: 365 }), old)).toBe('too-old');
    expect(exclusionOf(story({ maxAgeDays: 0 }), old)).toBeNull();
    expect(exclusionOf(story({ maxAgeDays: 365 }), { ...old, evergreen: true })).toBeNull();
    // newer than the story: never too old
    expect(exclusionOf(story({ maxAgeDays: 1 }), { ...old, datedAt: 2000 * DAY })).toBeNull();
  });
});

describe('the cap', () => {
  test('reached at the cap, room up to it, over it counted', () => {
    expect(capReached(null, 50)).toBe(false);
    expect(capReached(2, 1)).toBe(false);
    expect(capReached(2, 2)).toBe(true);
    expect(capReached(0, 0)).toBe(true);
    expect(roomUnderCap(null, 3, 5)).toBe(5);
    expect(roomUnderCap(2, 1, 5)).toBe(1);
    expect(roomUnderCap(2, 3, 5)).toBe(0);
    expect(overCap(2, 3)).toBe(1);
    expect(overCap(null, 3)).toBe(0);
  });
});

test('a pair is one key either way', () => {
  expect(pairKey('b', 'a')).toEqual(pairKey('a', 'b'));
});
