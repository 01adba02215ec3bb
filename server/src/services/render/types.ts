/** The render-ready article served to news frontends. Also exported for API consumers. */
import type { Variant } from '#shared/baca-juga/position-test';

export interface RenderedTarget {
  documentId: string;
  slug: string;
  title: string;
}

export interface RenderedParagraph {
  type: 'paragraph';
  id: string;
  text: string;
}

export interface RenderedBacaJuga {
  type: 'baca-juga';
  /**
   * The link's own id (its RelatedLink documentId): what a frontend reports a click on
   * (`POST /api/newsroom/events`). Stable across edits and moves of the link.
   */
  link: string;
  label: string;
  /** null only while the target awaits its copy (`awaitingCopy`). */
  href: string | null;
  /** The internal article linked to, or null for an external URL or a placeholder. */
  target: RenderedTarget | null;
  /**
   * The story links to a placeholder: a Baca Juga title the importer matched to no story yet.
   * Readers get the label as text; the link opens once that story is published.
   */
  awaitingCopy: boolean;
  /**
   * The position-test variant this block shows ("a": the link's first slot, "b": its second),
   * for the frontend to report with a click; null when the link is not under test or the
   * request named no variant.
   */
  variant: Variant | null;
}

export type RenderedBlock = RenderedParagraph | RenderedBacaJuga;

export interface RenderedQuote {
  text: string;
  speaker: string | null;
  speakerRole: string | null;
  relayedBy: string | null;
  kind: 'full' | 'partial';
  paragraphId: string;
}

/** A published article whose Baca Juga links point to this one. */
export interface RenderedBacklink {
  documentId: string;
  slug: string;
  title: string;
  href: string;
}

export interface RenderedArticle {
  documentId: string;
  slug: string;
  title: string;
  lead: string | null;
  outlet: string | null;
  dateline: string | null;
  /**
   * The writer's credit line as the copy prints it ("Penulis: Rina Marlina"), or as an editor
   * set it; of the same version as the body, which also keeps the line as a paragraph.
   */
  byline: string | null;
  wireSource: string | null;
  reportedAt: string | null;
  publishedAt: string | null;
  updatedAt: string | null;
  /** Site-relative URL of this article, from the plugin's `hrefPattern`. */
  href: string;
  tags: string[];
  body: RenderedBlock[];
  quotes: RenderedQuote[];
  linkedFrom: RenderedBacklink[];
  /** Where stories are localized (docs/API.md "Two languages"): this version's locale. */
  locale?: string;
  /** Where stories are localized: the story's other published locales, for hreflang. */
  translations?: RenderedTranslation[];
}

/** A published version of the same story in another locale. */
export interface RenderedTranslation {
  locale: string;
  slug: string;
  title: string;
  href: string;
}

/** One row of the article list. */
export interface ArticleSummary {
  documentId: string;
  slug: string;
  title: string;
  lead: string | null;
  outlet: string | null;
  tags: string[];
  reportedAt: string | null;
  publishedAt: string | null;
  href: string;
}

/** Rows as the render service reads them (only the columns it needs). */
export interface ArticleRow {
  documentId: string;
  slug: string;
  title: string;
  lead?: string | null;
  outlet?: string | null;
  dateline?: string | null;
  byline?: string | null;
  wireSource?: string | null;
  reportedAt?: string | null;
  publishedAt?: string | Date | null;
  updatedAt?: string | Date | null;
  tags?: unknown;
  body?: unknown;
  /** Where stories are localized: the row's locale and the story's other published ones. */
  locale?: string;
  translations?: { locale: string; slug: string; title: string }[];
}

export interface LinkRow {
  id: number;
  documentId: string;
  url?: string | null;
  label?: string | null;
  afterParagraphId: string;
  variantAfterParagraphId?: string | null;
  position?: number | null;
  targetArticle?: { documentId: string; slug: string; title: string } | null;
  /**
   * The link's draft points at a placeholder awaiting its copy (no published version): a fact
   * the render reads; what readers see of it is decided by shared/baca-juga/reader-view.
   */
  targetAwaitingCopy?: boolean;
}

export interface QuoteRow {
  id: number;
  text: string;
  speaker?: string | null;
  speakerRole?: string | null;
  relayedBy?: string | null;
  kind?: string | null;
  paragraphId: string;
}

export interface BacklinkRow {
  id: number;
  sourceArticle?: { documentId: string; slug: string; title: string } | null;
}
