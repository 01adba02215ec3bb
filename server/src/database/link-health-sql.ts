import { linkHealthTable, type LinkHealth, type LinkHealthFacts } from '#shared/baca-juga/health';

/** SQL conditions for each fact, over whatever aliases the calling query uses. */
export type FactConditions = Record<keyof LinkHealthFacts, string>;

const ORDER: (keyof LinkHealthFacts)[] = [
  'hasTarget',
  'targetPublished',
  'targetAwaitingCopy',
  'targetEverPublished',
  'hasUrl',
];

/**
 * A SQL CASE that classifies a link exactly as `linkHealth` does: a decision tree over the
 * facts, built from the function's own truth table and collapsed wherever a fact makes no
 * difference, so each condition is evaluated at most once per link and the rule has one home.
 */
export const linkHealthCase = (conditions: FactConditions): string => {
  const build = (rows: ReturnType<typeof linkHealthTable>, depth: number): string => {
    const healths = new Set<LinkHealth>(rows.map((r) => r.health));
    if (healths.size === 1) return `'${[...healths][0]}'`;
    const fact = ORDER[depth];
    const yes = build(
      rows.filter((r) => r.facts[fact]),
      depth + 1
    );
    const no = build(
      rows.filter((r) => !r.facts[fact]),
      depth + 1
    );
    return `(CASE WHEN ${conditions[fact]} THEN ${yes} ELSE ${no} END)`;
  };
  return build(linkHealthTable(), 0);
};
