import type { Core } from '@strapi/strapi';
import type { NewsroomConfig } from '../config';
import { PLUGIN_ID } from '../constants';
import type { RenderedArticle } from '../services/render/types';
import { resolveReadStatus, type ReadStatus } from '../auth/draft-access';
import { getService } from '../utils/get-service';
import {
  DRAFT_CACHE_CONTROL,
  cacheControlForCaller,
  sendPrepared,
  strongEtag,
} from '../http/http-cache';
import { assertOnlyParams, parseSlug } from '../validation/params';
import type { RequestContext } from '../http/context';

/**
 * The shared first half of the routes that serve one article by slug: only `status` is
 * accepted (none on the preview route, which always reads the draft), the slug is checked,
 * drafts need a preview token.
 */
export const resolveArticleRequest = async (
  strapi: Core.Strapi,
  ctx: RequestContext,
  { preview = false, params = ['status'] }: { preview?: boolean; params?: string[] } = {}
): Promise<{ slug: string; status: ReadStatus; cacheControl: string }> => {
  assertOnlyParams(ctx.query, preview ? [] : params);
  const slug = parseSlug(ctx.params.slug);
  const status = await resolveReadStatus(
    strapi,
    preview ? { query: { status: 'draft' }, state: ctx.state } : ctx
  );
  const { cacheControl } = strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig;
  return {
    slug,
    status,
    cacheControl:
      status === 'draft' ? DRAFT_CACHE_CONTROL : cacheControlForCaller(ctx, cacheControl),
  };
};

/**
 * Answers with `compute()`'s payload, or 404 when it is null. Published payloads go through
 * the response cache under `key` (reused until the published content changes); drafts are
 * computed on every request and never kept.
 */
export const sendArticleResponse = async (
  strapi: Core.Strapi,
  ctx: RequestContext,
  request: { slug: string; status: ReadStatus; cacheControl: string },
  key: string,
  compute: (article: RenderedArticle) => unknown,
  type?: string
) => {
  const build = async () => {
    const article = await getService(strapi, 'render').findBySlug(request.slug, request.status);
    return article ? compute(article) : null;
  };
  let prepared;
  if (request.status === 'published') {
    prepared = await getService(strapi, 'responseCache').get(
      `${key}:${request.slug}`,
      build,
      ctx.state.newsroom?.generation
    );
  } else {
    const payload = await build();
    const json = payload === null ? null : JSON.stringify(payload);
    prepared = json === null ? null : { json, etag: strongEtag(json) };
  }
  if (!prepared) return ctx.notFound('Article not found', { slug: request.slug });
  sendPrepared(ctx, prepared, request.cacheControl, type);
};
