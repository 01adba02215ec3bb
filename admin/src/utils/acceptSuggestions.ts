import type { Placement, PlacementSaveBody, Suggestion } from '#shared/contracts/admin';
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
 * are, with the placement's version. Suggestions without a slot in this draft (none fits, or
 * the paragraph is gone) or already linked are left out, and listed as such.
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
    const slotId = suggestion.fitsAfter?.paragraphId;
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
