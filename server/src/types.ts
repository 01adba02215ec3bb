/**
 * The content API's response contract, importable by frontends as
 * `import type { ArticleResponse } from 'strapi-plugin-newsroom/types'`.
 * docs/openapi.json describes the same shapes; the integration tests check both against
 * real responses.
 */
import type { ArticleSummary, RenderedArticle } from './services/render/types';
import type { NewsArticleJsonLd } from './services/jsonld/types';

export type * from './services/render/types';
export type * from './services/jsonld/types';

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

/** GET /api/newsroom/articles */
export interface ArticleListResponse {
  data: ArticleSummary[];
  meta: { pagination: Pagination };
}

/** GET /api/newsroom/articles/:slug (and /preview) */
export interface ArticleResponse {
  data: RenderedArticle;
}

/** One entry of GET /api/newsroom/articles/:slug/related. */
export interface RelatedItem {
  /** "editor": a Baca Juga link placed by the newsroom; "suggestion": chosen by the engine. */
  source: 'editor' | 'suggestion';
  label: string;
  href: string;
  /** The internal article, or null for an editor's external link. */
  target: { documentId: string; slug: string; title: string } | null;
  /** The engine's score (suggestions only; null for the editors' links). */
  score: number | null;
  /** Words the two articles share, lower-cased, in the article's own form (suggestions only). */
  matchedTerms: string[];
  /** Tags the two articles share (suggestions only). */
  sharedTags: string[];
}

/** GET /api/newsroom/articles/:slug/related */
export interface RelatedResponse {
  data: RelatedItem[];
  meta: { limit: number; editor: number; suggestion: number };
}

/**
 * The body of a 301 from an old slug of a live article (article, JSON-LD and related routes):
 * where it is now, so a frontend can 301 its own page to `redirect.href`.
 */
export interface SlugRedirectResponse {
  data: null;
  redirect: { slug: string; href: string };
}

/** The answer to POST /api/newsroom/events (reader views and Baca Juga clicks). */
export interface ReaderEventsResponse {
  data: { accepted: number };
}

/** GET /api/newsroom/articles/:slug/jsonld */
export type ArticleJsonLdResponse = NewsArticleJsonLd;

/** Strapi's error body, for every 4xx the plugin's routes send. */
export interface ErrorResponse {
  data: null;
  error: {
    status: number;
    name: string;
    message: string;
    details: Record<string, unknown>;
  };
}

/** Sort orders accepted by the article list's `sort` parameter. */
export type ArticleListSort =
  | 'publishedAt:desc'
  | 'publishedAt:asc'
  | 'reportedAt:desc'
  | 'reportedAt:asc'
  | 'title:asc'
  | 'title:desc';
