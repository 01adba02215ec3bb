/**
 * What the editor says about a link's position test: pure, from the draft link, the published
 * story's paragraphs and the counts the server has for the test as published. The slot rule
 * (`inPositionTest`) and the verdict (`positionVerdict`) are the shared ones, so the manager
 * never calls a winner the server's arithmetic would not.
 */
import type { PositionTestStats } from '#shared/contracts/admin';
import { positionVerdict, type PositionVerdict } from '#shared/baca-juga/click-through';
import { inPositionTest } from '#shared/baca-juga/position-test';
import type { DraftLink } from './placement';

export type PositionTestStatus =
  /** The story was never published: no reader sees either slot yet. */
  | { kind: 'unpublished' }
  /** The published story lacks a slot: everyone gets slot A until it is published again. */
  | { kind: 'waits' }
  /** Readers get no test yet: the slots are not saved, or not live. */
  | { kind: 'save' }
  /** The draft's slots are not the ones counted: a save starts the counts afresh. */
  | { kind: 'changed' }
  | { kind: 'running'; stats: PositionTestStats; verdict: PositionVerdict };

export const positionTestStatus = (
  link: Pick<DraftLink, 'afterParagraphId' | 'variantAfterParagraphId'>,
  publishedParagraphIds: ReadonlySet<string> | null,
  /** The link's test as published; null: none; undefined: the counts are not here (yet). */
  stats: PositionTestStats | null | undefined
): PositionTestStatus | null => {
  const second = link.variantAfterParagraphId;
  if (!second) return null;
  if (!publishedParagraphIds) return { kind: 'unpublished' };
  if (!inPositionTest(link, publishedParagraphIds)) return { kind: 'waits' };
  if (stats === undefined) return null;
  if (stats === null) return { kind: 'save' };
  if (stats.slots.a !== link.afterParagraphId || stats.slots.b !== second) {
    return { kind: 'changed' };
  }
  const verdict = positionVerdict(
    { clicks: stats.clicks.a, views: stats.views.a },
    { clicks: stats.clicks.b, views: stats.views.b }
  );
  return { kind: 'running', stats, verdict };
};

/** The first words of a paragraph, to tell slots apart in a list of "After paragraph N". */
export const firstWords = (text: string, count = 6): string => {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.length > count ? `${words.slice(0, count).join(' ')}…` : words.join(' ');
};
