import { quoteRunsOn } from './quote-run';
import { START_ANCHOR } from './paragraphs';
import { chooseSlot, MIN_DISTANCE, type SlotStory } from './slots';

/**
 * The slot numbers links stand in: 0 before the first paragraph, k after paragraph k; anchors
 * of paragraphs not in the body are left out.
 */
export const linkSlots = (
  paragraphIds: readonly string[],
  anchors: readonly string[]
): number[] => {
  const number = new Map(paragraphIds.map((id, i) => [id, i + 1]));
  return anchors.flatMap((anchor) =>
    anchor === START_ANCHOR ? [0] : number.has(anchor) ? [number.get(anchor) as number] : []
  );
};

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
  return {
    paragraphs: texts.map((text, i) => ({
      quoteRunsOn: i + 1 < texts.length && quoteRunsOn(text, texts[i + 1] ?? ''),
    })),
    links: linkSlots(
      paragraphs.map((p) => p.id),
      anchors
    ),
    complete: true,
  };
};

/**
 * Where an accepted suggestion goes once other links joined the story after the server chose
 * its slot (`wanted`, a paragraph number): there, while no link stands closer than
 * MIN_DISTANCE; else the slot model's choice among the slots still open, the one nearest
 * `wanted` winning among near-equal ones (the server chose `wanted` for its topic too). Used
 * when several suggestions are accepted at once (the orphans queue's "Accept the checked
 * ones", the editor's adds before a save): each was placed by the server as if it were the
 * only one, and taking every one at its word stacked them in one slot. Lines an editor puts
 * side by side stay where they are: this is for the engine's choices. When every slot is
 * blocked the line keeps `wanted` (accepted is accepted).
 *
 * The moved line follows the general table (./slots), not the newsroom's own
 * (./house-rhythm): that one is learned on the server, which does not send it. The first line
 * of a batch keeps the server's slot, so it follows the newsroom's rhythm.
 */
export const slotForAccepted = (story: SlotStory, wanted: number): number => {
  if (story.links.every((link) => Math.abs(link - wanted) >= MIN_DISTANCE)) return wanted;
  const nearness = story.paragraphs.map((_, i) => 1 / (1 + Math.abs(i + 1 - wanted)));
  return chooseSlot(story, nearness)?.after ?? wanted;
};
