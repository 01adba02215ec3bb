/**
 * How strong a suggestion is, and why, in words an editor can weigh before a one-click Accept
 * (which saves and publishes). A score means nothing outside its own ranking, so the band is
 * read from what the two stories share:
 *
 * - `coverage`: the share of this story's query weight (its telling words, each weighted by
 *   how rare it is in the newsroom) that the suggested story matched, 0 to 1. Two common
 *   words ("menjadi, besar") match little of it; the names and subjects of one event match
 *   much.
 * - the whole tags the two share, which an editor put there on purpose.
 *
 * The server ranks and sends `coverage`; the manager shows the band and hides what is below
 * the floor unless asked. Both read this one rule.
 */
export const STRENGTHS = ['strong', 'fair', 'weak'] as const;
export type Strength = (typeof STRENGTHS)[number];

/** Coverage at or above which the words alone make a suggestion strong, or fair. */
export const STRONG_COVERAGE = 0.25;
export const FAIR_COVERAGE = 0.1;
/** With a shared tag, this much coverage is strong. */
const STRONG_WITH_TAG = 0.12;

export interface StrengthEvidence {
  coverage: number;
  sharedTags: readonly string[];
}

export const strengthOf = ({ coverage, sharedTags }: StrengthEvidence): Strength => {
  const tagged = sharedTags.length > 0;
  if (coverage >= STRONG_COVERAGE || (tagged && coverage >= STRONG_WITH_TAG)) return 'strong';
  if (coverage >= FAIR_COVERAGE || tagged) return 'fair';
  return 'weak';
};

/** Suggestions shown without asking: the floor is below `fair`. */
export const aboveFloor = (evidence: StrengthEvidence) => strengthOf(evidence) !== 'weak';
