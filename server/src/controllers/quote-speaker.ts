import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { answerConflict } from '../http/conflict';
import type { RequestContext } from '../http/context';
import { VersionConflictError } from '../utils/content-version';
import { getService } from '../utils/get-service';
import { assertOnlyParams, parseDocumentId } from '../validation/params';

/** An editor's decision on a quote's speaker (admin route of the Baca Juga manager). */
const quoteSpeaker = ({ strapi }: { strapi: Core.Strapi }) => ({
  async decide(ctx: RequestContext) {
    assertOnlyParams(ctx.query, []);
    const documentId = parseDocumentId(ctx.params.documentId);
    const quoteId = parseDocumentId(ctx.params.quoteId, 'quoteId');
    try {
      const decided = await getService(strapi, 'quoteSpeaker').decide(
        documentId,
        quoteId,
        ctx.request.body,
        ctx.state.user?.id
      );
      if (!decided) throw new errors.NotFoundError('quoteId: this article has no such quote');
      ctx.body = { data: decided.quote, meta: { live: decided.live } };
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      answerConflict(ctx, error);
    }
  },
});

export default quoteSpeaker;
