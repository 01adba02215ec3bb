import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { NewsroomConfig } from '../config';
import { PLUGIN_ID } from '../constants';
import { SITEMAP_TAG } from '#shared/cache-tags';
import { Tagged, cacheTagHeaders } from '../http/cache-tags';
import { cacheControlForCaller, sendPrepared } from '../http/http-cache';
import type { RequestContext } from '../http/context';
import { SitemapNotConfiguredError } from '../services/sitemaps';
import { getService } from '../utils/get-service';
import { assertOnlyParams, paramError } from '../validation/params';
import { localesOf, requestLocale } from '../i18n/locale';

const XML = 'application/xml; charset=utf-8';
const asText = (payload: unknown) => payload as string;

/**
 * Sends a sitemap through the response cache (kept until the published content changes, like
 * the other published answers), with its ETag and the configured Cache-Control. A sitemap the
 * config cannot support (no `siteUrl`, no publication name) is a 404 naming the setting.
 */
const sendSitemap = async (
  strapi: Core.Strapi,
  ctx: RequestContext,
  key: string,
  build: (locale: string | null) => Promise<string | null>,
  /** Without `?locale=`: the default locale's stories, or (the index) every locale's. */
  absent: 'default' | 'any' = 'default'
) => {
  assertOnlyParams(ctx.query, ['locale']);
  const locale = await requestLocale(strapi, ctx.query, absent);
  let prepared;
  try {
    prepared = await getService(strapi, 'responseCache').get(
      `sitemap:${key}:${locale ?? '-'}`,
      async () => {
        const xml = await build(locale);
        return xml === null ? null : new Tagged(xml, [SITEMAP_TAG]);
      },
      ctx.state.newsroom?.generation,
      asText
    );
  } catch (error) {
    if (!(error instanceof SitemapNotConfiguredError)) throw error;
    throw new errors.NotFoundError(error.message, { config: error.config });
  }
  if (!prepared) return ctx.notFound('Sitemap not found', { sitemap: key });
  const { cacheControl } = strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig;
  sendPrepared(ctx, prepared, cacheControlForCaller(ctx, cacheControl), {
    type: XML,
    tagHeaders: cacheTagHeaders(strapi),
  });
};

/** GET /api/newsroom/sitemaps/news.xml: Google News, the last 48 hours. */
export const sitemapNews = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: RequestContext) {
    // The window moves with the clock: the cached answer is good for the minute it was made in.
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    await sendSitemap(strapi, ctx, `news:${minute}`, (locale) =>
      getService(strapi, 'sitemaps').news(minute, locale)
    );
  },
});

/** GET /api/newsroom/sitemaps/index.xml: the article sitemaps, 50,000 stories each. */
export const sitemapIndex = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: RequestContext) {
    await sendSitemap(
      strapi,
      ctx,
      'index',
      async (locale) =>
        getService(strapi, 'sitemaps').index(locale !== null ? [locale] : await localesOf(strapi)),
      'any'
    );
  },
});

/** GET /api/newsroom/sitemaps/articles-:page.xml: one page of every published story. */
export const sitemapArticles = ({ strapi }: { strapi: Core.Strapi }) => ({
  async findOne(ctx: RequestContext) {
    const raw = String(ctx.params.page ?? '');
    if (!/^[1-9][0-9]{0,6}$/.test(raw)) paramError('page', 'must be a page number from 1');
    const page = Number(raw);
    await sendSitemap(strapi, ctx, `articles:${page}`, (locale) =>
      getService(strapi, 'sitemaps').articles(page, locale)
    );
  },
});
