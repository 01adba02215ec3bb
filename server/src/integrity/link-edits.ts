import type { Core } from '@strapi/strapi';
import type { PlacementState, StoredLink } from '#shared/baca-juga/invariants';
import { forgetLinkEdits, stampLinkEdits, type VersionKey } from '../database/link-edits';
import { stateBefore, writtenIds, type WriteScope } from './scope';

/**
 * A link as an editor sees it: where it stands, what it leads to, its label, its test slot
 * and its review flag. Not which article holds it: a link moved between stories is a removal
 * from one and an addition to the other, each seen in its own story's outcome.
 */
const shown = (link: StoredLink) =>
  JSON.stringify([
    link.documentId,
    [...link.targets].sort(),
    link.url ?? null,
    link.label ?? null,
    link.afterParagraphId ?? null,
    link.variantAfterParagraphId ?? null,
    link.position ?? null,
    link.needsReview === true,
  ]);

/** A version's links, in no particular order, as one comparable value (none: no version). */
export const linksOutcome = (state: PlacementState | null): string =>
  (state?.links ?? []).map(shown).sort().join('\n');

const keyOf = (state: PlacementState): VersionKey => ({
  documentId: state.documentId,
  locale: state.locale ?? null,
});
const sameVersion = (a: PlacementState, b: PlacementState) =>
  a.documentId === b.documentId && (a.locale ?? null) === (b.locale ?? null);

/**
 * Versions whose draft links the write changed (added, removed, moved, relabelled,
 * retargeted, flagged or cleared), compared on what is stored before and after it, and
 * drafts it took away altogether. Pure: the caller reads and writes.
 */
export const linkEditsOf = (scope: WriteScope, after: PlacementState[]) => {
  const written = writtenIds(scope);
  const drafts = after.filter((state) => state.version === 'draft');
  const edited = drafts
    .filter((state) => linksOutcome(stateBefore(scope, state, written)) !== linksOutcome(state))
    .map(keyOf);
  const gone = [...scope.before.values()]
    .flat()
    .filter((state) => state.version === 'draft' && !drafts.some((d) => sameVersion(d, state)))
    .map(keyOf);
  return { edited, gone };
};

/**
 * Stamps the versions whose draft links the write changed, inside its transaction: their
 * article rows stay as they were (a story's own `updatedAt` is the content manager's
 * "modified" and the caches' business), and the manager's list reads the stamp beside it.
 */
export const recordLinkEdits = async (
  strapi: Core.Strapi,
  scope: WriteScope,
  after: PlacementState[]
) => {
  const { edited, gone } = linkEditsOf(scope, after);
  // The write's start, not its end: a story edit that moved links (a paragraph deleted) gets
  // its own updatedAt after this, so the list calls it the story's edit, as the editor made it.
  await stampLinkEdits(strapi, scope.trx, edited, scope.startedAt);
  await forgetLinkEdits(strapi, scope.trx, gone);
};
