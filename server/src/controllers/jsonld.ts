import type { Core } from '@strapi/strapi';
import type { NewsroomConfig } from '../config';
import { PLUGIN_ID } from '../constants';
import { buildNewsArticleJsonLd } from '../services/jsonld';
import { resolveArticleRequest, sendArticleResponse } from './render-request';
import type { RequestContext } from '../http/context';
import { defaultLocale } from '../i18n/locale';

const jsonldController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/newsroom/articles/:slug/jsonld: a schema.org NewsArticle for the page's <head>. */
  async findOne(ctx: RequestContext) {
    const request = await resolveArticleRequest(strapi, ctx);
    const { siteUrl } = strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig;
    await sendArticleResponse(
      strapi,
      ctx,
      request,
      'jsonld',
      // The default locale names the original among translations: read on a miss only.
      async (article) =>
        buildNewsArticleJsonLd(article, {
          siteUrl,
          defaultLocale: await defaultLocale(strapi),
        }),
      'application/ld+json; charset=utf-8'
    );
  },
});

export default jsonldController;
