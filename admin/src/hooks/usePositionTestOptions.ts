import { useMemo } from 'react';
import type { LinkStats, Placement } from '#shared/contracts/admin';
import type { PositionTestOptions } from '../components/editor/PositionTest';
import { firstWords } from '../utils/positionTest';
import { START_SLOT } from '../utils/placement';
import type { PlacementActions } from './usePlacementState';
import { useT } from './useT';

/**
 * What the link cards' position tests share, built once per placement and counts: the slots
 * to choose from (named with their paragraph's first words, since "After paragraph 12" alone
 * is hard to find), the published paragraphs, each link's test as published, and the edits.
 */
export const usePositionTestOptions = (
  placement: Placement | null,
  stats: LinkStats | undefined,
  actions: PlacementActions
): PositionTestOptions => {
  const t = useT();
  return useMemo(() => {
    const paragraphs = placement?.paragraphs ?? [];
    const number = new Map(paragraphs.map((p, i) => [p.id, i + 1]));
    const published = placement?.publishedParagraphIds;
    const tests = new Map((stats?.links ?? []).map((l) => [l.link, l.test]));
    return {
      choices: [
        { slotId: START_SLOT, label: t('positionTest.option.start') },
        ...paragraphs.map((p, i) => ({
          slotId: p.id,
          label: t('positionTest.option.after', { number: i + 1, words: firstWords(p.text) }),
        })),
      ],
      slotName: (slotId) =>
        slotId === START_SLOT
          ? t('positionTest.slot.start')
          : t('positionTest.slot.after', { number: number.get(slotId) ?? '?' }),
      publishedParagraphIds: published ? new Set(published) : null,
      // A link never saved has no counts; a saved one has none until the counts are here.
      statsOf: (documentId) => {
        if (!documentId) return null;
        return stats ? (tests.get(documentId) ?? null) : undefined;
      },
      onSetSecondSlot: actions.setVariant,
      onKeepSlot: actions.keepSlot,
    };
  }, [placement, stats, actions, t]);
};
