import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';

const SLUG_PATTERN = /^[A-Za-z0-9-_.~]{1,200}$/;

const articleController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/newsroom/articles/:slug — the published article, render-ready. */
  async findOne(ctx: any) {
    const { slug } = ctx.params as { slug: string };
    if (!SLUG_PATTERN.test(slug)) {
      return ctx.badRequest('slug: must be a URL-safe article slug', { slug });
    }
    const article = await getService(strapi, 'render').findPublishedBySlug(slug);
    if (!article) {
      return ctx.notFound('Article not found', { slug });
    }
    ctx.body = { data: article };
  },
});

export default articleController;
