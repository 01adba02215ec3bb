/**
 * Where a Baca Juga line goes: a slot model of real newsrooms' rhythm, with topic as the
 * tie-break (issue 30). Pure: the suggestions service, the manager and the placement score
 * (npm run score:placement) read this one rule.
 *
 * A slot is "after paragraph k" (1 to the story's last). Each is rated by how often editors
 * put a line there (SLOT_TABLE, fitted on the tuning half of real stories, see
 * tests/fixtures/placement/README.md): by its distance from the start, and for the last slot,
 * the end of the story (by the story's length: the end is the usual slot of a short story
 * only). Hard rules then take slots out:
 *
 * - never before the first paragraph (no editor in the real stories did);
 * - never inside a quote run: in the gap of one quote that runs on from a paragraph into the
 *   next (the speaker's words would be cut in two). Between two paragraphs that each quote
 *   someone, editors did put lines, if rarely (2 of 22 such slots of the tuning stories, against
 *   about one slot in six overall): that is not ruled out, and leaving the rate alone placed
 *   the tuning stories' lines as well or better than halving it;
 * - never closer than MIN_DISTANCE to a link already in the story: that keeps a new line out
 *   of the slot beside another (adjacent lines read as a list, and a reader skips both) and out
 *   of an existing line's own slot. Lines an editor put side by side stay where they are: the
 *   rule is for the engine's own choices.
 *
 * Every function takes the table to rate by: SLOT_TABLE, or the newsroom's own, learned from its
 * published stories and shrunk towards SLOT_TABLE (./house-rhythm), which the suggestions
 * service passes.
 *
 * Topic (the BM25 paragraph fit of server/src/search/placement) only moves a line between
 * slots rated near-equal (within NEAR_EQUAL of the best): what a link is about decides which
 * link, the story's rhythm where.
 */

/**
 * What the model reads of a paragraph: facts, not text (the real positions carry no text). Its
 * length is not read: rating slots by the length of the paragraph before or after them placed
 * the tuning stories' lines no better (see tests/fixtures/placement/README.md).
 */
export interface SlotParagraph {
  /** The paragraph ends inside a quote the next one carries on (./quote-run). */
  quoteRunsOn?: boolean;
}

export interface SlotStory {
  paragraphs: readonly SlotParagraph[];
  /** Where links already stand: the paragraph each follows (0 = before the first). */
  links: readonly number[];
  /**
   * The story's end is known. A stored copy cut short (the real positions' incomplete stories)
   * has none: its last slot is rated as any slot that far in. Stories in the CMS are complete.
   */
  complete?: boolean;
}

/** Rates fitted from real positions (fitSlotTable, houseTable in ./house-rhythm). */
export interface SlotTable {
  /**
   * The share of stories with a line after paragraph k, for k = 1 .. rates.length; the last
   * entry stands for that paragraph and every later one (few stories are longer).
   */
  rates: readonly number[];
  /**
   * The share of complete stories with a line after their last paragraph: short ones (up to
   * SHORT_STORY paragraphs), where the end is the usual slot, and longer ones, where it is not.
   */
  end: { short: number; long: number };
}

/**
 * Up to this many paragraphs a story is short: on the tuning stories more than half of those
 * had a line after their last paragraph, against about one in five of the longer ones (the cut
 * was chosen among 5 to 8 by leaving each tuning story out in turn).
 */
export const SHORT_STORY = 5;

/**
 * Fitted on the tuning stories of tests/fixtures/placement/real-positions.json; a unit test
 * (placement-slots) fits them again and fails when they drift from the fixture.
 */
export const SLOT_TABLE: SlotTable = {
  rates: [0.03, 0.21, 0.16, 0.4, 0.19, 0.09, 0.05, 0.2, 0.29, 0.05],
  end: { short: 0.58, long: 0.22 },
};

/**
 * Paragraphs a new line keeps from a link already in the story: 2 keeps it out of the slots
 * beside one. On the tuning stories, editors' distinct lines stood 2 to 5 paragraphs apart in
 * all but a few cases; 3 would forbid the 2 apart they use as often as any other.
 */
export const MIN_DISTANCE = 2;

/**
 * Slots whose rates are within this share of the best rated slot are near-equal: the topic may
 * pick among them. The rates come from a few dozen stories each; a tenth is well inside what
 * one more story would move them by.
 */
export const NEAR_EQUAL = 0.1;

/** Why a slot is blocked, when it is. */
export type SlotBlock = 'quote' | 'link';

export interface RatedSlot {
  /** The paragraph the line would follow (1-based). */
  after: number;
  /** How often editors put a line there (0 when blocked). */
  rate: number;
  /** What rules the slot out; null when it is open. */
  blocked: SlotBlock | null;
  /** For a `link` block: the paragraph the nearest link follows. */
  nearLink?: number;
}

/** Why the chosen slot: a code and its parameters, which the manager puts in words. */
export const SLOT_REASONS = ['usual-first', 'usual', 'end', 'spaced', 'outside-quote'] as const;
export type SlotReasonCode = (typeof SLOT_REASONS)[number];

export interface SlotReason {
  slot: SlotReasonCode;
  /** For `spaced`: the paragraph the link it keeps its distance from follows. */
  link: number | null;
  /**
   * When the topic moved the line: the slot the rhythm alone chose, rated near-equal; null
   * when the rhythm's own choice stands.
   */
  insteadOf: number | null;
}

const rateAt = (story: SlotStory, after: number, table: SlotTable): number => {
  const n = story.paragraphs.length;
  if (after === n && story.complete !== false)
    return n <= SHORT_STORY ? table.end.short : table.end.long;
  return table.rates[Math.min(after, table.rates.length) - 1] ?? 0;
};

const insideQuote = (story: SlotStory, after: number): boolean =>
  after < story.paragraphs.length && story.paragraphs[after - 1]?.quoteRunsOn === true;

/** Every slot of the story, rated, with what blocks it. */
export const rateSlots = (story: SlotStory, table: SlotTable = SLOT_TABLE): RatedSlot[] =>
  story.paragraphs.map((_, i) => {
    const after = i + 1;
    const nearest = story.links.reduce<number | null>(
      (best, link) =>
        best === null || Math.abs(link - after) < Math.abs(best - after) ? link : best,
      null
    );
    if (nearest !== null && Math.abs(nearest - after) < MIN_DISTANCE)
      return { after, rate: 0, blocked: 'link', nearLink: nearest };
    if (insideQuote(story, after)) return { after, rate: 0, blocked: 'quote' };
    return { after, rate: rateAt(story, after, table), blocked: null };
  });

export interface SlotChoice {
  /** The paragraph the line goes after (1-based). */
  after: number;
  reason: SlotReason;
}

/**
 * The slot for one more line: the best rated open slot, or among the open slots rated
 * near-equal to it the one whose paragraph fits the linked story best (`topic[k-1]`, the
 * paragraph the line would follow; 0 when it shares no word). Ties go to the earlier slot: a
 * reader meets the link sooner. Null when every slot is blocked.
 */
export const chooseSlot = (
  story: SlotStory,
  topic: readonly number[] = [],
  table: SlotTable = SLOT_TABLE
): SlotChoice | null => {
  const slots = rateSlots(story, table);
  let best: RatedSlot | null = null;
  for (const slot of slots) if (slot.rate > 0 && (!best || slot.rate > best.rate)) best = slot;
  if (!best) return null;
  const floor = best.rate * (1 - NEAR_EQUAL);
  let chosen = best;
  for (const slot of slots) {
    if (slot.rate <= 0 || slot.rate < floor) continue;
    if ((topic[slot.after - 1] ?? 0) > (topic[chosen.after - 1] ?? 0)) chosen = slot;
  }
  return {
    after: chosen.after,
    reason: {
      ...rhythmReason(story, chosen, slots, table),
      insteadOf: chosen === best ? null : best.after,
    },
  };
};

/**
 * Why the rhythm rates this slot: the end; the slot editors use most (the first such slot
 * when no link stands before it); or the best left once a link or a quote took a better one.
 */
const rhythmReason = (
  story: SlotStory,
  chosen: RatedSlot,
  slots: RatedSlot[],
  table: SlotTable
): Omit<SlotReason, 'insteadOf'> => {
  if (chosen.after === story.paragraphs.length && story.complete !== false)
    return { slot: 'end', link: null };
  // The best slot of this story by rhythm alone, before any rule took one out.
  const free = slots.reduce((best, slot) =>
    rateAt(story, slot.after, table) > rateAt(story, best.after, table) ? slot : best
  );
  if (free.after === chosen.after)
    return {
      slot: story.links.some((link) => link > 0 && link < chosen.after) ? 'usual' : 'usual-first',
      link: null,
    };
  // The best slot was open: the topic moved the line to one rated near-equal.
  if (free.blocked === null) return { slot: 'usual', link: null };
  if (free.blocked === 'link') return { slot: 'spaced', link: free.nearLink ?? null };
  return { slot: 'outside-quote', link: null };
};

/**
 * Places `count` new lines one after another, each spaced from the story's links and the lines
 * placed before it (the placement score asks this of every story). `topics(i)` gives the i-th
 * line's topic fit per paragraph, when the linked headlines are known. A line with no open slot
 * left is null.
 */
export const placeLines = (
  story: SlotStory,
  count: number,
  topics: (line: number) => readonly number[] = () => [],
  table: SlotTable = SLOT_TABLE
): (number | null)[] => {
  const links = [...story.links];
  const placed: (number | null)[] = [];
  for (let i = 0; i < count; i++) {
    const choice = chooseSlot({ ...story, links }, topics(i), table);
    placed.push(choice?.after ?? null);
    if (choice) links.push(choice.after);
  }
  return placed;
};
