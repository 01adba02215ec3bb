import type { Core } from '@strapi/strapi';
import type { NewsroomConfig } from '../config';
import { PLUGIN_ID } from '../constants';
import type { RenderedArticle } from '../services/render/types';
import { resolveReadStatus, type ReadStatus } from '../utils/draft-access';
import { getService } from '../utils/get-service';
import { DRAFT_CACHE_CONTROL, cacheControlForCaller } from '../utils/http-cache';
import { assertOnlyParams, parseSlug } from '../validation/params';

/**
 * The shared first half of the routes that serve one article by slug: only `status` is
 * accepted (none on the preview route, which always reads the draft), the slug is checked,
 * drafts need a preview token. Answers 404 itself and returns null when there is no such
 * article.
 */
export const renderRequestedArticle = async (
  strapi: Core.Strapi,
  ctx: any,
  { preview = false } = {}
): Promise<{ article: RenderedArticle; status: ReadStatus; cacheControl: string } | null> => {
  assertOnlyParams(ctx.query, preview ? [] : ['status']);
  const slug = parseSlug(ctx.params.slug);
  const status = await resolveReadStatus(
    strapi,
    preview ? { query: { status: 'draft' }, state: ctx.state } : ctx
  );
  const article = await getService(strapi, 'render').findBySlug(slug, status);
  if (!article) {
    ctx.notFound('Article not found', { slug });
    return null;
  }
  const { cacheControl } = strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig;
  return {
    article,
    status,
    cacheControl:
      status === 'draft' ? DRAFT_CACHE_CONTROL : cacheControlForCaller(ctx, cacheControl),
  };
};
