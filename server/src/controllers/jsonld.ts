import type { Core } from '@strapi/strapi';
import type { NewsroomConfig } from '../config';
import { PLUGIN_ID } from '../constants';
import { buildNewsArticleJsonLd } from '../services/jsonld';
import { sendCacheable } from '../utils/http-cache';
import { renderRequestedArticle } from './render-request';

const jsonldController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/newsroom/articles/:slug/jsonld: a schema.org NewsArticle for the page's <head>. */
  async findOne(ctx: any) {
    const found = await renderRequestedArticle(strapi, ctx);
    if (!found) return;
    const { siteUrl } = strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig;
    const jsonld = buildNewsArticleJsonLd(found.article, { siteUrl });
    sendCacheable(ctx, jsonld, found.cacheControl, 'application/ld+json; charset=utf-8');
  },
});

export default jsonldController;
