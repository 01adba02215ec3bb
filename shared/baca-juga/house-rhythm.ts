/**
 * A newsroom's own rhythm (issue 30): the slot table (./slots) fitted on the newsroom's own
 * published placements, shrunk towards the general table when it has few. Real newsrooms differ
 * sharply (Suara's sites put a line after paragraph 9, Tribun stacks its lines after 4 or 5,
 * Kompas spaces them five apart): one table for all of them averages their habits away.
 *
 * Pure: the suggestions service fits it on the newsroom's published stories, the placement
 * score (npm run score:placement) on the real positions, and the general SLOT_TABLE is this same
 * fit on the tuning stories. How the pseudo-count was chosen: tests/fixtures/placement/README.md.
 */
import { SHORT_STORY, type SlotTable } from './slots';

/** One published story's placement: how many paragraphs, after which each line stands. */
export interface PlacedStory {
  paragraphs: number;
  /** The paragraph each line follows (several lines in one slot repeat it). */
  links: readonly number[];
  /** The story's end is known (a stored copy cut short has none; a CMS story always does). */
  complete?: boolean;
}

/**
 * Slots of the table: after paragraph 1 to 9 each, the tenth bin holding 10 and beyond. The
 * real stories rarely show more than ten paragraphs (their median is nine), so later bins would
 * each rest on a handful of stories (the README's paragraph counts).
 */
export const SLOT_BINS = 10;

/** How often each slot held a line: the counts a table is fitted from. */
export interface SlotCounts {
  hits: number[];
  seen: number[];
  end: { short: { hits: number; seen: number }; long: { hits: number; seen: number } };
}

/**
 * Counts, for each paragraph number k (the last bin holding k and beyond), the stories long
 * enough to have a slot after k and those whose editor put a line there (a block of lines in
 * one slot counts once); and apart, the complete stories' last slots, short ones (up to
 * `shortStory` paragraphs) and longer ones. A story cut short has no known end: its last
 * visible slot counts as any slot that far in.
 */
export const countSlots = (
  stories: readonly PlacedStory[],
  bins = SLOT_BINS,
  shortStory = SHORT_STORY
): SlotCounts => {
  const hits = new Array<number>(bins).fill(0);
  const seen = new Array<number>(bins).fill(0);
  const end = { short: { hits: 0, seen: 0 }, long: { hits: 0, seen: 0 } };
  for (const story of stories) {
    const n = story.paragraphs;
    const lines = new Set(story.links);
    for (let k = 1; k <= n; k++) {
      const hit = lines.has(k) ? 1 : 0;
      if (k === n && story.complete !== false) {
        const length = n <= shortStory ? end.short : end.long;
        length.seen += 1;
        length.hits += hit;
      } else {
        const bin = Math.min(k, bins) - 1;
        seen[bin] = (seen[bin] ?? 0) + 1;
        hits[bin] = (hits[bin] ?? 0) + hit;
      }
    }
  }
  return { hits, seen, end };
};

const round = (rate: number) => Math.round(rate * 100) / 100;

/**
 * The general table (SLOT_TABLE): each share starts from half a line in three slots (the
 * overall rate, about one slot in six), so a bin seen in few stories leans to the average.
 * Rounded to two places, as SLOT_TABLE is written.
 */
export const fitSlotTable = (
  stories: readonly PlacedStory[],
  bins = SLOT_BINS,
  shortStory = SHORT_STORY
): SlotTable => {
  const counts = countSlots(stories, bins, shortStory);
  const share = (hit: number, n: number) => round((hit + 0.5) / (n + 3));
  return {
    rates: counts.hits.map((hit, i) => share(hit, counts.seen[i] ?? 0)),
    end: {
      short: share(counts.end.short.hits, counts.end.short.seen),
      long: share(counts.end.long.hits, counts.end.long.seen),
    },
  };
};

/**
 * Stories' worth of weight the general table keeps in a newsroom's own: each of the house's
 * rates is (its hits + HOUSE_PRIOR × the general rate) / (its stories + HOUSE_PRIOR). Chosen
 * among 0.25 to 16 by leaving each tuning story out in turn (its house fitted on the other
 * tuning stories of its newsroom, the general table on the other tuning stories; `npm run
 * score:placement -- --tune`). On both rounds' 119 tuning stories 3, 4 and 5 tie per slot
 * (87 and 134 of 172, exact and within one) and 5 placed one line more per line (90 and 148 of
 * 222); 6 and 8 one to two fewer exactly, 1 or less four to five fewer. On the first round's
 * 68 alone 4 had won by one or two lines: the choice is flat between 3 and 6, and any of them
 * is far from the general table alone. A newsroom's habit is sharp (Suara puts a
 * line after paragraph 9 in most stories): five of its stories outweigh the general rate of a
 * slot.
 */
export const HOUSE_PRIOR = 5;

/**
 * The newsroom's table: its own placements with the general table's rates as HOUSE_PRIOR
 * stories' worth of prior, slot by slot (a slot the newsroom's stories rarely reach, such as the
 * end of a short story in a newsroom of long ones, stays close to the general rate). With no
 * stories it is the general table.
 */
export const houseTable = (
  stories: readonly PlacedStory[],
  general: SlotTable,
  prior = HOUSE_PRIOR
): SlotTable => {
  const counts = countSlots(stories, general.rates.length);
  // A slot the newsroom never reached keeps the general rate as it is (no float round trip).
  const blend = (hit: number, n: number, rate: number) =>
    n > 0 ? (hit + prior * rate) / (n + prior) : rate;
  return {
    rates: general.rates.map((rate, i) => blend(counts.hits[i] ?? 0, counts.seen[i] ?? 0, rate)),
    end: {
      short: blend(counts.end.short.hits, counts.end.short.seen, general.end.short),
      long: blend(counts.end.long.hits, counts.end.long.seen, general.end.long),
    },
  };
};
