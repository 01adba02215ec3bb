/**
 * Placement history: what one version of a story held in links and quotes, as recorded after
 * every write that changed it (server/src/integrity/placement-history.ts), and the changes
 * between two such records said in words. Pure: the server records and summarises with these,
 * the manager's timeline summarises in the editor's language with the same diff.
 */
import type { PlacementState, StoredLink, StoredQuote } from './invariants';
import { readBody, START_ANCHOR } from './paragraphs';

/** A link as an editor sees it, as it stood when the record was made. */
export interface HistoryLink {
  documentId: string;
  /** The target story's documentId (internal link), or null. */
  target: string | null;
  url: string | null;
  label: string | null;
  afterParagraphId: string | null;
  /** The second slot of a position test, or null. */
  variantAfterParagraphId: string | null;
  position: number | null;
  needsReview: boolean;
  /**
   * The slot as a number then: 0 before the first paragraph, N after paragraph N, null after
   * a paragraph the story did not have. Kept so that "after paragraph 3" stays true of the
   * story as it was, whatever its paragraphs became since.
   */
  slot: number | null;
}

export interface HistoryQuote {
  documentId: string;
  text: string | null;
  paragraphId: string | null;
  /** The paragraph's number then (1-based), or null. */
  paragraph: number | null;
}

/** One version's links and quotes. */
export interface HistoryPlacement {
  links: HistoryLink[];
  quotes: HistoryQuote[];
}

const textOrNull = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;

/** A stored version (the integrity check's outcome snapshot) as the history records it. */
export const historyPlacementOf = (state: PlacementState | null): HistoryPlacement => {
  if (!state) return { links: [], quotes: [] };
  const numbers = new Map(readBody(state.body).map((p, i): [string, number] => [p.id, i + 1]));
  const slotOf = (anchor: unknown) =>
    anchor === START_ANCHOR ? 0 : (numbers.get(String(anchor)) ?? null);
  const link = (l: StoredLink): HistoryLink => ({
    documentId: l.documentId,
    target: l.targets[0] ?? null,
    url: textOrNull(l.url),
    label: textOrNull(l.label),
    afterParagraphId: textOrNull(l.afterParagraphId),
    variantAfterParagraphId: textOrNull(l.variantAfterParagraphId),
    position: typeof l.position === 'number' ? l.position : null,
    needsReview: l.needsReview === true,
    slot: slotOf(l.afterParagraphId),
  });
  const quote = (q: StoredQuote): HistoryQuote => ({
    documentId: q.documentId,
    text: textOrNull(q.text),
    paragraphId: textOrNull(q.paragraphId),
    paragraph: numbers.get(String(q.paragraphId)) ?? null,
  });
  // In reading order, so that a record reads as the story did.
  const links = state.links
    .map(link)
    .sort(
      (a, b) =>
        (a.slot ?? Infinity) - (b.slot ?? Infinity) ||
        (a.position ?? 0) - (b.position ?? 0) ||
        a.documentId.localeCompare(b.documentId)
    );
  const quotes = state.quotes
    .map(quote)
    .sort(
      (a, b) =>
        (a.paragraph ?? Infinity) - (b.paragraph ?? Infinity) ||
        a.documentId.localeCompare(b.documentId)
    );
  return { links, quotes };
};

/**
 * What is compared: a link's place, target, label, test slot and flag; a quote's words and
 * paragraph. Not the slot numbers (derived from the body: a paragraph added above moves
 * every number and changes no link).
 */
const linkKey = (l: HistoryLink) =>
  JSON.stringify([
    l.documentId,
    l.target,
    l.url,
    l.label,
    l.afterParagraphId,
    l.variantAfterParagraphId,
    l.position,
    l.needsReview,
  ]);
const quoteKey = (q: HistoryQuote) => JSON.stringify([q.documentId, q.text, q.paragraphId]);
const keysOf = (p: HistoryPlacement) =>
  [...p.links.map(linkKey).sort(), '|', ...p.quotes.map(quoteKey).sort()].join('\n');

/** Whether two records hold the same links and quotes, in the same places. */
export const samePlacement = (a: HistoryPlacement, b: HistoryPlacement) => keysOf(a) === keysOf(b);

export type PlacementChange =
  | { kind: 'added'; link: HistoryLink }
  | { kind: 'removed'; link: HistoryLink }
  | { kind: 'moved'; link: HistoryLink; from: HistoryLink }
  | { kind: 'reordered'; link: HistoryLink }
  | { kind: 'relabelled'; link: HistoryLink; from: HistoryLink }
  | { kind: 'retargeted'; link: HistoryLink; from: HistoryLink }
  | { kind: 'testChanged'; link: HistoryLink; from: HistoryLink }
  | { kind: 'reviewed'; link: HistoryLink }
  | { kind: 'quoteAdded'; quote: HistoryQuote }
  | { kind: 'quoteRemoved'; quote: HistoryQuote }
  | { kind: 'quoteEdited'; quote: HistoryQuote }
  | { kind: 'quoteMoved'; quote: HistoryQuote; from: HistoryQuote };

export type ChangeKind = PlacementChange['kind'];

const targetOf = (l: HistoryLink) =>
  l.target ? `article:${l.target}` : l.url ? `url:${l.url}` : null;

/**
 * The changes from `before` to `after`. Links are paired by documentId, then the unpaired by
 * what they lead to (a link deleted and placed again, as a restore does, is one link moved,
 * not one removed and another added). Quotes are paired by documentId.
 */
export const placementChanges = (
  before: HistoryPlacement,
  after: HistoryPlacement
): PlacementChange[] => {
  const out: PlacementChange[] = [];
  const olds = new Map(before.links.map((l) => [l.documentId, l]));
  const unpaired = after.links.filter((l) => !olds.has(l.documentId));
  const paired = new Set(after.links.map((l) => l.documentId));
  const leftOver = before.links.filter((l) => !paired.has(l.documentId));
  const pairs: [HistoryLink, HistoryLink][] = after.links
    .filter((l) => olds.has(l.documentId))
    .map((l) => [olds.get(l.documentId) as HistoryLink, l]);
  for (const link of unpaired) {
    const key = targetOf(link);
    const index = key ? leftOver.findIndex((old) => targetOf(old) === key) : -1;
    if (index === -1) {
      out.push({ kind: 'added', link });
      continue;
    }
    pairs.push([leftOver[index], link]);
    leftOver.splice(index, 1);
  }
  for (const link of leftOver) out.push({ kind: 'removed', link });
  for (const [from, link] of pairs) {
    if (targetOf(from) !== targetOf(link)) out.push({ kind: 'retargeted', link, from });
    if (from.afterParagraphId !== link.afterParagraphId) out.push({ kind: 'moved', link, from });
    else if ((from.position ?? 0) !== (link.position ?? 0)) out.push({ kind: 'reordered', link });
    if (from.label !== link.label) out.push({ kind: 'relabelled', link, from });
    if (from.variantAfterParagraphId !== link.variantAfterParagraphId) {
      out.push({ kind: 'testChanged', link, from });
    }
    if (from.needsReview && !link.needsReview) out.push({ kind: 'reviewed', link });
  }
  const oldQuotes = new Map(before.quotes.map((q) => [q.documentId, q]));
  const newIds = new Set(after.quotes.map((q) => q.documentId));
  for (const quote of after.quotes) {
    const from = oldQuotes.get(quote.documentId);
    if (!from) out.push({ kind: 'quoteAdded', quote });
    else {
      if (from.text !== quote.text) out.push({ kind: 'quoteEdited', quote });
      if (from.paragraphId !== quote.paragraphId) out.push({ kind: 'quoteMoved', quote, from });
    }
  }
  for (const quote of before.quotes) {
    if (!newIds.has(quote.documentId)) out.push({ kind: 'quoteRemoved', quote });
  }
  return out;
};

/**
 * The words of a summary: one template per change, with `{name}` (the link's label, else its
 * target's title, else its URL), `{from}` and `{to}` (slots, labels or targets), `{paragraph}`;
 * and the words for slots. The server answers in English; the manager passes its own language's.
 */
export interface SummaryWords {
  changes: Record<ChangeKind, string>;
  /** After paragraph `{number}`. */
  slotAfter: string;
  slotStart: string;
  /** A paragraph the story no longer had. */
  slotGone: string;
  /** A link whose target is unknown (deleted) and that has no label or URL. */
  unnamed: string;
  /** No link or quote changed (a record of a write that only re-saved). */
  none: string;
  separator: string;
}

export const ENGLISH_SUMMARY: SummaryWords = {
  changes: {
    added: 'added "{name}" {to}',
    removed: 'removed "{name}" from {from}',
    moved: 'moved "{name}" from {from} to {to}',
    reordered: 'reordered "{name}" {to}',
    relabelled: 'relabelled "{from}" as "{to}"',
    retargeted: 'pointed "{name}" at {to} instead of {from}',
    testChanged: 'changed the position test of "{name}"',
    reviewed: 'checked the place of "{name}"',
    quoteAdded: 'added a quote in paragraph {paragraph}',
    quoteRemoved: 'removed a quote from paragraph {paragraph}',
    quoteEdited: 'edited a quote in paragraph {paragraph}',
    quoteMoved: 'moved a quote from paragraph {from} to paragraph {to}',
  },
  slotAfter: 'after paragraph {number}',
  slotStart: 'before the first paragraph',
  slotGone: 'after a deleted paragraph',
  unnamed: 'a link',
  none: 'no change to links or quotes',
  separator: '; ',
};

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

/** How a summary names slots and links without a name, in one language. */
export interface Naming {
  /** 0: before the first paragraph; N: after paragraph N; null: after a deleted paragraph. */
  slot: (slot: number | null) => string;
  unnamed: string;
}

const englishNaming: Naming = {
  slot: (slot) =>
    slot === null
      ? ENGLISH_SUMMARY.slotGone
      : slot === 0
        ? ENGLISH_SUMMARY.slotStart
        : fill(ENGLISH_SUMMARY.slotAfter, { number: String(slot) }),
  unnamed: ENGLISH_SUMMARY.unnamed,
};

/**
 * The values of one change's template (`SummaryWords.changes`): `name`, `from`, `to`,
 * `paragraph`. `titleOf` names a target story by its documentId (null when it is unknown, a
 * deleted story). The manager fills its own language's templates with these.
 */
export const changeValues = (
  c: PlacementChange,
  titleOf: (documentId: string) => string | null,
  naming: Naming = englishNaming
): Record<string, string> => {
  const leadsTo = (l: HistoryLink) => (l.target ? titleOf(l.target) : null) ?? l.url;
  const name = (l: HistoryLink) => l.label ?? leadsTo(l) ?? naming.unnamed;
  const paragraph = (q: HistoryQuote) => (q.paragraph === null ? '?' : String(q.paragraph));
  switch (c.kind) {
    case 'added':
    case 'reordered':
      return { name: name(c.link), to: naming.slot(c.link.slot) };
    case 'removed':
      return { name: name(c.link), from: naming.slot(c.link.slot) };
    case 'moved':
      return { name: name(c.link), from: naming.slot(c.from.slot), to: naming.slot(c.link.slot) };
    case 'relabelled':
      return { name: name(c.link), from: name(c.from), to: name(c.link) };
    case 'retargeted':
      return {
        name: name(c.link),
        from: leadsTo(c.from) ?? naming.unnamed,
        to: leadsTo(c.link) ?? naming.unnamed,
      };
    case 'testChanged':
    case 'reviewed':
      return { name: name(c.link) };
    case 'quoteMoved':
      return { from: paragraph(c.from), to: paragraph(c.quote) };
    default:
      return { paragraph: paragraph(c.quote) };
  }
};

/** The changes in words (English unless told), in the order `placementChanges` gives them. */
export const summarizeChanges = (
  changes: PlacementChange[],
  titleOf: (documentId: string) => string | null,
  words: SummaryWords = ENGLISH_SUMMARY
): string => {
  if (changes.length === 0) return words.none;
  const naming: Naming = {
    slot: (slot) =>
      slot === null
        ? words.slotGone
        : slot === 0
          ? words.slotStart
          : fill(words.slotAfter, { number: String(slot) }),
    unnamed: words.unnamed,
  };
  return changes
    .map((c) => fill(words.changes[c.kind], changeValues(c, titleOf, naming)))
    .join(words.separator);
};

/** A link of a restored placement, as the placement save takes it (PlacementLinkInput). */
export interface RestoredLink {
  /** The link still stands in the story: kept (and updated); absent: placed anew. */
  documentId?: string;
  targetDocumentId: string | null;
  url: string | null;
  label: string | null;
  afterParagraphId: string;
  variantAfterParagraphId: string | null;
}

/**
 * A recorded placement as a save of the story as it is now, in reading order. A link that
 * cannot stand again is left out and said, never put elsewhere: its target story was deleted
 * since (`targets`: the stories that still exist), or its paragraph was. A position test's
 * second slot that is gone ends the test. The save decides the rest (limits, duplicates, the
 * version it was computed against).
 *
 * A link that still stands keeps its documentId. One removed since whose target (or address)
 * a standing link now carries, a colleague having put it back as a new link, takes that
 * link's documentId: the save moves the standing link rather than deleting it and placing a
 * copy, so its readers' clicks stay with it (click-through is counted per link).
 */
export const restoredLinks = (
  recorded: HistoryPlacement,
  current: {
    /** The story's links now. */
    links: readonly { documentId: string; target: string | null; url: string | null }[];
    paragraphIds: ReadonlySet<string>;
    targets: ReadonlySet<string>;
  }
): {
  links: RestoredLink[];
  skipped: { link: HistoryLink; reason: 'target-gone' | 'paragraph-gone' }[];
} => {
  const standing = (anchor: string | null): anchor is string =>
    anchor !== null && (anchor === START_ANCHOR || current.paragraphIds.has(anchor));
  const links: RestoredLink[] = [];
  const skipped: { link: HistoryLink; reason: 'target-gone' | 'paragraph-gone' }[] = [];
  const standingIds = new Set(current.links.map((l) => l.documentId));
  // Standing links no recorded link claims by its own id, free to carry a recorded one.
  const claimed = new Set(
    recorded.links.map((l) => l.documentId).filter((id) => standingIds.has(id))
  );
  const free = current.links.filter((l) => !claimed.has(l.documentId));
  const carrierOf = (link: HistoryLink): string | undefined => {
    if (standingIds.has(link.documentId)) return link.documentId;
    const at = free.findIndex((l) =>
      link.target ? l.target === link.target : !l.target && l.url === link.url
    );
    return at < 0 ? undefined : free.splice(at, 1)[0]!.documentId;
  };
  for (const link of recorded.links) {
    if (link.target && !current.targets.has(link.target)) {
      skipped.push({ link, reason: 'target-gone' });
    } else if (!link.target && !link.url) {
      skipped.push({ link, reason: 'target-gone' });
    } else if (!standing(link.afterParagraphId)) {
      skipped.push({ link, reason: 'paragraph-gone' });
    } else {
      const variant = link.variantAfterParagraphId;
      const carrier = carrierOf(link);
      links.push({
        ...(carrier ? { documentId: carrier } : {}),
        targetDocumentId: link.target,
        url: link.target ? null : link.url,
        label: link.label,
        afterParagraphId: link.afterParagraphId,
        variantAfterParagraphId:
          standing(variant) && variant !== link.afterParagraphId ? variant : null,
      });
    }
  }
  return { links, skipped };
};
