/**
 * A three-way merge of an article's Baca Juga links, for a save that answered 409: `base` is
 * the placement this editor loaded, `mine` the links on their screen, `theirs` the placement a
 * colleague saved since. Their changes are kept; mine are reapplied on top where they touch
 * something the colleague left alone; where both changed the same thing of the same link (its
 * place, its target, its label, or one removed what the other changed) the editor chooses.
 * A link's place is both its slots: the first and the second of a position test, so starting,
 * changing or ending a test is a move, and neither side's test is lost without a choice.
 *
 * Pure: the editor shows `describe...` of the result, then puts `links` on screen as unsaved
 * edits over `theirs`, so the next save is still one all-or-nothing write against the
 * colleague's version.
 */
import type { Placement } from '#shared/contracts/admin';
import { fromPlacement, insertLink, secondSlot, slotIdsOf, type DraftLink } from './placement';

/** What can change about one link. */
export type Aspect = 'place' | 'target' | 'label';

export type ChangeKind = 'added' | 'removed' | 'moved' | 'retargeted' | 'relabelled';

const KIND_OF: Record<Aspect, ChangeKind> = {
  place: 'moved',
  target: 'retargeted',
  label: 'relabelled',
};

export interface Change {
  kind: ChangeKind;
  /** The link after the change; for `removed`, as it was before. */
  link: DraftLink;
  /** Who and when, for the colleague's changes (null when the server does not know). */
  by: string | null;
  at: string | null;
}

/** What became of one of my changes. */
export type MyOutcome = 'reapplied' | 'collision' | 'already-done';

export interface MyChange extends Change {
  outcome: MyOutcome;
}

export type Side = 'mine' | 'theirs';

export interface Collision {
  /** Stable for one merge: the link's key and what collides. */
  id: string;
  /** `presence`: one side removed the link, the other changed it. */
  aspect: Aspect | 'presence';
  /** The link as I left it (null: I removed it). */
  mine: DraftLink | null;
  /** The link as the colleague left it (null: they removed it). */
  theirs: DraftLink | null;
  by: string | null;
  at: string | null;
}

export interface Merge {
  /** The merged links in reading order, with each collision resolved by `choices`. */
  links: DraftLink[];
  theirChanges: Change[];
  myChanges: MyChange[];
  collisions: Collision[];
  /** Every collision has a choice: the merge can be applied. */
  resolved: boolean;
}

export type Choices = Partial<Record<string, Side>>;

/** What a link points at: its target article, or its URL (a deleted target: the link itself). */
const pointsAt = (link: DraftLink) =>
  link.targetArticle
    ? `article:${link.targetArticle.documentId}`
    : link.url
      ? `url:${link.url}`
      : `link:${link.key}`;

/** Where readers find the link: its slot, and the second slot of its position test. */
const samePlace = (a: DraftLink, b: DraftLink) =>
  a.afterParagraphId === b.afterParagraphId &&
  a.variantAfterParagraphId === b.variantAfterParagraphId;

const sameAspect = (aspect: Aspect, a: DraftLink, b: DraftLink) => {
  if (aspect === 'target') return pointsAt(a) === pointsAt(b);
  if (aspect === 'label') return a.label.trim() === b.label.trim();
  return samePlace(a, b);
};

/**
 * Links of `before` that moved in `after`: kept in both, but not in the longest run of links
 * that kept their slot and their order. The fewest links that explain the new order, so
 * removing or adding a neighbour moves nobody.
 */
const movedKeys = (before: DraftLink[], after: DraftLink[]): Set<string> => {
  const inAfter = new Set(after.map((l) => l.key));
  const inBefore = new Set(before.map((l) => l.key));
  const a = before.filter((l) => inAfter.has(l.key));
  const b = after.filter((l) => inBefore.has(l.key));
  const same = (x: DraftLink, y: DraftLink) => x.key === y.key && samePlace(x, y);
  // Longest common subsequence, then walk it back to the links it keeps.
  const lengths = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0)
  );
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i][j] = same(a[i], b[j])
        ? lengths[i + 1][j + 1] + 1
        : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (same(a[i], b[j])) {
      kept.add(a[i].key);
      i += 1;
      j += 1;
    } else if (lengths[i + 1][j] >= lengths[i][j + 1]) i += 1;
    else j += 1;
  }
  return new Set(a.filter((l) => !kept.has(l.key)).map((l) => l.key));
};

/** Per link of `before`: removed, or the aspects that changed (an empty set: untouched). */
const diff = (before: DraftLink[], after: DraftLink[]) => {
  const afterByKey = new Map(after.map((l) => [l.key, l]));
  const moved = movedKeys(before, after);
  const changes = new Map<string, Set<Aspect> | 'removed'>();
  for (const link of before) {
    const now = afterByKey.get(link.key);
    if (!now) {
      changes.set(link.key, 'removed');
      continue;
    }
    const aspects = new Set<Aspect>();
    if (moved.has(link.key)) aspects.add('place');
    if (!sameAspect('target', link, now)) aspects.add('target');
    if (!sameAspect('label', link, now)) aspects.add('label');
    changes.set(link.key, aspects);
  }
  const beforeKeys = new Set(before.map((l) => l.key));
  return { changes, added: after.filter((l) => !beforeKeys.has(l.key)) };
};

const applyAspect = (aspect: Aspect, onto: DraftLink, from: DraftLink): DraftLink => {
  if (aspect === 'label') return { ...onto, label: from.label };
  if (aspect === 'target') {
    return { ...onto, targetArticle: from.targetArticle, url: from.url, health: from.health };
  }
  // The first slot is applied by re-inserting the link (see `placeAsMine`).
  return { ...onto, variantAfterParagraphId: from.variantAfterParagraphId };
};

/**
 * The slot `slotId` in the colleague's paragraphs: itself, or (its paragraph deleted) the
 * nearest slot before it that still exists, as the server moves links of a deleted paragraph.
 */
const slotIn = (slotId: string, oldSlots: string[], newSlots: Set<string>) => {
  if (newSlots.has(slotId)) return slotId;
  for (let i = oldSlots.indexOf(slotId) - 1; i >= 0; i -= 1) {
    if (newSlots.has(oldSlots[i])) return oldSlots[i];
  }
  return oldSlots[0];
};

export const mergePlacement = (
  base: Placement,
  mine: DraftLink[],
  theirs: Placement,
  choices: Choices = {}
): Merge => {
  const baseLinks = fromPlacement(base);
  const theirLinks = fromPlacement(theirs);
  const mineByKey = new Map(mine.map((l) => [l.key, l]));
  const theirsByKey = new Map(theirLinks.map((l) => [l.key, l]));
  const who = new Map(theirs.links.map((l) => [l.documentId, l]));
  const byAt = (key: string) => ({
    by: who.get(key)?.changedBy ?? null,
    at: who.get(key)?.changedAt ?? null,
  });

  const mineDiff = diff(baseLinks, mine);
  const theirDiff = diff(baseLinks, theirLinks);

  const theirChanges: Change[] = [];
  for (const link of baseLinks) {
    const change = theirDiff.changes.get(link.key);
    if (change === 'removed') theirChanges.push({ kind: 'removed', link, by: null, at: null });
    else
      change?.forEach((aspect) =>
        theirChanges.push({
          kind: KIND_OF[aspect],
          link: theirsByKey.get(link.key) ?? link,
          ...byAt(link.key),
        })
      );
  }
  theirDiff.added.forEach((link) => theirChanges.push({ kind: 'added', link, ...byAt(link.key) }));

  let links = theirLinks;
  const collisions: Collision[] = [];
  const myChanges: MyChange[] = [];
  /** Links to (re)insert where I put them: keys of kept links, or re-added link values. */
  const placeAsMine = new Map<string, DraftLink>();
  const choose = (collision: Collision): Side | undefined => {
    collisions.push(collision);
    return choices[collision.id];
  };
  const note = (kind: ChangeKind, link: DraftLink, outcome: MyOutcome) =>
    myChanges.push({ kind, link, outcome, by: null, at: null });

  for (const link of baseLinks) {
    const mineChange = mineDiff.changes.get(link.key);
    const theirChange = theirDiff.changes.get(link.key);
    const my = mineByKey.get(link.key);
    const their = theirsByKey.get(link.key);
    if (mineChange === 'removed') {
      if (theirChange === 'removed') note('removed', link, 'already-done');
      else if (theirChange && theirChange.size > 0) {
        note('removed', link, 'collision');
        const side = choose({
          id: `${link.key}:presence`,
          aspect: 'presence',
          mine: null,
          theirs: their ?? null,
          ...byAt(link.key),
        });
        if (side === 'mine') links = links.filter((l) => l.key !== link.key);
      } else {
        note('removed', link, 'reapplied');
        links = links.filter((l) => l.key !== link.key);
      }
      continue;
    }
    if (!my || !mineChange || mineChange.size === 0) continue;
    if (theirChange === 'removed' || !theirChange || !their) {
      mineChange.forEach((aspect) => note(KIND_OF[aspect], my, 'collision'));
      const side = choose({
        id: `${link.key}:presence`,
        aspect: 'presence',
        mine: my,
        theirs: null,
        by: null,
        at: null,
      });
      // Kept as I left it: a new link, since the colleague's save deleted the stored one.
      if (side === 'mine') {
        placeAsMine.set(link.key, { ...my, key: `readded-${link.key}`, documentId: null });
      }
      continue;
    }
    let merged = their;
    for (const aspect of mineChange) {
      if (!theirChange.has(aspect)) {
        note(KIND_OF[aspect], my, 'reapplied');
      } else if (sameAspect(aspect, my, their)) {
        note(KIND_OF[aspect], my, 'already-done');
        continue;
      } else {
        note(KIND_OF[aspect], my, 'collision');
        const side = choose({
          id: `${link.key}:${aspect}`,
          aspect,
          mine: my,
          theirs: their,
          ...byAt(link.key),
        });
        if (side !== 'mine') continue;
      }
      merged = applyAspect(aspect, merged, my);
      if (aspect === 'place') placeAsMine.set(link.key, merged);
    }
    links = links.map((l) => (l.key === link.key ? merged : l));
    if (placeAsMine.has(link.key)) placeAsMine.set(link.key, merged);
  }

  // My new links, unless the colleague's links already point there.
  const present = new Set(links.map(pointsAt));
  for (const link of mineDiff.added) {
    if (present.has(pointsAt(link))) {
      note('added', link, 'already-done');
      continue;
    }
    note('added', link, 'reapplied');
    placeAsMine.set(link.key, link);
  }

  // Insert from the end of my reading order, so each link goes before the one that followed it
  // on my screen, which is already where I want it.
  const oldSlots = slotIdsOf(base.paragraphs);
  const slots = slotIdsOf(theirs.paragraphs);
  const slotSet = new Set(slots);
  for (let i = mine.length - 1; i >= 0; i -= 1) {
    const link = placeAsMine.get(mine[i].key);
    if (!link) continue;
    const slotId = slotIn(mine[i].afterParagraphId, oldSlots, slotSet);
    const next = mine
      .slice(i + 1)
      .filter((l) => l.afterParagraphId === mine[i].afterParagraphId)
      .map((l) => placeAsMine.get(l.key)?.key ?? l.key)
      .find((key) => links.some((l) => l.key === key && l.afterParagraphId === slotId));
    // A second slot whose paragraph the colleague deleted ends the test: moving it elsewhere
    // would test a place nobody chose.
    const variant = secondSlot(link.variantAfterParagraphId, slotId, slotSet);
    links = insertLink(
      links,
      slots,
      { ...link, variantAfterParagraphId: variant },
      slotId,
      next ?? null
    );
  }

  return {
    links,
    theirChanges,
    myChanges,
    collisions,
    resolved: collisions.every((c) => choices[c.id] !== undefined),
  };
};
