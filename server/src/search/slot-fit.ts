import { type Paragraph } from '#shared/baca-juga/paragraphs';
import { chooseSlot, SLOT_TABLE, type SlotStory, type SlotTable } from '#shared/baca-juga/slots';
import type { FitsAfter } from '#shared/contracts/admin';
import { type AnalyzedParagraph, fitTerms, scoreParagraphs } from './placement';

/**
 * Where one candidate fits: the slot model's choice, the topic fit (`query`, the candidate's
 * weighted stems) breaking ties between near-equal slots, with the reason and the words the
 * candidate shares with the paragraph the line would follow. `house` is the newsroom's own
 * table (#shared/baca-juga/house-rhythm), learned from its published stories; the reason says
 * `house` when it put the line elsewhere than the general table would have. Null when every
 * slot is blocked.
 */
export const fitSlot = (
  story: SlotStory,
  paragraphs: Paragraph[],
  analyzed: AnalyzedParagraph[],
  query: Map<string, number>,
  house: SlotTable = SLOT_TABLE
): FitsAfter | null => {
  const scores = scoreParagraphs(analyzed, query);
  const topic = scores.map((s) => s.score);
  const choice = chooseSlot(story, topic, house);
  if (!choice) return null;
  const index = choice.after - 1;
  const paragraph = paragraphs[index];
  const fit = analyzed[index];
  if (!paragraph || !fit) return null;
  const general = house === SLOT_TABLE ? choice : chooseSlot(story, topic, SLOT_TABLE);
  return {
    paragraphId: paragraph.id,
    number: choice.after,
    matchedTerms: fitTerms(fit, scores[index]?.terms ?? []),
    reason: { ...choice.reason, house: general?.after !== choice.after },
  };
};
