import type { Core } from '@strapi/strapi';
import { resolveArticleRequest, sendArticleResponse } from './render-request';
import type { RequestContext } from '../http/context';

const previewController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * GET /api/newsroom/articles/:slug/preview: the draft, render-ready, for an API token with
   * the `preview.draft` action. Same as `/articles/:slug?status=draft`; this route exists so
   * that the action appears in the API token and role screens where it can be granted. The
   * route's own scope check runs first; the draft-access check adds that only tokens preview.
   */
  async draft(ctx: RequestContext) {
    const request = await resolveArticleRequest(strapi, ctx, { preview: true });
    await sendArticleResponse(strapi, ctx, request, 'article', (article) => ({ data: article }));
  },
});

export default previewController;
