import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import { assertOnlyParams, parseDocumentId } from '../validation/params';
import { requestLocale } from '../i18n/locale';
import type { RequestContext } from '../http/context';

/** `GET /newsroom/articles/:documentId/history?locale=`: who changed the placement, newest first. */
const placementHistory = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: RequestContext) {
    assertOnlyParams(ctx.query, ['locale']);
    const documentId = parseDocumentId(ctx.params.documentId);
    const locale = await requestLocale(strapi, ctx.query);
    const body = await getService(strapi, 'placementHistory').read(documentId, locale);
    if (!body) throw new errors.NotFoundError('documentId: no article with this documentId');
    ctx.body = body;
  },
});

export default placementHistory;
