/**
 * The Baca Juga editor's local model of an article's links, and the pure operations on it.
 *
 * Links are kept as ONE flat array in reading order (slot by slot, in paragraph order), which
 * is also the order the save sends them in. A slot is the place after a paragraph; `start` is
 * the slot before the first paragraph.
 */
import type {
  LinkHealth,
  LinkTarget,
  Placement,
  PlacementLinkInput,
  PlacementSaveBody,
} from '#shared/contracts/admin';
import { linkHealth } from '#shared/baca-juga/health';
import { START_ANCHOR } from '#shared/baca-juga/paragraphs';
import { keepSlot, type Variant } from '#shared/baca-juga/position-test';

// The server's own rules (pure shared modules), so the editor and the server never disagree.
export { isSafeHref, MAX_LABEL_LENGTH } from '#shared/baca-juga/text';
import { readerView, type ReaderView } from '#shared/baca-juga/reader-view';
export { isBroken } from '#shared/baca-juga/health';
export { readersSee } from '#shared/baca-juga/reader-view';

export const START_SLOT = START_ANCHOR;

export interface DraftLink {
  /** Stable local key: the link's documentId, or a generated one for a link not saved yet. */
  key: string;
  /** null until the link has been saved once. */
  documentId: string | null;
  targetArticle: LinkTarget | null;
  url: string | null;
  label: string;
  afterParagraphId: string;
  /**
   * Second slot of a position test (readers of variant "b" find the link there), or null. Never
   * equal to `afterParagraphId`: the server refuses that, so every change of place keeps it apart.
   */
  variantAfterParagraphId: string | null;
  health: LinkHealth;
  /** Moved here because its paragraph was deleted; shown until the next save. */
  needsReview?: boolean;
}

export type MoveDirection = 'up' | 'down';

let localKeyCounter = 0;
export const newLocalKey = () => `new-${Date.now().toString(36)}-${++localKeyCounter}`;

/** Slot ids in reading order: before the first paragraph, then after each paragraph. */
export const slotIdsOf = (paragraphs: { id: string }[]): string[] => [
  START_SLOT,
  ...paragraphs.map((p) => p.id),
];

/**
 * What a reader gets from a link to this target, by the server's rule. A target picked in the
 * manager exists; its status says whether it has a published version (an unpublished target
 * picked again reads as a draft until it is published).
 */
export const healthForTarget = (target: LinkTarget | null): LinkHealth =>
  linkHealth({
    hasTarget: !!target,
    targetPublished: !!target && target.status !== 'draft',
    targetAwaitingCopy: !!target && target.placeholder,
    targetEverPublished: false,
    hasUrl: false,
  });

/**
 * The second slot a link can keep when it stands in `afterParagraphId`: none when it is the
 * same slot (a test needs two) or not a slot of the draft any more.
 */
export const secondSlot = (
  variant: string | null | undefined,
  afterParagraphId: string,
  slots: { has: (slotId: string) => boolean }
): string | null =>
  variant && variant !== afterParagraphId && slots.has(variant) ? variant : null;

/**
 * Turns the server's placement into local links in reading order. A link anchored to a
 * paragraph that no longer exists is shown in (and, on the next save, moved to) the last slot,
 * so it stays visible and reachable instead of silently floating nowhere. A second slot whose
 * paragraph is gone is dropped: the test cannot go on there, and the save ends it.
 */
export const fromPlacement = (placement: Placement): DraftLink[] => {
  const slots = slotIdsOf(placement.paragraphs);
  const lastSlot = slots[slots.length - 1];
  const slotIndex = new Map(slots.map((id, index) => [id, index]));
  return placement.links
    .map((link, order) => ({ link, order }))
    .map(({ link, order }) => {
      const afterParagraphId = slotIndex.has(link.afterParagraphId)
        ? link.afterParagraphId
        : lastSlot;
      return {
        order,
        slot: slotIndex.get(afterParagraphId) ?? slots.length - 1,
        draft: {
          key: link.documentId,
          documentId: link.documentId,
          targetArticle: link.targetArticle,
          url: link.url,
          label: link.label ?? '',
          afterParagraphId,
          variantAfterParagraphId: secondSlot(
            link.variantAfterParagraphId,
            afterParagraphId,
            slotIndex
          ),
          health: link.health,
          needsReview: link.needsReview,
        },
      };
    })
    .sort((a, b) => a.slot - b.slot || a.order - b.order)
    .map(({ draft }) => draft);
};

/** The links of one slot, in order. */
export const linksInSlot = (links: DraftLink[], slotId: string) =>
  links.filter((link) => link.afterParagraphId === slotId);

/**
 * Rebuilds the flat reading-order array after a change, so the array order always equals
 * slot order then position (the order the server stores).
 */
const normalizeOrder = (links: DraftLink[], slots: string[]): DraftLink[] =>
  slots.flatMap((slotId) => linksInSlot(links, slotId));

/**
 * Inserts `link` into `slotId` before the link keyed `beforeKey`, or at the slot's end. Every
 * move, drop and insert goes through here: a link moved into its own second slot ends its
 * position test (one slot is left).
 */
export const insertLink = (
  links: DraftLink[],
  slots: string[],
  link: DraftLink,
  slotId: string,
  beforeKey: string | null = null
): DraftLink[] => {
  const placed = {
    ...link,
    afterParagraphId: slotId,
    variantAfterParagraphId:
      link.variantAfterParagraphId === slotId ? null : link.variantAfterParagraphId,
  };
  const rest = links.filter((l) => l.key !== link.key);
  const ordered = normalizeOrder(rest, slots);
  let index = beforeKey ? ordered.findIndex((l) => l.key === beforeKey) : -1;
  if (index === -1) {
    // End of the slot: after its last link, or where the slot begins when it is empty.
    const slotPos = slots.indexOf(slotId);
    index = ordered.filter((l) => slots.indexOf(l.afterParagraphId) <= slotPos).length;
  }
  return [...ordered.slice(0, index), placed, ...ordered.slice(index)];
};

export const removeLink = (links: DraftLink[], key: string) => links.filter((l) => l.key !== key);

export const updateLink = (links: DraftLink[], key: string, patch: Partial<DraftLink>) =>
  links.map((l) => (l.key === key ? { ...l, ...patch, key: l.key } : l));

/** Where a one-step move would put the link, or null when it is already at the very edge. */
const moveTarget = (
  links: DraftLink[],
  slots: string[],
  key: string,
  direction: MoveDirection
): { slotId: string; beforeKey: string | null } | null => {
  const link = links.find((l) => l.key === key);
  if (!link) return null;
  const slotPos = slots.indexOf(link.afterParagraphId);
  const inSlot = linksInSlot(links, link.afterParagraphId);
  const index = inSlot.findIndex((l) => l.key === key);

  if (direction === 'up') {
    if (index > 0) return { slotId: link.afterParagraphId, beforeKey: inSlot[index - 1].key };
    // First in its slot: to the end of the previous slot.
    return slotPos > 0 ? { slotId: slots[slotPos - 1], beforeKey: null } : null;
  }
  if (index < inSlot.length - 1) {
    const afterNext = inSlot[index + 2];
    return { slotId: link.afterParagraphId, beforeKey: afterNext ? afterNext.key : null };
  }
  // Last in its slot: to the start of the next slot.
  if (slotPos >= slots.length - 1) return null;
  const nextSlot = slots[slotPos + 1];
  const first = linksInSlot(links, nextSlot)[0];
  return { slotId: nextSlot, beforeKey: first ? first.key : null };
};

export const canMove = (
  links: DraftLink[],
  slots: string[],
  key: string,
  direction: MoveDirection
) => moveTarget(links, slots, key, direction) !== null;

/** One step up or down, crossing slot boundaries (the keyboard alternative to drag and drop). */
export const moveLink = (
  links: DraftLink[],
  slots: string[],
  key: string,
  direction: MoveDirection
): DraftLink[] => {
  const target = moveTarget(links, slots, key, direction);
  const link = links.find((l) => l.key === key);
  if (!target || !link) return links;
  return insertLink(links, slots, link, target.slotId, target.beforeKey);
};

/**
 * Gives the link a second slot to test (null: no test). Its own first slot, or a slot the
 * draft does not have, is no second slot.
 */
export const setSecondSlot = (
  links: DraftLink[],
  slots: string[],
  key: string,
  slotId: string | null
): DraftLink[] => {
  const link = links.find((l) => l.key === key);
  if (!link) return links;
  const variant = secondSlot(slotId, link.afterParagraphId, new Set(slots));
  return updateLink(links, key, { variantAfterParagraphId: variant });
};

/**
 * Ends the link's position test with `winner`'s slot as its only one (the shared rule). Slot B
 * moves the link to the end of that slot, after the links already there, which is where
 * readers of variant "b" found it.
 */
export const keepTestedSlot = (
  links: DraftLink[],
  slots: string[],
  key: string,
  winner: Variant
): DraftLink[] => {
  const link = links.find((l) => l.key === key);
  if (!link) return links;
  const { afterParagraphId } = keepSlot(link, winner);
  const kept = { ...link, variantAfterParagraphId: null };
  return afterParagraphId === link.afterParagraphId
    ? updateLink(links, key, kept)
    : insertLink(links, slots, kept, afterParagraphId);
};

/** The body of `PUT /placement`: the whole placement in reading order. */
export const toSaveBody = (version: string, links: DraftLink[]): PlacementSaveBody => ({
  version,
  links: links.map((link): PlacementLinkInput => {
    const input: PlacementLinkInput = {
      label: link.label.trim() || null,
      afterParagraphId: link.afterParagraphId,
      // Always sent, null included: a save without a second slot ends the link's test.
      variantAfterParagraphId: link.variantAfterParagraphId,
    };
    if (link.documentId) input.documentId = link.documentId;
    if (link.targetArticle) input.targetDocumentId = link.targetArticle.documentId;
    else if (link.url !== null) input.url = link.url.trim();
    // A saved link whose target was deleted has neither: the server keeps it, still broken,
    // so it does not block saving the rest.
    return input;
  }),
});

/** A comparable snapshot of what a save would send, to tell whether there are unsaved edits. */
export const snapshotOf = (links: DraftLink[]) => JSON.stringify(toSaveBody('', links).links);

interface LinkFacts {
  label: string | null;
  targetArticle: LinkTarget | null;
  url: string | null;
}

/**
 * The name the manager gives a link: its label, else its target's title as the editor knows
 * it (the draft's), else its url. What readers see is `readerViewOf`.
 */
export const displayLabel = (link: LinkFacts) =>
  link.label?.trim() || link.targetArticle?.title || link.url || '';

/**
 * What a reader gets of this link, saved or not, by the render's own rule: a target is open to
 * readers when it has a published version, under that version's title.
 */
export const readerViewOf = (link: LinkFacts): ReaderView => {
  const target = link.targetArticle;
  const published = !!target && target.status !== 'draft';
  return readerView(
    link,
    target && {
      published,
      publishedTitle: target.publishedTitle,
      awaitingCopy: !published && target.placeholder,
    }
  );
};
