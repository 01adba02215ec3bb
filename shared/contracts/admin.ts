/**
 * The contract between the plugin's admin routes and its admin panel (the Baca Juga manager
 * and the content-manager side panel). Types only: the admin imports them with `import type`.
 *
 * Every admin route answers `{ data, meta? }` on success and Strapi's error shape otherwise:
 * `{ data: null, error: { status, name, message, details } }`. A 400 names the field in
 * `message` ("links.2.url: ...") and in `details.errors[].path`.
 */
import type { LinkHealth } from '../baca-juga/health';
import type { Paragraph } from '../baca-juga/paragraphs';
import type { ArticleStatus } from '../baca-juga/status';

export type { ArticleStatus, LinkHealth, Paragraph };
export { BROKEN_HEALTH } from '../baca-juga/health';

/** `GET /newsroom/link-health`: every draft link of the newsroom, counted by health. */
export interface LinkHealthReport {
  counts: Record<LinkHealth, number>;
  /**
   * What waits for an editor's eye, newsroom-wide, in the drafts: links moved when their
   * paragraph was deleted, and quotes whose speaker the importer could not tell for sure.
   */
  review: { links: number; quotes: number };
  /** Articles with at least one broken link, most broken first (at most 100). */
  articles: {
    documentId: string;
    title: string;
    slug: string;
    status: ArticleStatus;
    counts: Record<LinkHealth, number>;
  }[];
  /**
   * Published stories readers viewed at least `UNCLICKED_MIN_VIEWS` times over the last
   * `UNCLICKED_DAYS` days whose published Baca Juga links nobody clicked in that time, most
   * viewed first (at most 100): links worth another look.
   */
  unclicked: UnclickedStory[];
}

export interface UnclickedStory {
  documentId: string;
  title: string;
  slug: string;
  views: number;
  /** Published Baca Juga links of the story. */
  links: number;
}

export interface LinkHealthResponse {
  data: LinkHealthReport;
}

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

/** `GET /newsroom/articles`: the article list of the Baca Juga manager. */
export type AdminArticleFilter =
  | 'no-links'
  | 'broken'
  | 'drafts'
  | 'awaiting-copy'
  | 'needs-review';

export interface AdminArticleListQuery {
  /** Words of the title, case-insensitive, all must match. */
  q?: string;
  filter?: AdminArticleFilter;
  /** One whole tag, case-insensitive. */
  tag?: string;
  /** Only articles whose draft links point at this article (documentId). */
  linksTo?: string;
  page?: number;
  /** 1..100, default 25. */
  pageSize?: number;
}

export interface AdminArticleRow {
  documentId: string;
  title: string;
  slug: string;
  status: ArticleStatus;
  /** A placeholder awaiting its copy: never public until its story is imported or written. */
  placeholder: boolean;
  tags: string[];
  /** Baca Juga links of the draft (what the editor works on). */
  linkCount: number;
  /** Of those, links whose target is not published or is deleted. */
  brokenCount: number;
  /** Draft links and quotes flagged for review (moved links, unsure speakers). */
  reviewCount: number;
  /** ISO date of the last edit of the draft. */
  updatedAt: string | null;
}

export interface AdminArticleListResponse {
  data: AdminArticleRow[];
  meta: { pagination: Pagination };
}

/** An article a link points at, with its state. */
export interface LinkTarget {
  documentId: string;
  title: string;
  slug: string;
  status: ArticleStatus;
  /** A placeholder awaiting its copy (made by the importer for an unmatched Baca Juga title). */
  placeholder: boolean;
}

export interface PlacedLink {
  documentId: string;
  /** null for an external link, or when the target was deleted (`health: target-deleted`). */
  targetArticle: LinkTarget | null;
  url: string | null;
  label: string | null;
  /** Paragraph id the link stands after ("start" = before the first paragraph). */
  afterParagraphId: string;
  /** 0-based order within its slot. */
  position: number;
  /**
   * Second slot of a position test (readers of variant "b" find the link there), or null.
   * Readers of variant "a", and frontends that run no test, find it at `afterParagraphId`.
   */
  variantAfterParagraphId: string | null;
  /** When the test's slots were last set (ISO): its counts start that day. */
  variantSince: string | null;
  health: LinkHealth;
  /**
   * The paragraph it stood after was deleted, so it was moved to the paragraph before. The
   * next save from the manager (the editor has seen it) clears the flag.
   */
  needsReview: boolean;
  /**
   * The story is published and this link stands after a paragraph its published version does
   * not have yet: readers get the link when the story is next published, not before.
   */
  waitsForStory: boolean;
  /** When the link was last written (ISO), and by which admin user when one is recorded. */
  changedAt: string | null;
  /** The admin user's name ("Firstname Lastname", or the username); null when unknown. */
  changedBy: string | null;
}

export interface PlacedQuote {
  documentId: string;
  text: string;
  speaker: string | null;
  speakerRole: string | null;
  relayedBy: string | null;
  kind: 'full' | 'partial';
  paragraphId: string;
  /**
   * The importer could not tell the speaker for sure (left empty, or a short name it could
   * not resolve): an editor should check it. Cleared in the content manager.
   */
  needsReview: boolean;
}

/** `GET /newsroom/articles/:documentId/placement` (and the answer to a save). */
export interface Placement {
  article: {
    documentId: string;
    title: string;
    slug: string;
    status: ArticleStatus;
    tags: string[];
    lead: string | null;
    updatedAt: string | null;
  };
  paragraphs: Paragraph[];
  /** Ids of the published story's paragraphs; null while the story is not published. */
  publishedParagraphIds: string[] | null;
  /** Links in reading order: by slot (paragraph order), then position. */
  links: PlacedLink[];
  /**
   * Articles whose Baca Juga links point here (their drafts), with their state: what breaks
   * for readers if this story is unpublished or deleted.
   */
  linkedFrom: LinkTarget[];
  /**
   * Slugs the story was published under before: requests for them answer 301 to its current
   * slug while it is live (and new slugs are never given them).
   */
  oldSlugs: string[];
  quotes: PlacedQuote[];
  /**
   * Opaque token for the links as they are now. Any change to this article's links, from
   * any entry point (this editor, the content manager, the API), gives a new version.
   */
  version: string;
  /** Most links an article may carry (plugin config `maxLinksPerArticle`). */
  maxLinks: number;
}

export interface PlacementResponse {
  data: Placement;
}

/** What a save did for readers: links published with it, and links waiting for the story. */
export interface PlacementSaveOutcome {
  wentLive: number;
  waitingForStory: number;
}

/** The answer to `PUT /newsroom/articles/:documentId/placement`. */
export interface PlacementSaveResponse {
  data: Placement;
  meta: PlacementSaveOutcome;
}

/** One link in a save; the array order is the reading order within each slot. */
export interface PlacementLinkInput {
  /** An existing link of this article to keep (and update); absent for a new link. */
  documentId?: string;
  /**
   * Internal link: the target article's documentId. Exactly one of this and `url`, except for
   * an existing link whose target was deleted, which may be sent with neither to keep it.
   */
  targetDocumentId?: string | null;
  /** External link: http(s) URL or a site-relative path. */
  url?: string | null;
  /** Plain text, at most 200 characters. Empty = the target's title (or the URL). */
  label?: string | null;
  afterParagraphId: string;
  /**
   * A second slot to test the link in (a paragraph id or "start", not its first slot), or
   * null to end a test. Changing either slot of a test starts its counts afresh.
   */
  variantAfterParagraphId?: string | null;
}

/**
 * `PUT /newsroom/articles/:documentId/placement`: replaces the article's whole placement.
 * `version` is the one the editor started from; if the links changed since, the answer is
 * 409 `ConflictError` with `details.currentVersion` and nothing is written. When the article
 * is published, the links are published with the save (readers see the change at once).
 */
export interface PlacementSaveBody {
  version: string;
  links: PlacementLinkInput[];
}

/** `GET /newsroom/targets?q=&exclude=`: articles to link to, searched by title. */
export interface TargetSearchResponse {
  data: (LinkTarget & { updatedAt: string | null })[];
}

/** `GET /newsroom/articles/:documentId/suggestions?limit=`: ranked candidates. */
export interface Suggestion {
  documentId: string;
  title: string;
  slug: string;
  status: ArticleStatus;
  score: number;
  sharedTags: string[];
  /** Words the two articles share after stemming, lower-cased, in this article's own form. */
  matchedTerms: string[];
  /**
   * The paragraph of the story's draft the suggestion fits best (its link would stand after
   * it), and why: the words of that paragraph it matched, as the paragraph spells them. null
   * when no paragraph shares a word with it: then the editor picks the slot.
   */
  fitsAfter: FitsAfter | null;
}

export interface FitsAfter {
  paragraphId: string;
  /** 1-based number of the paragraph in the draft's reading order. */
  number: number;
  matchedTerms: string[];
}

/**
 * `meta.indexing`: an instance is rebuilding the suggestion index (a boot on a database whose
 * index was incomplete), so suggestions rank from an index that may lack articles until done.
 */
export interface SuggestionsMeta {
  indexing?: boolean;
}

export interface SuggestionsResponse {
  data: Suggestion[];
  meta?: SuggestionsMeta;
}

/** Stories per page of the orphans queue, and suggestions shown per story. */
export const ORPHANS_PAGE_SIZE = 10;
export const ORPHAN_SUGGESTIONS = 3;

/**
 * `GET /newsroom/orphans?page=`: published stories whose draft has no Baca Juga link, newest
 * first, each with the engine's best suggestions and where each fits. Accepting one is an
 * ordinary placement save (`PUT /newsroom/articles/:documentId/placement` with the version).
 */
export interface OrphanStory {
  documentId: string;
  title: string;
  slug: string;
  status: ArticleStatus;
  suggestions: Suggestion[];
}

export interface OrphansResponse {
  data: OrphanStory[];
  meta: { pagination: Pagination } & SuggestionsMeta;
}

/**
 * `GET /newsroom/status`: what this deployment still owes readers. `searchIndex.rebuilding`:
 * suggestions are degraded until it is false. `pendingEffects`: committed publishes whose
 * suggestion-index entry or slug history is not yet written (retried by every instance until
 * done; `failing` > 0 means a retry failed). `owedBump`: this instance could not bump the
 * content generation after a write (other instances may serve the old version until it can).
 */
export interface StatusResponse {
  data: {
    searchIndex: { rebuilding: boolean; indexed: number; published: number };
    pendingEffects: {
      pending: number;
      failing: number;
      oldestQueuedAt: string | null;
      lastError: string | null;
    };
    owedBump: { since: string; attempts: number; lastError: string } | null;
  };
}

/** Admin permission actions; the admin hides edit controls without `manage`. */
export const ADMIN_ACTIONS = {
  read: 'plugin::newsroom.read',
  manage: 'plugin::newsroom.manage',
} as const;

/** A count split by position-test variant (`total` includes events without a variant). */
export interface VariantCounts {
  total: number;
  a: number;
  b: number;
}

/**
 * `GET /newsroom/articles/:documentId/link-stats?days=30`: what readers did over the last
 * `days` UTC days (1 to 365, default 30), from the events frontends send: views of the story,
 * and clicks on each of its published Baca Juga links with their click-through (clicks per
 * view, null before any view).
 */
export interface LinkStats {
  days: number;
  views: VariantCounts;
  links: {
    link: string;
    clicks: VariantCounts;
    clickThrough: number | null;
    /** The link's position test as published, or null when its published version has none. */
    test: PositionTestStats | null;
  }[];
}

/**
 * A position test's counts, from the minute after its slots were set (whatever `days` asks for): the
 * views of each variant of the story and the clicks on this link in each. The verdict is
 * `positionVerdict` (shared/baca-juga/click-through), computed where it is shown.
 */
export interface PositionTestStats {
  /**
   * The instant counting starts (ISO 8601, a whole UTC minute): the first minute after the
   * test's slots were set, so no event from before the test is counted.
   */
  since: string;
  /** The slots under test, as published: "a" is the first, "b" the second. */
  slots: { a: string; b: string };
  views: { a: number; b: number };
  clicks: { a: number; b: number };
}

export interface LinkStatsResponse {
  data: LinkStats;
}
