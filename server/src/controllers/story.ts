import type { Core } from '@strapi/strapi';
import type { NewsroomConfig } from '../config';
import { PLUGIN_ID } from '../constants';
import { resolveReadStatus } from '../utils/draft-access';
import { getService } from '../utils/get-service';
import { cacheControlForCaller, sendCacheable } from '../utils/http-cache';
import { parseListQuery } from '../validation/list-query';
import { paramError } from '../validation/params';
import { renderRequestedArticle } from './render-request';

/**
 * The render-ready routes news frontends call. Action names end in `find`/`findOne` so that
 * Strapi's read-only API tokens may call them.
 */
const storyController = ({ strapi }: { strapi: Core.Strapi }) => {
  return {
    /** GET /api/newsroom/articles: published summaries, paginated, filterable, searchable. */
    async find(ctx: any) {
      const status = await resolveReadStatus(strapi, ctx);
      if (status === 'draft') {
        paramError('status', 'the article list serves published articles only');
      }
      const query = parseListQuery(ctx.query);
      const page = await getService(strapi, 'listing').list(query);
      const { cacheControl } = strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig;
      sendCacheable(ctx, page, cacheControlForCaller(ctx, cacheControl));
    },

    /** GET /api/newsroom/articles/:slug: the article, render-ready (its draft with status=draft). */
    async findOne(ctx: any) {
      const found = await renderRequestedArticle(strapi, ctx);
      if (found) sendCacheable(ctx, { data: found.article }, found.cacheControl);
    },
  };
};

export default storyController;
