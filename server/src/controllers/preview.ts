import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { DRAFT_CACHE_CONTROL, sendCacheable } from '../utils/http-cache';
import { assertOnlyParams, parseSlug } from '../validation/params';
import { resolveReadStatus } from '../utils/draft-access';

const previewController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * GET /api/newsroom/articles/:slug/preview: the draft, render-ready, for an API token with
   * the `preview.draft` action. Same as `/articles/:slug?status=draft`; this route exists so
   * that the action appears in the API token and role screens where it can be granted.
   */
  async draft(ctx: any) {
    assertOnlyParams(ctx.query, []);
    const slug = parseSlug(ctx.params.slug);
    // The route's own scope check passed; this adds the rule that only API tokens preview.
    await resolveReadStatus(strapi, { query: { status: 'draft' }, state: ctx.state });
    const article = await getService(strapi, 'render').findBySlug(slug, 'draft');
    if (!article) return ctx.notFound('Article not found', { slug });
    sendCacheable(ctx, { data: article }, DRAFT_CACHE_CONTROL);
  },
});

export default previewController;
