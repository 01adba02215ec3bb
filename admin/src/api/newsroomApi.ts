/**
 * The plugin's admin routes as endpoints of Strapi's own admin data layer (the RTK Query
 * `adminApi`, whose baseQuery is the admin fetch client), the way Strapi's core plugins do it.
 * The cache is shared by every screen: the editor and the content-manager side panel read the
 * same placement, and a save refreshes the list, the link-health summary and the suggestions
 * through tags instead of each screen refetching by hand.
 *
 * Every answer goes through a guard (`./guards`) in `transformResponse`, so a response that
 * does not match the contract becomes the query's error rather than a crash in a component.
 * Errors of every kind are read with `toApiError` (`./errors`).
 */
import { adminApi } from '@strapi/strapi/admin';
import type {
  AdminArticleListQuery,
  AdminArticleListResponse,
  LinkHealthReport,
  LinkStats,
  LiveBacklinks,
  OrphansResponse,
  Placement,
  PlacementSaveBody,
  PlacementSaveOutcome,
  PlacedQuote,
  SpeakerDecisionBody,
  Suggestion,
} from '#shared/contracts/admin';
import { toApiError } from './errors';
import {
  parseArticleList,
  parseLinkHealth,
  parseLinkStats,
  parseLiveBacklinks,
  parseOrphans,
  parseLocales,
  parsePlacement,
  parsePlacementCopy,
  parsePlacementSave,
  parseResendInvalidation,
  parseSpeakerDecision,
  parseSuggestions,
  parseTargets,
  type TargetResult,
} from './guards';
import { BASE, articlePath, withQuery } from './urls';

/** The list-wide id of a tag type, for the lists of something rather than one of it. */
const LIST = 'LIST';

const newsroomApiWithTags = adminApi.enhanceEndpoints({
  addTagTypes: [
    'NewsroomArticle',
    'NewsroomPlacement',
    'NewsroomLinkHealth',
    'NewsroomSuggestions',
    'NewsroomOrphans',
    'NewsroomLinkStats',
  ],
});

/**
 * One article's placement in one locale: `locale` where stories are localized (absent: the
 * default locale's). Also the key of its cache entry.
 */
export interface PlacementArg {
  documentId: string;
  locale?: string;
}

/** The placement route's query string for a locale (none for the default one). */
const localeQuery = (locale: string | undefined) => (locale ? { locale } : {});

export interface SavePlacementArgs extends PlacementArg {
  body: PlacementSaveBody;
}

export interface CopyPlacementArgs {
  documentId: string;
  /** The locale copied to (the one on screen) and the one copied from. */
  locale: string;
  from: string;
  /** The version of the `locale` placement the editor read. */
  version: string;
}

export type CopyPlacementResult = ReturnType<typeof parsePlacementCopy>;

/**
 * What a placement save makes stale, whether the editor saved it or a copy from another
 * locale did: the story's placement (every locale), the list, link health, its suggestions,
 * the orphans queue, and its link counts (new links appear at zero, removed ones leave).
 */
const savedPlacementTags = (documentId: string) => [
  { type: 'NewsroomPlacement' as const, id: documentId },
  { type: 'NewsroomArticle' as const, id: LIST },
  'NewsroomLinkHealth' as const,
  { type: 'NewsroomSuggestions' as const, id: documentId },
  'NewsroomOrphans' as const,
  { type: 'NewsroomLinkStats' as const, id: documentId },
];

export interface SavePlacementResult {
  placement: Placement;
  outcome: PlacementSaveOutcome;
}

export interface DecideSpeakerArgs extends PlacementArg {
  quoteId: string;
  body: SpeakerDecisionBody;
}

export interface DecideSpeakerResult {
  quote: PlacedQuote;
  /** The decision reached readers with the write (a published story). */
  live: boolean;
}

export const newsroomApi = newsroomApiWithTags.injectEndpoints({
  endpoints: (build) => ({
    getNewsroomArticles: build.query<AdminArticleListResponse, AdminArticleListQuery>({
      query: (query) => ({ url: withQuery(`${BASE}/articles`, { ...query }), method: 'GET' }),
      transformResponse: parseArticleList,
      providesTags: [{ type: 'NewsroomArticle', id: LIST }],
    }),

    getNewsroomPlacement: build.query<Placement, PlacementArg>({
      query: ({ documentId, locale }) => ({
        url: withQuery(articlePath(documentId, 'placement'), localeQuery(locale)),
        method: 'GET',
      }),
      transformResponse: parsePlacement,
      // One tag per story, whatever the locale: a save in one locale refreshes them all
      // (another locale's view shows this one's link counts, and the same targets).
      providesTags: (_result, _error, { documentId }) => [
        { type: 'NewsroomPlacement', id: documentId },
      ],
    }),

    saveNewsroomPlacement: build.mutation<SavePlacementResult, SavePlacementArgs>({
      query: ({ documentId, locale, body }) => ({
        url: withQuery(articlePath(documentId, 'placement'), localeQuery(locale)),
        method: 'PUT',
        data: body,
      }),
      transformResponse: parsePlacementSave,
      // Only a save that happened changes anything; a refused one (409, 400) must leave the
      // editor's cache alone, or a refetch would replace the placement the editor is fixing.
      invalidatesTags: (result, _error, { documentId }) =>
        result ? savedPlacementTags(documentId) : [],
      // The answer is the placement as saved: into the cache at once, so the editor and the
      // side panel show it without waiting for the refetch the invalidation starts.
      async onQueryStarted({ documentId, locale }, { dispatch, queryFulfilled }) {
        try {
          const { data } = await queryFulfilled;
          dispatch(
            newsroomApi.util.upsertQueryData(
              'getNewsroomPlacement',
              { documentId, ...localeQuery(locale) },
              data.placement
            )
          );
        } catch {
          // A failed save is the caller's to report (it awaits the same request).
        }
      },
    }),

    // "Copy placements from another locale": a save of the `locale` placement.
    copyNewsroomPlacement: build.mutation<CopyPlacementResult, CopyPlacementArgs>({
      query: ({ documentId, locale, from, version }) => ({
        url: withQuery(articlePath(documentId, 'placement/copy'), { locale }),
        method: 'POST',
        data: { from, version },
      }),
      transformResponse: parsePlacementCopy,
      invalidatesTags: (result, _error, { documentId }) =>
        result ? savedPlacementTags(documentId) : [],
    }),

    // Strapi's i18n: the app's locales, for the switcher (shown where stories are localized).
    getNewsroomLocales: build.query<ReturnType<typeof parseLocales>, void>({
      query: () => ({ url: '/i18n/locales', method: 'GET' }),
      transformResponse: parseLocales,
    }),

    decideNewsroomQuoteSpeaker: build.mutation<DecideSpeakerResult, DecideSpeakerArgs>({
      query: ({ documentId, locale, quoteId, body }) => ({
        url: withQuery(
          articlePath(documentId, `quotes/${encodeURIComponent(quoteId)}/speaker`),
          localeQuery(locale)
        ),
        method: 'PUT',
        data: body,
      }),
      transformResponse: parseSpeakerDecision,
      // A decision changes the list's counts and the newsroom's quotes to check. A refused one
      // (409: the quote changed since) refetches the placement, so the editor sees the quote as
      // it is now; its links on screen are the editor's page's to keep (see EditorPage).
      invalidatesTags: (result, error, { documentId }) =>
        result
          ? [{ type: 'NewsroomArticle', id: LIST }, 'NewsroomLinkHealth']
          : toApiError(error).status === 409
            ? [{ type: 'NewsroomPlacement', id: documentId }]
            : [],
      // The stored quote replaces the one in the shared placement at once (the editor and the
      // side panel), without refetching the whole placement.
      async onQueryStarted({ documentId, locale, quoteId }, { dispatch, queryFulfilled }) {
        try {
          const { data } = await queryFulfilled;
          dispatch(
            // The placement of the version the quote is of.
            newsroomApi.util.updateQueryData(
              'getNewsroomPlacement',
              { documentId, ...localeQuery(locale) },
              (placement) => {
                const index = placement.quotes.findIndex((q) => q.documentId === quoteId);
                if (index >= 0) placement.quotes[index] = data.quote;
              }
            )
          );
        } catch {
          // A refused decision is the caller's to report (it awaits the same request).
        }
      },
    }),

    // "Send purge again": nothing cached here changes, so no tags.
    resendNewsroomInvalidation: build.mutation<{ webhooks: number }, string>({
      query: (documentId) => ({ url: articlePath(documentId, 'invalidate'), method: 'POST' }),
      transformResponse: parseResendInvalidation,
    }),

    searchNewsroomTargets: build.query<
      TargetResult[],
      { q: string; exclude: string; locale?: string }
    >({
      query: ({ q, exclude, locale }) => ({
        url: withQuery(`${BASE}/targets`, { q, exclude, locale }),
        method: 'GET',
      }),
      transformResponse: parseTargets,
      // An answer is only good for what is in the search box; keeping every term typed would
      // also show statuses (draft, published) from minutes ago.
      keepUnusedDataFor: 0,
    }),

    getNewsroomLinkHealth: build.query<LinkHealthReport, void>({
      query: () => ({ url: `${BASE}/link-health`, method: 'GET' }),
      transformResponse: parseLinkHealth,
      providesTags: ['NewsroomLinkHealth'],
    }),

    getNewsroomSuggestions: build.query<
      { suggestions: Suggestion[]; indexing: boolean },
      PlacementArg & { limit: number }
    >({
      // The version's own locale: suggestions are stories of its language.
      query: ({ documentId, locale, limit }) => ({
        url: withQuery(articlePath(documentId, 'suggestions'), { limit, ...localeQuery(locale) }),
        method: 'GET',
      }),
      transformResponse: parseSuggestions,
      providesTags: (_result, _error, { documentId }) => [
        { type: 'NewsroomSuggestions', id: documentId },
      ],
    }),

    getNewsroomLinkStats: build.query<LinkStats, PlacementArg & { days: number }>({
      query: ({ documentId, locale, days }) => ({
        url: withQuery(articlePath(documentId, 'link-stats'), { days, ...localeQuery(locale) }),
        method: 'GET',
      }),
      transformResponse: parseLinkStats,
      providesTags: (_result, _error, { documentId }) => [
        { type: 'NewsroomLinkStats', id: documentId },
      ],
    }),

    /**
     * What an unpublish (of `locale`'s version) or a delete (`scope: 'document'`, every
     * locale) takes from readers. Not cached across screens: each confirmation asks afresh.
     */
    getNewsroomLiveBacklinks: build.query<
      LiveBacklinks,
      PlacementArg & { scope?: 'version' | 'document' }
    >({
      query: ({ documentId, locale, scope }) => ({
        url: withQuery(
          articlePath(documentId, 'live-backlinks'),
          scope === 'document' ? { scope } : localeQuery(locale)
        ),
        method: 'GET',
      }),
      transformResponse: parseLiveBacklinks,
    }),

    // One locale's queue where stories are localized (absent: the default locale's).
    getNewsroomOrphans: build.query<OrphansResponse, { page: number; locale?: string }>({
      query: ({ page, locale }) => ({
        url: withQuery(`${BASE}/orphans`, { page, ...localeQuery(locale) }),
        method: 'GET',
      }),
      transformResponse: parseOrphans,
      providesTags: ['NewsroomOrphans'],
    }),
  }),
});

export const {
  useGetNewsroomArticlesQuery,
  useGetNewsroomPlacementQuery,
  useSaveNewsroomPlacementMutation,
  useDecideNewsroomQuoteSpeakerMutation,
  useResendNewsroomInvalidationMutation,
  useSearchNewsroomTargetsQuery,
  useGetNewsroomLinkHealthQuery,
  useGetNewsroomSuggestionsQuery,
  useGetNewsroomOrphansQuery,
  useGetNewsroomLinkStatsQuery,
  useGetNewsroomLiveBacklinksQuery,
  useLazyGetNewsroomPlacementQuery,
  useCopyNewsroomPlacementMutation,
  useGetNewsroomLocalesQuery,
} = newsroomApi;
