import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { Tagged, cacheTagHeaders, relatedTags } from '../http/cache-tags';
import { sendPrepared } from '../http/http-cache';
import { integer, single } from '../validation/params';
import { resolveArticleRequest, sendMissing } from './render-request';
import type { RequestContext } from '../http/context';

/** Most related entries one request may ask for. */
export const MAX_RELATED = 20;

const relatedController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * GET /api/newsroom/articles/:slug/related?limit=5: the editors' Baca Juga links, then the
   * engine's suggestions, `limit` in all (default 5, at most 20). Published content only. The
   * action is named findOne so that read-only API tokens may call it.
   */
  async findOne(ctx: RequestContext) {
    const request = await resolveArticleRequest(strapi, ctx, { params: ['limit'] });
    const limit = integer(single(ctx.query, 'limit'), 'limit', 1, MAX_RELATED, 5);
    const prepared = await getService(strapi, 'responseCache').get(
      `related:${limit}:${request.locale ?? '-'}:${request.slug}`,
      async (generation) => {
        const related = await getService(strapi, 'related').forSlug(
          request.slug,
          limit,
          generation,
          request.locale
        );
        return (
          related &&
          new Tagged(related.response, relatedTags(related.documentId, related.response.data))
        );
      },
      ctx.state.newsroom?.generation
    );
    if (!prepared) return sendMissing(strapi, ctx, request);
    sendPrepared(ctx, prepared, request.cacheControl, { tagHeaders: cacheTagHeaders(strapi) });
  },
});

export default relatedController;
