import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ResendInvalidationResponse } from '#shared/contracts/admin';
import type { RequestContext } from '../http/context';
import { getService } from '../utils/get-service';
import { assertOnlyParams, parseDocumentId } from '../validation/params';

/** "Send purge again" (admin route of the Baca Juga manager). */
const invalidations = ({ strapi }: { strapi: Core.Strapi }) => ({
  async resend(ctx: RequestContext) {
    assertOnlyParams(ctx.query, []);
    const documentId = parseDocumentId(ctx.params.documentId);
    const sent = await getService(strapi, 'invalidations').resend(documentId);
    if (!sent) throw new errors.NotFoundError('documentId: no such article');
    const body: ResendInvalidationResponse = { data: sent };
    ctx.body = body;
  },
});

export default invalidations;
