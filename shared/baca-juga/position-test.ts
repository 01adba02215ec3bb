/**
 * Position tests: a Baca Juga link may stand in a second slot (`variantAfterParagraphId`).
 * Readers of variant "a" find it where the editor first placed it, readers of variant "b" in
 * the second slot; the frontend picks the variant and keeps it per reader. Pure, so the render,
 * the invariants and the manager place a tested link by the same rule.
 */
import { isLinkAnchor } from './paragraphs';

export const VARIANTS = ['a', 'b'] as const;
export type Variant = (typeof VARIANTS)[number];

export const isVariant = (value: unknown): value is Variant =>
  (VARIANTS as readonly unknown[]).includes(value);

export interface TestableLink {
  afterParagraphId: string;
  variantAfterParagraphId?: string | null;
}

/**
 * The link is under test in this version of the story: its second slot is set, differs from
 * the first, and both are slots of this version. A published story that lacks the second slot
 * (its paragraph is only in the draft yet) shows the link in its first slot to everyone, and
 * its blocks name no variant: a click there is no evidence for either slot.
 */
export const inPositionTest = (link: TestableLink, paragraphIds: ReadonlySet<string>): boolean =>
  !!link.variantAfterParagraphId &&
  link.variantAfterParagraphId !== link.afterParagraphId &&
  isLinkAnchor(link.afterParagraphId, paragraphIds) &&
  isLinkAnchor(link.variantAfterParagraphId, paragraphIds);

export interface ReaderSlot {
  afterParagraphId: string;
  /** The variant the block shows, for the frontend to report with a click; null: no test. */
  variant: Variant | null;
  /**
   * The link stands in its second slot: it goes after the links the editor placed there
   * (its position counts in its first slot only).
   */
  second: boolean;
}

/**
 * Where a reader who was given `variant` (or none: the frontend runs no test) finds the link.
 * Without a variant everybody gets the first slot, so a frontend that ignores tests shows
 * exactly what the editor placed first.
 */
export const readerSlot = (
  link: TestableLink,
  variant: Variant | null,
  paragraphIds: ReadonlySet<string>
): ReaderSlot => {
  if (!variant || !inPositionTest(link, paragraphIds)) {
    return { afterParagraphId: link.afterParagraphId, variant: null, second: false };
  }
  return variant === 'b'
    ? { afterParagraphId: link.variantAfterParagraphId!, variant, second: true }
    : { afterParagraphId: link.afterParagraphId, variant, second: false };
};

/** The slots a finished test leaves: the winner's slot as the link's only one. */
export const keepSlot = (link: TestableLink, winner: Variant): TestableLink => ({
  afterParagraphId:
    winner === 'b' && link.variantAfterParagraphId
      ? link.variantAfterParagraphId
      : link.afterParagraphId,
  variantAfterParagraphId: null,
});
