import { type Paragraph } from '#shared/baca-juga/paragraphs';
import { chooseSlot, type SlotStory } from '#shared/baca-juga/slots';
import type { FitsAfter } from '#shared/contracts/admin';
import { type AnalyzedParagraph, fitTerms, scoreParagraphs } from './placement';

/**
 * Where one candidate fits: the slot model's choice, the topic fit (`query`, the candidate's
 * weighted stems) breaking ties between near-equal slots, with the reason and the words the
 * candidate shares with the paragraph the line would follow. Null when every slot is blocked.
 */
export const fitSlot = (
  story: SlotStory,
  paragraphs: Paragraph[],
  analyzed: AnalyzedParagraph[],
  query: Map<string, number>
): FitsAfter | null => {
  const scores = scoreParagraphs(analyzed, query);
  const choice = chooseSlot(
    story,
    scores.map((s) => s.score)
  );
  if (!choice) return null;
  const index = choice.after - 1;
  const paragraph = paragraphs[index];
  const fit = analyzed[index];
  if (!paragraph || !fit) return null;
  return {
    paragraphId: paragraph.id,
    number: choice.after,
    matchedTerms: fitTerms(fit, scores[index]?.terms ?? []),
    reason: choice.reason,
  };
};
