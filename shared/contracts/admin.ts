/**
 * The contract between the plugin's admin routes and its admin panel (the Baca Juga manager
 * and the content-manager side panel): a yup schema per answer, its type inferred from it.
 * The admin checks every answer with these schemas (admin/src/api/guards.ts) and the server's
 * tests check the real answers with them, so a field is described once for both.
 *
 * Every admin route answers `{ data, meta? }` on success and Strapi's error shape otherwise:
 * `{ data: null, error: { status, name, message, details } }`. A 400 names the field in
 * `message` ("links.2.url: ...") and in `details.errors[].path`. Requests are validated by the
 * server's own schemas (server/src/validation); their types are written here.
 */
import * as yup from 'yup';
import type { InferType } from 'yup';
import { LINK_HEALTHS, type LinkHealth } from '../baca-juga/health';
import type { Paragraph } from '../baca-juga/paragraphs';
import type { ArticleStatus } from '../baca-juga/status';
import {
  count,
  flag,
  list,
  maybeText,
  nullableCount,
  nullableRecord,
  nullableText,
  oneOf,
} from './fields';
import { record, text, texts } from './fields';
import { articleFields } from './placement';

export type { ArticleStatus, LinkHealth, Paragraph };

/** What the last edit of a story in the manager's list was of (`lastEditOf`). */
export const LAST_EDIT_OF = ['story', 'links'] as const;
export { BROKEN_HEALTH } from '../baca-juga/health';
export * from './placement';
export * from './quotes';
export { ContractError, checkContract } from './fields';

/** A count per link health (every health present, zero or not). */
const healthCountsSchema = record(
  Object.fromEntries(LINK_HEALTHS.map((health) => [health, count()])) as Record<
    LinkHealth,
    ReturnType<typeof count>
  >
);

export const unclickedStorySchema = record({
  documentId: text(),
  title: nullableText(),
  slug: maybeText(),
  views: count(),
  /** Published Baca Juga links of the story. */
  links: count(),
});
export type UnclickedStory = InferType<typeof unclickedStorySchema>;

/** `GET /newsroom/link-health`: every draft link of the newsroom, counted by health. */
export const linkHealthReportSchema = record({
  counts: healthCountsSchema,
  /**
   * What waits for an editor's eye, newsroom-wide, in the drafts: links moved when their
   * paragraph was deleted, and quotes whose speaker the importer could not tell for sure.
   */
  review: record({ links: count(), quotes: count() }),
  /** Articles with at least one broken link, most broken first (at most 100). */
  articles: list(record({ ...articleFields, counts: healthCountsSchema })),
  /**
   * Published stories readers viewed at least `UNCLICKED_MIN_VIEWS` times over the last
   * `UNCLICKED_DAYS` days whose published Baca Juga links nobody clicked in that time, most
   * viewed first (at most 100): links worth another look.
   */
  unclicked: list(unclickedStorySchema),
});
export type LinkHealthReport = InferType<typeof linkHealthReportSchema>;

export const linkHealthResponseSchema = record({ data: linkHealthReportSchema });
export type LinkHealthResponse = InferType<typeof linkHealthResponseSchema>;

export const paginationSchema = record({
  page: count(),
  pageSize: count(),
  pageCount: count(),
  total: count(),
});
export type Pagination = InferType<typeof paginationSchema>;

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
  /** Where stories are localized: the locale listed (the default one if absent). */
  locale?: string;
}

export const adminArticleRowSchema = record({
  ...articleFields,
  /** A placeholder awaiting its copy: never public until its story is imported or written. */
  placeholder: flag(),
  tags: texts(),
  /** Baca Juga links of the draft (what the editor works on). */
  linkCount: count(),
  /** Of those, links whose target is not published or is deleted. */
  brokenCount: count(),
  /** Draft links and quotes flagged for review (moved links, unsure speakers). */
  reviewCount: count(),
  /**
   * Draft quotes whose importer-suggested credit waits for an editor's word (readers get no
   * speaker for them until then): `awaitsCreditDecision` of #shared/quote-credit.
   */
  unconfirmedSpeakerCount: count(),
  /** ISO date of the draft's own last edit (its row's updatedAt). */
  updatedAt: nullableText(),
  /**
   * ISO date of the draft's last edit by anyone and from anywhere: the later of its own
   * updatedAt and the last change of its Baca Juga links, which are rows of their own and
   * leave the story's updatedAt alone. The list is sorted by it, the most recent first.
   */
  lastEditedAt: nullableText(),
  /** What that last edit was of: the story itself, or its Baca Juga links. */
  lastEditOf: oneOf(LAST_EDIT_OF),
});
export type AdminArticleRow = InferType<typeof adminArticleRowSchema>;

export const adminArticleListResponseSchema = record({
  data: list(adminArticleRowSchema),
  meta: record({
    pagination: paginationSchema,
    /** Where stories are localized: the locale listed (absent otherwise). */
    locale: yup.string().typeError('meta.locale: expected a string'),
  }),
});
export type AdminArticleListResponse = InferType<typeof adminArticleListResponseSchema>;

/**
 * The paragraph of the story's draft a suggestion fits best (its link would stand after it),
 * and why: the words of that paragraph it matched, as the paragraph spells them.
 */
const fitsAfterFields = {
  paragraphId: text(),
  /** 1-based number of the paragraph in the draft's reading order. */
  number: count(),
  matchedTerms: texts(),
};
export type FitsAfter = InferType<ReturnType<typeof record<typeof fitsAfterFields>>>;

/** `GET /newsroom/articles/:documentId/suggestions?limit=`: ranked candidates. */
export const suggestionSchema = record({
  ...articleFields,
  score: count(),
  sharedTags: texts(),
  /** Words the two articles share after stemming, lower-cased, in this article's own form. */
  matchedTerms: texts(),
  /**
   * The share of this article's query weight the suggestion matched, 0 to 1: with the shared
   * tags, what its strength band is read from (shared/baca-juga/strength).
   */
  coverage: count(),
  /** Where the suggestion fits; null when no paragraph shares a word with it (the editor picks). */
  fitsAfter: nullableRecord(fitsAfterFields),
});
export type Suggestion = InferType<typeof suggestionSchema>;

/**
 * `meta.indexing`: an instance is rebuilding the suggestion index (a boot on a database whose
 * index was incomplete), so suggestions rank from an index that may lack articles until done.
 */
const indexingFields = { indexing: yup.boolean().typeError('meta.indexing: expected a boolean') };
const suggestionsMetaSchema = yup
  .object({ ...indexingFields })
  .default(undefined)
  .optional();
export type SuggestionsMeta = InferType<typeof suggestionsMetaSchema>;

export const suggestionsResponseSchema = record({
  data: list(suggestionSchema),
  meta: suggestionsMetaSchema,
});
export type SuggestionsResponse = InferType<typeof suggestionsResponseSchema>;

/** Stories per page of the orphans queue, and suggestions shown per story. */
export const ORPHANS_PAGE_SIZE = 10;
export const ORPHAN_SUGGESTIONS = 3;

/**
 * `GET /newsroom/orphans?page=`: published stories whose draft has no Baca Juga link, newest
 * first, each with the engine's best suggestions and where each fits. Accepting one is an
 * ordinary placement save (`PUT /newsroom/articles/:documentId/placement` with the version).
 */
export const orphanStorySchema = record({ ...articleFields, suggestions: list(suggestionSchema) });
export type OrphanStory = InferType<typeof orphanStorySchema>;

export const orphansResponseSchema = record({
  data: list(orphanStorySchema),
  meta: record({
    pagination: paginationSchema,
    ...indexingFields,
    /** Where stories are localized: the locale whose queue this is (absent otherwise). */
    locale: yup.string().typeError('meta.locale: expected a string'),
  }),
});
export type OrphansResponse = InferType<typeof orphansResponseSchema>;

/** Admin permission actions; the admin hides edit controls without `manage`. */
export const ADMIN_ACTIONS = {
  read: 'plugin::newsroom.read',
  manage: 'plugin::newsroom.manage',
} as const;

/** A count split by position-test variant (`total` includes events without a variant). */
const variantCountsSchema = record({ total: count(), a: count(), b: count() });
export type VariantCounts = InferType<typeof variantCountsSchema>;

/**
 * A position test's counts, from the minute after its slots were set (whatever `days` asks
 * for): the views of each variant of the story and the clicks on this link in each. The
 * verdict is `positionVerdict` (shared/baca-juga/click-through), computed where it is shown.
 */
const positionTestFields = {
  /**
   * The instant counting starts (ISO 8601, a whole UTC minute): the first minute after the
   * test's slots were set, so no event from before the test is counted.
   */
  since: text(),
  /** The slots under test, as published: "a" is the first, "b" the second. */
  slots: record({ a: text(), b: text() }),
  views: record({ a: count(), b: count() }),
  clicks: record({ a: count(), b: count() }),
};
export type PositionTestStats = InferType<ReturnType<typeof record<typeof positionTestFields>>>;

/**
 * `GET /newsroom/articles/:documentId/link-stats?days=30`: what readers did over the last
 * `days` UTC days (1 to 365, default 30), from the events frontends send: views of the story,
 * and clicks on each of its published Baca Juga links with their click-through (clicks per
 * view, null before any view).
 */
export const linkStatsSchema = record({
  days: count(),
  views: variantCountsSchema,
  links: list(
    record({
      link: text(),
      clicks: variantCountsSchema,
      clickThrough: nullableCount(),
      /** The link's position test as published, or null when its published version has none. */
      test: nullableRecord(positionTestFields),
    })
  ),
});
export type LinkStats = InferType<typeof linkStatsSchema>;

export const linkStatsResponseSchema = record({ data: linkStatsSchema });
export type LinkStatsResponse = InferType<typeof linkStatsResponseSchema>;

/**
 * `GET /newsroom/articles/:documentId/live-backlinks?days=7&locale=`: the live stories whose
 * published Baca Juga links point at this story (or, while it is down, wait for it), with their
 * views over the last `days` UTC days: what an unpublish or a delete takes from readers. With
 * `scope=document` (a delete: every locale goes) the stories of every locale are counted.
 */
export const liveBacklinksSchema = record({
  days: count(),
  /** Whether this story (this version) is live now. */
  live: flag(),
  stories: list(record({ documentId: text(), title: text(), slug: text(), views: count() })),
  /** The stories' views summed: views of the stories that carry a link here. */
  views: count(),
});
export type LiveBacklinks = InferType<typeof liveBacklinksSchema>;

export const liveBacklinksResponseSchema = record({ data: liveBacklinksSchema });

/**
 * `GET /newsroom/status`: what this deployment still owes readers. `searchIndex.rebuilding`:
 * suggestions are degraded until it is false. `pendingEffects`: committed publishes whose
 * suggestion-index entry is not yet written (retried by every instance until done; `failing`
 * > 0 means a retry failed). `owedBump`: this instance could not bump the content generation
 * after a write (other instances may serve the old version until it can). `invalidations`:
 * the `newsroom.invalidate` webhook: changes `waiting` to become an event, deliveries
 * `pending` (`failing` > 0: a receiver refused or did not answer, retried with backoff).
 */
export const statusResponseSchema = record({
  data: record({
    searchIndex: record({ rebuilding: flag(), indexed: count(), published: count() }),
    pendingEffects: record({
      pending: count(),
      failing: count(),
      oldestQueuedAt: nullableText(),
      lastError: nullableText(),
    }),
    owedBump: nullableRecord({ since: text(), attempts: count(), lastError: text() }),
    invalidations: record({
      waiting: count(),
      pending: count(),
      failing: count(),
      oldestQueuedAt: nullableText(),
      lastError: nullableText(),
    }),
  }),
});
export type StatusResponse = InferType<typeof statusResponseSchema>;

/**
 * `POST /newsroom/articles/:documentId/invalidate` ("Send purge again"): the story's
 * `newsroom.invalidate` event is queued again, for `webhooks` subscribed webhooks (0: none is,
 * and nothing is sent).
 */
export const resendInvalidationResponseSchema = record({ data: record({ webhooks: count() }) });
export type ResendInvalidationResponse = InferType<typeof resendInvalidationResponseSchema>;
