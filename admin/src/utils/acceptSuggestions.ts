import type { Placement, PlacementSaveBody, Suggestion } from '#shared/contracts/admin';
import { slotForAccepted, slotStory } from '#shared/baca-juga/slot-story';
import {
  fromPlacement,
  healthForTarget,
  insertLink,
  newLocalKey,
  slotIdsOf,
  toSaveBody,
} from './placement';

/**
 * The save that accepts suggestions into a placement, as the editor would make it: each one
 * at the end of the slot after the paragraph it fits, the story's other links kept as they
 * are, with the placement's version. The server chose each one's slot as if it were the only
 * new link: one that would stand beside a link accepted before it in the same batch moves to
 * the slot model's next choice (#shared/baca-juga/slot-story), so a batch is not stacked.
 * Suggestions without a slot in this draft (none fits, or the paragraph is gone) or already
 * linked are left out, and listed as such.
 */
export const acceptSuggestions = (
  placement: Placement,
  suggestions: Suggestion[]
): { body: PlacementSaveBody; placed: Suggestion[]; left: Suggestion[] } => {
  const slots = slotIdsOf(placement.paragraphs);
  let links = fromPlacement(placement);
  const placed: Suggestion[] = [];
  const left: Suggestion[] = [];
  for (const suggestion of suggestions) {
    const slotId = acceptedSlot(placement.paragraphs, links, suggestion);
    const linked = links.some((l) => l.targetArticle?.documentId === suggestion.documentId);
    if (!slotId || !slots.includes(slotId) || linked) {
      left.push(suggestion);
      continue;
    }
    const target = {
      documentId: suggestion.documentId,
      title: suggestion.title,
      slug: suggestion.slug,
      status: suggestion.status,
      placeholder: false,
      // Suggestions are published stories, ranked from their published text.
      publishedTitle: suggestion.title ?? null,
      // Suggestions carry no picture: the saved placement brings the target's.
      image: null,
    };
    const key = newLocalKey();
    links = insertLink(
      links,
      slots,
      {
        key,
        documentId: null,
        targetArticle: target,
        url: null,
        label: '',
        afterParagraphId: slotId,
        variantAfterParagraphId: null,
        health: healthForTarget(target),
      },
      slotId
    );
    placed.push(suggestion);
  }
  return { body: toSaveBody(placement.version, links), placed, left };
};

/**
 * The paragraph id an accepted suggestion goes after, given the links already there: its own
 * `fitsAfter`, unless a link now stands beside it (./slot-story). Undefined when it fits nowhere.
 */
export const acceptedSlot = (
  paragraphs: Placement['paragraphs'],
  links: { afterParagraphId: string }[],
  suggestion: Suggestion
): string | undefined => {
  const fits = suggestion.fitsAfter;
  if (!fits) return undefined;
  const wanted = paragraphs.findIndex((p) => p.id === fits.paragraphId) + 1;
  if (wanted === 0) return fits.paragraphId;
  const story = slotStory(
    paragraphs,
    links.map((link) => link.afterParagraphId)
  );
  return paragraphs[slotForAccepted(story, wanted) - 1]?.id ?? fits.paragraphId;
};
