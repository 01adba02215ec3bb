/**
 * Link health: the state of what a Baca Juga link points at. The manager's editor, its list,
 * the link-health report and the side panel all classify with `linkHealth`; the SQL that
 * counts health over the whole newsroom is generated from it (server/src/database/
 * link-health-sql.ts), so the rule has one home.
 */

/**
 * - `ok`: an internal link to a published article.
 * - `external`: a link to a URL.
 * - `awaiting-copy`: the target is a placeholder awaiting its copy (a Baca Juga title the
 *   importer matched to no story), until the story is published.
 *
 * Health says why a link is what it is; what readers then see of it (a link, its label as
 * text, or nothing) is shared/baca-juga/reader-view's to say.
 * - `target-draft`: the target article has never been published.
 * - `target-unpublished`: the target was published once and is not any more.
 * - `target-deleted`: the target article no longer exists.
 */
export type LinkHealth =
  | 'ok'
  | 'external'
  | 'awaiting-copy'
  | 'target-draft'
  | 'target-unpublished'
  | 'target-deleted';

export const LINK_HEALTHS: readonly LinkHealth[] = [
  'ok',
  'external',
  'awaiting-copy',
  'target-draft',
  'target-unpublished',
  'target-deleted',
];

/** Readers do not see these: the link is held back until its target is published again. */
export const BROKEN_HEALTH: readonly LinkHealth[] = [
  'target-draft',
  'target-unpublished',
  'target-deleted',
];

/** What health is decided from; each fact is one column or one lookup away. */
export interface LinkHealthFacts {
  /** The link points at an article that exists (in any state). */
  hasTarget: boolean;
  /** That article has a published version. */
  targetPublished: boolean;
  /** That article is a placeholder awaiting its copy (and so has no published version). */
  targetAwaitingCopy: boolean;
  /** That article was published at some point (everPublishedAt is set). */
  targetEverPublished: boolean;
  /** The link carries a url (external). */
  hasUrl: boolean;
}

export const linkHealth = (facts: LinkHealthFacts): LinkHealth => {
  if (facts.hasTarget) {
    if (facts.targetPublished) return 'ok';
    if (facts.targetAwaitingCopy) return 'awaiting-copy';
    return facts.targetEverPublished ? 'target-unpublished' : 'target-draft';
  }
  // A link is created with a target or a url; with neither, its target was deleted (Strapi
  // removes the relation row with the target and keeps the link).
  return facts.hasUrl ? 'external' : 'target-deleted';
};

export const isBroken = (health: LinkHealth) => BROKEN_HEALTH.includes(health);

/** Every combination of facts with its health: what the SQL classification is built from. */
export const linkHealthTable = (): { facts: LinkHealthFacts; health: LinkHealth }[] => {
  const rows: { facts: LinkHealthFacts; health: LinkHealth }[] = [];
  for (const hasTarget of [true, false])
    for (const targetPublished of [true, false])
      for (const targetAwaitingCopy of [true, false])
        for (const targetEverPublished of [true, false])
          for (const hasUrl of [true, false]) {
            const facts = {
              hasTarget,
              targetPublished,
              targetAwaitingCopy,
              targetEverPublished,
              hasUrl,
            };
            rows.push({ facts, health: linkHealth(facts) });
          }
  return rows;
};

export const zeroHealthCounts = (): Record<LinkHealth, number> =>
  Object.fromEntries(LINK_HEALTHS.map((h) => [h, 0])) as Record<LinkHealth, number>;

export const brokenCount = (counts: Record<LinkHealth, number>) =>
  BROKEN_HEALTH.reduce((sum, h) => sum + counts[h], 0);
