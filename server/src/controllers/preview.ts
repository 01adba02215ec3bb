import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { resolveArticleRequest, sendArticleResponse } from './render-request';
import type { RequestContext } from '../http/context';
import { DRAFT_CACHE_CONTROL } from '../http/http-cache';
import { assertOnlyParams } from '../validation/params';
import { getService } from '../utils/get-service';

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

  /**
   * GET /api/newsroom/preview?token=: the draft a Preview link names (services/preview),
   * render-ready. The short-lived token is the credential, for that story only: a frontend
   * passes on what the Preview button's URL carried, and holds no API token in the browser.
   * Never cached, and sent with no referrer so that the token does not travel on.
   */
  async token(ctx: RequestContext) {
    assertOnlyParams(ctx.query, ['token']);
    const grant = getService(strapi, 'preview').verify(ctx.query.token);
    if (!grant) throw new errors.ForbiddenError('This preview link is not valid or has expired');
    ctx.set('Cache-Control', DRAFT_CACHE_CONTROL);
    ctx.set('Referrer-Policy', 'no-referrer');
    const article = await getService(strapi, 'render').findByDocumentId(
      grant.documentId,
      'draft',
      grant.locale
    );
    if (!article) return ctx.notFound('Article not found');
    ctx.body = { data: article };
  },
});

export default previewController;
