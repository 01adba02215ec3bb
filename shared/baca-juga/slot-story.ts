import { quoteRunsOn } from './quote-run';
import { START_ANCHOR } from './paragraphs';
import { chooseSlot, MIN_DISTANCE, type SlotStory } from './slots';

/**
 * What the slot model (./slots) reads of a story in the CMS: whether each paragraph's quote runs
 * on into the next, and where its links stand (anchors of paragraphs no longer in the body are
 * left out: the integrity check moves such links, and until then they stand nowhere). The
 * server reads the stored draft this way; the manager, the links on screen.
 */
export const slotStory = (
  paragraphs: readonly { id: string; text: string }[],
  anchors: readonly string[]
): SlotStory => {
  const texts = paragraphs.map((p) => p.text);
  const number = new Map(paragraphs.map((p, i) => [p.id, i + 1]));
  return {
    paragraphs: texts.map((text, i) => ({
      quoteRunsOn: i + 1 < texts.length && quoteRunsOn(text, texts[i + 1] ?? ''),
    })),
    links: anchors.flatMap((anchor) =>
      anchor === START_ANCHOR ? [0] : number.has(anchor) ? [number.get(anchor) as number] : []
    ),
    complete: true,
  };
};

/**
 * Where an accepted suggestion goes once other links joined the story after the server chose
 * its slot (`wanted`, a paragraph number): there, while no link stands closer than
 * MIN_DISTANCE; else the slot model's choice among the slots still open, `wanted` winning
 * among near-equal ones. Used when several suggestions are accepted at once (the orphans
 * queue's "Accept the checked ones", the editor's adds before a save): each was placed by the
 * server as if it were the only one, and taking every one at its word stacked them in one
 * slot. Lines an editor puts side by side stay where they are: this is for the engine's
 * choices. When every slot is blocked the line keeps `wanted` (accepted is accepted).
 */
export const slotForAccepted = (story: SlotStory, wanted: number): number => {
  if (story.links.every((link) => Math.abs(link - wanted) >= MIN_DISTANCE)) return wanted;
  const prefer = story.paragraphs.map((_, i) => (i + 1 === wanted ? 1 : 0));
  return chooseSlot(story, prefer)?.after ?? wanted;
};
