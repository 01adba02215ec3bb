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
import { Tagged, articleTags, cacheTagHeaders, setTagHeaders } from '../http/cache-tags';
import { assertOnlyParams, parseSlug, parseVariant } from '../validation/params';
import { requestLocale } from '../i18n/locale';
import type { Variant } from '#shared/baca-juga/position-test';
import { LIST_TAG, articleTag } from '#shared/cache-tags';
import type { RequestContext } from '../http/context';
import type { SlugRedirect } from '../services/slug-history';

export interface ArticleRequest {
  slug: string;
  status: ReadStatus;
  /** Position-test variant (`?variant=`, on the routes that take it), or null. */
  variant: Variant | null;
  /** `?locale=` where stories are localized, or null: the slug's own language. */
  locale: string | null;
  cacheControl: string;
}

/**
 * The shared first half of the routes that serve one article by slug: only `params` are
 * accepted (none on the preview route, which always reads the draft), the slug is checked,
 * drafts need a preview token.
 */
export const resolveArticleRequest = async (
  strapi: Core.Strapi,
  ctx: RequestContext,
  { preview = false, params = ['status'] }: { preview?: boolean; params?: string[] } = {}
): Promise<ArticleRequest> => {
  assertOnlyParams(ctx.query, preview ? ['locale'] : [...params, 'locale']);
  const slug = parseSlug(ctx.params.slug);
  const locale = await requestLocale(strapi, ctx.query, 'any');
  const status = await resolveReadStatus(
    strapi,
    preview ? { query: { status: 'draft' }, state: ctx.state } : ctx
  );
  const { cacheControl } = strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig;
  return {
    slug,
    status,
    variant: !preview && params.includes('variant') ? parseVariant(ctx.query) : null,
    locale,
    cacheControl:
      status === 'draft' ? DRAFT_CACHE_CONTROL : cacheControlForCaller(ctx, cacheControl),
  };
};

/** Where the path names the slug: the last segment after `articles` that decodes to it. */
const slugSegment = (segments: string[], slug: string): number => {
  for (let i = segments.length - 1; i > 0; i -= 1) {
    if (segments[i - 1] !== 'articles') continue;
    try {
      if (decodeURIComponent(segments[i]) === slug) return i;
    } catch {
      // not an escape sequence: not the segment the router decoded
    }
  }
  return -1;
};

/**
 * The slug is an old one of a live article: 301 to the same route under its current slug
 * (query string kept), with a body a frontend can act on without following it: it 301s its
 * own page to `redirect.href`. Cached like the article it leads to.
 */
const sendSlugRedirect = (
  strapi: Core.Strapi,
  ctx: RequestContext,
  request: { slug: string; cacheControl: string },
  { documentId, ...redirect }: SlugRedirect & { documentId: string }
) => {
  // The path as sent may spell the slug with escapes (`%7E`, `%61`) the router decoded: the
  // segment is found by what it decodes to, or the redirect would name the request itself.
  const segments = ctx.path.split('/');
  const at = slugSegment(segments, request.slug);
  if (at === -1) return ctx.notFound('Article not found', { slug: request.slug });
  segments[at] = encodeURIComponent(redirect.slug);
  const path = segments.join('/');
  ctx.status = 301;
  ctx.set('Location', ctx.querystring ? `${path}?${ctx.querystring}` : path);
  ctx.set('Cache-Control', request.cacheControl);
  // Filed under the story it leads to (its next rename or unpublish), and nr-list: another
  // story may be published under this slug, and every publication purges nr-list.
  setTagHeaders(ctx, cacheTagHeaders(strapi), [articleTag(documentId), LIST_TAG]);
  ctx.body = { data: null, redirect };
};

/**
 * No article answers to the slug (for this caller): a 301 when it is an old slug of a live
 * article, else 404. Drafts have no old addresses: a preview names the slug it has now.
 */
export const sendMissing = async (
  strapi: Core.Strapi,
  ctx: RequestContext,
  request: { slug: string; status: ReadStatus; cacheControl: string; locale?: string | null }
) => {
  if (request.status === 'published') {
    const redirect = await getService(strapi, 'slugHistory').redirectFor(
      request.slug,
      request.locale ?? null
    );
    if (redirect) return sendSlugRedirect(strapi, ctx, request, redirect);
  }
  return ctx.notFound('Article not found', { slug: request.slug });
};

/**
 * Answers with `compute()`'s payload, or 404 when it is null. Published payloads go through
 * the response cache under `key` (reused until the published content changes); drafts are
 * computed on every request and never kept.
 */
export const sendArticleResponse = async (
  strapi: Core.Strapi,
  ctx: RequestContext,
  request: ArticleRequest,
  key: string,
  /** What is sent of the article; run on a cache miss only, so it may read what it needs. */
  compute: (article: RenderedArticle) => unknown | Promise<unknown>,
  type?: string
) => {
  const build = async () => {
    const article = await getService(strapi, 'render').findBySlug(
      request.slug,
      request.status,
      request.variant,
      request.locale
    );
    // Tagged with the stories it shows, whatever `compute` makes of it (JSON-LD names none).
    return article ? new Tagged(await compute(article), articleTags(article)) : null;
  };
  let prepared;
  if (request.status === 'published') {
    prepared = await getService(strapi, 'responseCache').get(
      `${key}:${request.variant ?? '-'}:${request.locale ?? '-'}:${request.slug}`,
      build,
      ctx.state.newsroom?.generation
    );
  } else {
    const built = await build();
    const json = built === null ? null : JSON.stringify(built.payload);
    prepared = json === null ? null : { json, etag: strongEtag(json) };
  }
  if (!prepared) return sendMissing(strapi, ctx, request);
  sendPrepared(ctx, prepared, request.cacheControl, { type, tagHeaders: cacheTagHeaders(strapi) });
};
