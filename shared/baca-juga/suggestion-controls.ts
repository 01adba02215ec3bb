/**
 * Editorial controls over the suggestion engine: the one rule of which candidate a story may be
 * offered, read by the server wherever it suggests (the manager's suggestions, the orphans
 * queue, the public related list) and by the manager, which shows why a story gets none.
 *
 * - a dismissal: an editor took a candidate out of one story's suggestions, with a reason;
 * - a "never suggest this pair": two stories are never offered for each other, either way;
 * - a scope: the story is offered only stories that share one of its chosen tags;
 * - an age limit (the newsroom's `suggestions.maxAgeDays`): a candidate dated more than that
 *   many days before the story is left out, unless it is flagged evergreen;
 * - a cap: a story with that many Baca Juga links is offered no more.
 *
 * The controls steer what the engine offers, never what stands: a link an editor placed is
 * shown to readers whatever these say (only the newsroom's `maxLinksPerArticle` bounds it).
 */
import { tagKey } from '../tags';

/** Why an editor dismissed a suggestion for a story (a short list; `other` says it in a note). */
export const DISMISS_REASONS = ['not-related', 'outdated', 'duplicate', 'other'] as const;
export type DismissReason = (typeof DISMISS_REASONS)[number];

/** A dismissal holds for one story; a pair holds for both stories, in either direction. */
export const RULE_KINDS = ['dismiss', 'never-pair'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** Most scope tags a story may have, and the longest dismissal note. */
export const MAX_SCOPE_TAGS = 10;
export const MAX_NOTE_LENGTH = 300;

const DAY_MS = 86_400_000;

/** A pair's two stories in one order, so that (a, b) and (b, a) are one stored row. */
export const pairKey = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

/** What the rule knows of the story suggestions are made for. */
export interface StoryControls {
  documentId: string;
  /** Candidates dismissed for this story. */
  dismissed: ReadonlySet<string>;
  /** Stories never to be suggested with this one (pairs it is in, the other story of each). */
  neverPaired: ReadonlySet<string>;
  /** Chosen tags: candidates must share one of them (compared by `tagKey`). Empty: no scope. */
  scopeTags: readonly string[];
  /** Most Baca Juga links the story should carry (null: no cap of its own). */
  maxLinks: number | null;
  /** The newsroom's age limit in days; 0 turns it off. */
  maxAgeDays: number;
  /**
   * The instant ages are measured from: the story's news date (reported, else published), or
   * the time of asking for a story without one. The story's own date rather than the clock, so
   * an archive story is offered the news of its time, and a public related list is the same
   * whenever it is computed (it is cached until its stories change).
   */
  datedAt: number;
}

/** What the rule reads of a candidate (a published story of the same locale). */
export interface CandidateFacts {
  documentId: string;
  /** Its tags (or their keys). */
  tags: readonly string[];
  /** Its news date in ms (reported, else published); null when it has none. */
  datedAt: number | null;
  evergreen: boolean;
}

/** Why a candidate is not offered; null when it is. */
export type Exclusion = 'dismissed' | 'never-pair' | 'out-of-scope' | 'too-old';

/** The one rule: whether `candidate` may be suggested for `story`, and if not, why. */
export const exclusionOf = (story: StoryControls, candidate: CandidateFacts): Exclusion | null => {
  if (story.neverPaired.has(candidate.documentId)) return 'never-pair';
  if (story.dismissed.has(candidate.documentId)) return 'dismissed';
  if (story.scopeTags.length > 0) {
    const scope = new Set(story.scopeTags.map(tagKey));
    if (!candidate.tags.some((tag) => scope.has(tagKey(tag)))) return 'out-of-scope';
  }
  if (tooOld(story, candidate)) return 'too-old';
  return null;
};

/** Older than the age limit allows, measured back from the story's date; never when evergreen. */
export const tooOld = (
  story: Pick<StoryControls, 'maxAgeDays' | 'datedAt'>,
  candidate: Pick<CandidateFacts, 'datedAt' | 'evergreen'>
): boolean =>
  story.maxAgeDays > 0 &&
  !candidate.evergreen &&
  candidate.datedAt !== null &&
  story.datedAt - candidate.datedAt > story.maxAgeDays * DAY_MS;

/** A story with `linkCount` links has reached its cap: it is offered nothing more. */
export const capReached = (maxLinks: number | null, linkCount: number): boolean =>
  maxLinks !== null && linkCount >= maxLinks;

/**
 * How many of `wanted` suggestions a story with `linkCount` links may still be offered: all of
 * them without a cap, else only as many as fill it up.
 */
export const roomUnderCap = (maxLinks: number | null, linkCount: number, wanted: number): number =>
  maxLinks === null ? Math.max(0, wanted) : Math.max(0, Math.min(wanted, maxLinks - linkCount));

/** The story's links above its cap (0 when within): the manager's warning, never a refusal. */
export const overCap = (maxLinks: number | null, linkCount: number): number =>
  maxLinks === null ? 0 : Math.max(0, linkCount - maxLinks);
