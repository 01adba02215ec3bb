import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { answerConflict } from '../http/conflict';
import type { RequestContext } from '../http/context';
import { VersionConflictError } from '../utils/content-version';
import { getService } from '../utils/get-service';
import { assertOnlyParams, parseDocumentId } from '../validation/params';
import { requestLocale } from '../i18n/locale';

/** An editor's decision on a quote's speaker (admin route of the Baca Juga manager). */
const quoteSpeaker = ({ strapi }: { strapi: Core.Strapi }) => ({
  async decide(ctx: RequestContext) {
    assertOnlyParams(ctx.query, ['locale']);
    const documentId = parseDocumentId(ctx.params.documentId);
    const quoteId = parseDocumentId(ctx.params.quoteId, 'quoteId');
    // The version whose quote it is, where stories are localized (the default one if absent).
    const locale = await requestLocale(strapi, ctx.query, 'default', { write: true });
    try {
      const decided = await getService(strapi, 'quoteSpeaker').decide(
        documentId,
        quoteId,
        ctx.request.body,
        ctx.state.user?.id,
        locale
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
