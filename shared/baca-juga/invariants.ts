/**
 * The Baca Juga and quote invariants, checked on what is stored: one article's placement
 * (its links and quotes, in one version: draft or published) as it stands after a write.
 * Pure: the server reads the rows (server/src/repositories/placement-state.ts) and checks
 * them here after every write, from every entry point; the manager's save checks the
 * placement it is about to write with the same function first, so an editor gets the same
 * answer either way.
 */
import { bodyProblem, isEmptyStory, isLinkAnchor, isQuoteAnchor, readBody } from './paragraphs';
import { labelProblem, quoteTextProblem, urlProblem } from './text';

/** The refusal of a slug another article holds (the invariants, and the database's indexes). */
export const SLUG_TAKEN = 'another article already uses this slug';

export type Version = 'draft' | 'published';

export interface StoredLink {
  documentId: string;
  /** Articles this row's source relation holds: one, unless a write connected several. */
  sources: string[];
  /** Articles this row's target relation holds: none (external, or target deleted) or one. */
  targets: string[];
  url: string | null;
  label: string | null;
  afterParagraphId: unknown;
  /** Second slot of a position test (shared/baca-juga/position-test), or null. */
  variantAfterParagraphId?: unknown;
  position: unknown;
  /** Flagged for an editor (moved off a deleted paragraph); no invariant reads it. */
  needsReview?: boolean;
  /** Where stories are localized: the locale of each article row the target relation holds. */
  targetLocales?: (string | null)[];
}

export interface StoredQuote {
  documentId: string;
  /** Articles this row's `article` relation holds: one. */
  owners: string[];
  text: unknown;
  paragraphId: unknown;
}

/** One version of one article and what stands in it. */
export interface PlacementState {
  documentId: string;
  version: Version;
  /** The version's body as stored (validated here too). */
  body: unknown;
  /** Another article already uses this article's slug. */
  slugTaken?: boolean;
  /** The version's language where stories are localized (i18n); absent otherwise. */
  locale?: string | null;
  links: StoredLink[];
  quotes: StoredQuote[];
}

export interface Violation {
  kind: 'article' | 'link' | 'quote';
  /** The article, link or quote at fault. */
  documentId: string;
  version: Version;
  /** The version's language where stories are localized. */
  locale?: string | null;
  /** The field at fault, as the write names it ("url", "afterParagraphId", "body.3.text"). */
  field: string;
  message: string;
  /** For the link limit: how many links there are (a write may not add to an excess). */
  count?: number;
}

export interface Limits {
  maxLinksPerArticle: number;
}

/** What a story with more Baca Juga links than the newsroom allows is told. */
export const tooManyLinks = (maxLinksPerArticle: number) =>
  `at most ${maxLinksPerArticle} Baca Juga links per article`;

/**
 * A Baca Juga link stays in its language: an English story's reader is sent to an English
 * story. Said when a link's target is a story in another locale, or has no version in this one.
 */
export const otherLanguage = (locale: string) =>
  `a Baca Juga link stays in its language: link a story that has a "${locale}" version`;

const linkViolations = (state: PlacementState, paragraphIds: Set<string>): Violation[] => {
  const out: Violation[] = [];
  const locale = state.locale ?? null;
  const at = (link: StoredLink, field: string, message: string) =>
    out.push({
      kind: 'link',
      documentId: link.documentId,
      version: state.version,
      ...(locale === null ? {} : { locale }),
      field,
      message,
    });
  const seen = new Map<string, StoredLink>();
  for (const link of state.links) {
    if (link.sources.length !== 1) {
      at(link, 'sourceArticle', 'a link belongs to exactly one article');
    }
    if (link.targets.length > 1) at(link, 'targetArticle', 'a link points at one article');
    const target = link.targets[0] ?? null;
    if (target && link.url) at(link, 'url', 'give either a target article or a url, not both');
    // In the draft, a link with neither is one whose target was deleted: a write may not make
    // one (see `newViolations`), but one may stay, shown as broken, until an editor acts. A
    // published link loses its target whenever the target is unpublished.
    if (!target && !link.url && state.version === 'draft') {
      at(link, 'targetArticle', 'a link needs a target article or a url');
    }
    if (target === state.documentId) at(link, 'targetArticle', 'an article cannot link to itself');
    if (locale !== null && (link.targetLocales ?? []).some((l) => l !== locale)) {
      at(link, 'targetArticle', otherLanguage(locale));
    }
    if (link.url) {
      const problem = urlProblem(link.url);
      if (problem) at(link, 'url', problem);
    }
    if (link.label) {
      const problem = labelProblem(link.label);
      if (problem) at(link, 'label', problem);
    }
    if (!isLinkAnchor(link.afterParagraphId, paragraphIds)) {
      at(
        link,
        'afterParagraphId',
        state.version === 'draft'
          ? "is not a paragraph of the link's article"
          : 'is a paragraph the published story does not have: the link goes live when the story is published'
      );
    }
    const variant = link.variantAfterParagraphId;
    // Checked in the draft only: a published story that lacks the second slot shows the link in
    // its first slot to everyone until the story is published again (see `readerSlot`).
    if (variant !== null && variant !== undefined && variant !== '' && state.version === 'draft') {
      if (!isLinkAnchor(variant, paragraphIds)) {
        at(link, 'variantAfterParagraphId', "is not a paragraph of the link's article");
      } else if (variant === link.afterParagraphId) {
        at(
          link,
          'variantAfterParagraphId',
          'the second slot of a position test must differ from the first'
        );
      }
    }
    if (
      link.position !== null &&
      link.position !== undefined &&
      !(Number.isInteger(link.position) && (link.position as number) >= 0)
    ) {
      at(link, 'position', 'must be a whole number from 0');
    }
    const key = target ? `article:${target}` : link.url ? `url:${link.url}` : null;
    if (key) {
      const first = seen.get(key);
      if (first) {
        at(
          link,
          target ? 'targetArticle' : 'url',
          'this article already links there; link each target once'
        );
      } else seen.set(key, link);
    }
  }
  return out;
};

const quoteViolations = (state: PlacementState, paragraphIds: Set<string>): Violation[] => {
  const out: Violation[] = [];
  const at = (quote: StoredQuote, field: string, message: string) =>
    out.push({
      kind: 'quote',
      documentId: quote.documentId,
      version: state.version,
      ...(state.locale == null ? {} : { locale: state.locale }),
      field,
      message,
    });
  for (const quote of state.quotes) {
    if (quote.owners.length !== 1) at(quote, 'article', 'a quote belongs to exactly one article');
    const problem = quoteTextProblem(quote.text);
    if (problem) at(quote, 'text', problem);
    if (!isQuoteAnchor(quote.paragraphId, paragraphIds)) {
      at(
        quote,
        'paragraphId',
        state.version === 'draft'
          ? "is not a paragraph of the quote's article"
          : 'is a paragraph the published story does not have: the quote goes live when the story is published'
      );
    }
  }
  return out;
};

/** Everything wrong with one version of one article's placement. */
export const placementViolations = (state: PlacementState, limits: Limits): Violation[] => {
  const out: Violation[] = [];
  const article = (field: string, message: string, count?: number) =>
    out.push({
      kind: 'article',
      documentId: state.documentId,
      version: state.version,
      ...(state.locale == null ? {} : { locale: state.locale }),
      field,
      message,
      count,
    });
  const body = bodyProblem(state.body);
  // Never an empty story in public: a placeholder (awaiting its copy) or a draft without a
  // paragraph of visible text stays a draft until it has one. Said first, before an empty
  // paragraph's own refusal (what the editor has to do is write the story); not for a body
  // that is no list of paragraphs at all.
  const malformed = body !== null && body.index === null;
  if (state.version === 'published' && !malformed && isEmptyStory(state.body)) {
    article('body', 'a story needs at least one paragraph before it is published');
  }
  if (body) {
    const field = ['body', body.index, body.field].filter((p) => p !== null).join('.');
    article(field, body.message);
  }
  if (state.slugTaken) article('slug', SLUG_TAKEN);
  if (state.links.length > limits.maxLinksPerArticle) {
    article('relatedLinks', tooManyLinks(limits.maxLinksPerArticle), state.links.length);
  }
  const paragraphIds = new Set(readBody(state.body).map((p) => p.id));
  return [...out, ...linkViolations(state, paragraphIds), ...quoteViolations(state, paragraphIds)];
};

const keyOf = (v: Violation) =>
  `${v.version}|${v.locale ?? ''}|${v.kind}|${v.documentId}|${v.field}`;

/**
 * The violations a write introduced: those of the outcome that the state before it did not
 * have. Problems that were already there (rows from before a rule existed, a link whose
 * target was deleted since) do not block an unrelated write; a write may not make a new one,
 * nor add links to an article already over the limit.
 */
export const newViolations = (before: Violation[], after: Violation[]): Violation[] => {
  const old = new Map(before.map((v) => [keyOf(v), v]));
  return after.filter((v) => {
    const was = old.get(keyOf(v));
    if (!was) return true;
    return v.count !== undefined && (was.count ?? 0) < v.count;
  });
};

/** A link or quote left standing in no article. */
export const ownerlessViolation = (kind: 'link' | 'quote', documentId: string): Violation =>
  kind === 'link'
    ? {
        kind,
        documentId,
        version: 'draft',
        field: 'sourceArticle',
        message: 'a link belongs to an article: set sourceArticle',
      }
    : {
        kind,
        documentId,
        version: 'draft',
        field: 'article',
        message: 'a quote belongs to an article: set article',
      };
