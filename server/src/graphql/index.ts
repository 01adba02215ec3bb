import type { Core } from '@strapi/strapi';
import { LINK_UID, PLUGIN_ID, QUOTE_UID } from '../constants';
import type { NewsroomConfig } from '../config';
import { installQueryBounds } from './query-bounds';
import { visiblePartFilters } from '../database/visible-parts';
import { assertFilterValues } from '../validation/filters';
import type { RenderedArticle } from '../services/render/types';
import { resolveReadStatus } from '../auth/draft-access';
import { getService } from '../utils/get-service';

/**
 * Root queries take `status`/`publicationFilter` arguments and so could reach a draft; relation
 * fields take none and inherit the root query's status.
 */
const DRAFT_CAPABLE_FIELDS = [
  'Query.newsroomArticle',
  'Query.newsroomArticles',
  'Query.newsroomArticles_connection',
  'Query.newsroomQuote',
  'Query.newsroomQuotes',
  'Query.newsroomQuotes_connection',
  'Query.newsroomRelatedLink',
  'Query.newsroomRelatedLinks',
  'Query.newsroomRelatedLinks_connection',
];

const PART_OF_QUERY: [string, typeof QUOTE_UID | typeof LINK_UID][] = [
  ['Query.newsroomQuote', QUOTE_UID],
  ['Query.newsroomRelatedLink', LINK_UID],
];

/**
 * GraphQL for the plugin's types, when the app has @strapi/plugin-graphql: Strapi generates
 * the queries; this adds the render-ready body and backlinks as fields of NewsroomArticle,
 * and holds GraphQL to the same draft rule as REST (drafts only for a preview token).
 */
export const registerGraphql = (strapi: Core.Strapi) => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  installQueryBounds(strapi, (strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig).graphql);

  const draftGuard = async (next: any, parent: unknown, args: any, context: any, info: unknown) => {
    await resolveReadStatus(strapi, { query: args ?? {}, state: context.state });
    assertFilterValues(args?.filters, '');
    return next(parent, args, context, info);
  };

  const visibleOnly =
    (uid: typeof QUOTE_UID | typeof LINK_UID) =>
    (next: any, root: unknown, args: any, context: unknown, info: unknown) =>
      next(
        root,
        { ...args, filters: { and: [args?.filters ?? {}, ...visiblePartFilters(uid, '')] } },
        context,
        info
      );

  // A draft parent only reaches a field resolver through a query the guard let through.
  // renderedBody and linkedFrom come from one render, shared for the length of one request:
  // the cache hangs off the request's context object and is dropped with it.
  const renders = new WeakMap<object, Map<string, Promise<RenderedArticle | null>>>();
  const renderParent = (
    parent: { documentId: string; publishedAt?: unknown; locale?: unknown },
    context: object
  ) => {
    const status = parent.publishedAt ? 'published' : 'draft';
    // Where stories are localized, the parent is one locale's version: render that one.
    const locale = typeof parent.locale === 'string' ? parent.locale : null;
    const key = `${status}:${locale ?? '-'}:${parent.documentId}`;
    let perRequest = renders.get(context);
    if (!perRequest) renders.set(context, (perRequest = new Map()));
    let rendered = perRequest.get(key);
    if (!rendered) {
      rendered = getService(strapi, 'render').findByDocumentId(parent.documentId, status, locale);
      perRequest.set(key, rendered);
    }
    return rendered;
  };

  graphql.service('extension').use(({ nexus }: any) => ({
    types: [
      nexus.extendType({
        type: 'NewsroomArticle',
        definition(t: any) {
          t.field('renderedBody', {
            type: 'JSON',
            description:
              'Paragraphs with the Baca Juga links in place, as GET /api/newsroom/articles/:slug serves them',
            resolve: async (parent: any, _args: unknown, context: object) =>
              (await renderParent(parent, context))?.body ?? [],
          });
          t.field('linkedFrom', {
            type: 'JSON',
            description:
              'Published articles whose Baca Juga links point here: [{ documentId, slug, title, href }]',
            resolve: async (parent: any, _args: unknown, context: object) =>
              (await renderParent(parent, context))?.linkedFrom ?? [],
          });
        },
      }),
    ],
    // Quotes and links of an unpublished article stay hidden, as on REST.
    // The computed fields need no auth of their own: like every other field of the type, they
    // are reached only through a query that was authorised for articles.
    resolversConfig: Object.fromEntries(
      DRAFT_CAPABLE_FIELDS.map((field) => {
        const part = PART_OF_QUERY.find(([prefix]) => field.startsWith(prefix))?.[1];
        return [field, { middlewares: part ? [draftGuard, visibleOnly(part)] : [draftGuard] }];
      })
    ),
  }));
};
