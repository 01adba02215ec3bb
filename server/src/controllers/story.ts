import type { Core } from '@strapi/strapi';
import type { NewsroomConfig } from '../config';
import { PLUGIN_ID } from '../constants';
import { resolveReadStatus } from '../auth/draft-access';
import { getService } from '../utils/get-service';
import { Tagged, cacheTagHeaders, listTags } from '../http/cache-tags';
import { cacheControlForCaller, sendPrepared } from '../http/http-cache';
import { parseListQuery } from '../validation/list-query';
import { requestLocale } from '../i18n/locale';
import { paramError } from '../validation/params';
import { resolveArticleRequest, sendArticleResponse } from './render-request';
import type { RequestContext } from '../http/context';

/**
 * The render-ready routes news frontends call. Action names end in `find`/`findOne` so that
 * Strapi's read-only API tokens may call them. Published answers come from the response cache,
 * which checks the database's content generation on every request.
 */
const storyController = ({ strapi }: { strapi: Core.Strapi }) => {
  const configuredCacheControl = () =>
    (strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig).cacheControl;

  return {
    /** GET /api/newsroom/articles: published summaries, paginated, filterable, searchable. */
    async find(ctx: RequestContext) {
      const status = await resolveReadStatus(strapi, ctx);
      if (status === 'draft') {
        paramError('status', 'the article list serves published articles only');
      }
      const query = parseListQuery(ctx.query, await requestLocale(strapi, ctx.query));
      const prepared = await getService(strapi, 'responseCache').get(
        `list:${JSON.stringify(query)}`,
        async (generation) => {
          const list = await getService(strapi, 'listing').list(query, { generation });
          return new Tagged(list, listTags(list.data.map((summary) => summary.documentId)));
        },
        ctx.state.newsroom?.generation
      );
      sendPrepared(ctx, prepared!, cacheControlForCaller(ctx, configuredCacheControl()), {
        tagHeaders: cacheTagHeaders(strapi),
      });
    },

    /** GET /api/newsroom/articles/:slug: the article, render-ready (its draft with status=draft). */
    async findOne(ctx: RequestContext) {
      const request = await resolveArticleRequest(strapi, ctx, { params: ['status', 'variant'] });
      await sendArticleResponse(strapi, ctx, request, 'article', (article) => ({ data: article }));
    },

    /**
     * GET /api/newsroom/ping: a constant answer. Load balancers probe it, and the benchmark
     * uses it as the floor: what any route of this API costs before it does any work.
     */
    async ping(ctx: RequestContext) {
      ctx.body = { data: { status: 'ok' } };
    },
  };
};

export default storyController;
