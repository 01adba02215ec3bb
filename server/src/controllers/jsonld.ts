import type { Core } from '@strapi/strapi';
import type { NewsroomConfig } from '../config';
import { PLUGIN_ID } from '../constants';
import { buildNewsArticleJsonLd } from '../services/jsonld';
import { resolveReadStatus } from '../utils/draft-access';
import { getService } from '../utils/get-service';
import { DRAFT_CACHE_CONTROL, sendCacheable } from '../utils/http-cache';
import { assertOnlyParams, parseSlug } from '../validation/params';

const jsonldController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/newsroom/articles/:slug/jsonld: a schema.org NewsArticle for the page's <head>. */
  async findOne(ctx: any) {
    assertOnlyParams(ctx.query, ['status']);
    const slug = parseSlug(ctx.params.slug);
    const status = await resolveReadStatus(strapi, ctx);
    const article = await getService(strapi, 'render').findBySlug(slug, status);
    if (!article) return ctx.notFound('Article not found', { slug });
    const config = strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig;
    const jsonld = buildNewsArticleJsonLd(article, { siteUrl: config.siteUrl });
    sendCacheable(ctx, jsonld, status === 'draft' ? DRAFT_CACHE_CONTROL : config.cacheControl);
    if (ctx.status === 200) ctx.type = 'application/ld+json; charset=utf-8';
  },
});

export default jsonldController;
