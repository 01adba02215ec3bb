import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { NewsroomConfig } from '../config';
import { PLUGIN_ID } from '../constants';
import { resolveReadStatus, type ReadStatus } from '../utils/draft-access';
import { getService } from '../utils/get-service';
import { DRAFT_CACHE_CONTROL, sendCacheable } from '../utils/http-cache';
import { parseListQuery } from '../validation/list-query';
import { assertOnlyParams, parseSlug } from '../validation/params';

/**
 * The render-ready routes news frontends call. Action names end in `find`/`findOne` so that
 * Strapi's read-only API tokens may call them.
 */
const storyController = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig;
  const cacheControlFor = (status: ReadStatus) =>
    status === 'draft' ? DRAFT_CACHE_CONTROL : config().cacheControl;

  return {
    /** GET /api/newsroom/articles: published summaries, paginated, filterable, searchable. */
    async find(ctx: any) {
      const status = await resolveReadStatus(strapi, ctx);
      if (status === 'draft') {
        throw new errors.ValidationError(
          'status: the article list serves published articles only',
          {
            param: 'status',
          }
        );
      }
      const query = parseListQuery(ctx.query);
      const page = await getService(strapi, 'listing').list(query);
      sendCacheable(ctx, page, cacheControlFor(status));
    },

    /** GET /api/newsroom/articles/:slug: the article, render-ready (its draft with status=draft). */
    async findOne(ctx: any) {
      assertOnlyParams(ctx.query, ['status']);
      const slug = parseSlug(ctx.params.slug);
      const status = await resolveReadStatus(strapi, ctx);
      const article = await getService(strapi, 'render').findBySlug(slug, status);
      if (!article) return ctx.notFound('Article not found', { slug });
      sendCacheable(ctx, { data: article }, cacheControlFor(status));
    },
  };
};

export default storyController;
