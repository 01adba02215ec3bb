/**
 * The admin routes' answers checked against their schemas in `shared/contracts/admin.ts`, so
 * a server and an admin build that drifted apart surface as a load error naming the route and
 * the field, not as `undefined is not a function` deep in a component. Each parser returns
 * the answer (or the part the screens use) with its contract type; a mismatch throws a
 * `ContractError`, which RTK Query turns into the query's error.
 *
 * Pure functions without Strapi imports, so they run in the unit tests as they are.
 */
import type { AnySchema, InferType } from 'yup';
import {
  ContractError,
  adminArticleListResponseSchema,
  checkContract,
  linkHealthResponseSchema,
  linkStatsResponseSchema,
  liveBacklinksResponseSchema,
  orphansResponseSchema,
  localesResponseSchema,
  placementCopyResponseSchema,
  placementResponseSchema,
  placementSaveResponseSchema,
  resendInvalidationResponseSchema,
  speakerDecisionResponseSchema,
  suggestionsResponseSchema,
  targetSearchResponseSchema,
  type TargetSearchResponse,
} from '#shared/contracts/admin';

export { ContractError };

/**
 * The answer of `route` checked against `schema`, then `pick`ed; a mismatch names the route
 * so the message (in the console and in any "could not load" state) says where to look.
 */
const checked =
  <S extends AnySchema, T>(route: string, schema: S, pick: (body: InferType<S>) => T) =>
  (body: unknown): T => {
    try {
      return pick(checkContract(schema, body));
    } catch (error) {
      if (error instanceof ContractError)
        throw new ContractError(
          `The answer of ${route} does not match the contract: ${error.message}`
        );
      throw error;
    }
  };

/** `GET /newsroom/articles`: the whole envelope, rows and pagination are both used. */
export const parseArticleList = checked(
  'GET /newsroom/articles',
  adminArticleListResponseSchema,
  (body) => body
);

/** `POST /newsroom/articles/:documentId/placement/copy`: the placement and the report. */
export const parsePlacementCopy = checked(
  'POST /newsroom/articles/:documentId/placement/copy',
  placementCopyResponseSchema,
  (body) => ({ placement: body.data, copied: body.meta.copied })
);

/** `GET /i18n/locales`: Strapi's own list of the app's locales. */
export const parseLocales = checked('GET /i18n/locales', localesResponseSchema, (body) => body);

/** `GET /newsroom/articles/:documentId/placement`: the placement, unwrapped. */
export const parsePlacement = checked(
  'GET /newsroom/articles/:documentId/placement',
  placementResponseSchema,
  (body) => body.data
);

/** `PUT /newsroom/articles/:documentId/placement`: the saved placement and what went live. */
export const parsePlacementSave = checked(
  'PUT /newsroom/articles/:documentId/placement',
  placementSaveResponseSchema,
  (body) => ({ placement: body.data, outcome: body.meta })
);

export type TargetResult = TargetSearchResponse['data'][number];

/** `GET /newsroom/targets`: articles to link to. */
export const parseTargets = checked(
  'GET /newsroom/targets',
  targetSearchResponseSchema,
  (body) => body.data
);

/** `GET /newsroom/link-health`: the newsroom's counts and the articles with broken links. */
export const parseLinkHealth = checked(
  'GET /newsroom/link-health',
  linkHealthResponseSchema,
  (body) => body.data
);

/** `GET /newsroom/articles/:documentId/suggestions`: ranked candidates. */
export const parseSuggestions = checked(
  'GET /newsroom/articles/:documentId/suggestions',
  suggestionsResponseSchema,
  // `indexing`: the index is being rebuilt, so the list may lack articles (IndexingNotice).
  (body) => ({ suggestions: body.data, indexing: body.meta?.indexing === true })
);

/** `GET /newsroom/orphans`: stories without links, each with its suggestions; paginated. */
export const parseOrphans = checked('GET /newsroom/orphans', orphansResponseSchema, (body) => body);

/** `GET /newsroom/articles/:documentId/link-stats`: readers' views and clicks per link. */
export const parseLinkStats = checked(
  'GET /newsroom/articles/:documentId/link-stats',
  linkStatsResponseSchema,
  (body) => body.data
);

export const parseLiveBacklinks = checked(
  'GET /newsroom/articles/:documentId/live-backlinks',
  liveBacklinksResponseSchema,
  (body) => body.data
);

/** `PUT /newsroom/articles/:documentId/quotes/:quoteId/speaker`: the quote as stored. */
export const parseSpeakerDecision = checked(
  'PUT /newsroom/articles/:documentId/quotes/:quoteId/speaker',
  speakerDecisionResponseSchema,
  (body) => ({ quote: body.data, live: body.meta.live })
);

/** `POST /newsroom/articles/:documentId/invalidate`: how many webhooks get the purge. */
export const parseResendInvalidation = checked(
  'POST /newsroom/articles/:documentId/invalidate',
  resendInvalidationResponseSchema,
  (body) => body.data
);
