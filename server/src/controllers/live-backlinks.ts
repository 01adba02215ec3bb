import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE_UID } from '../constants';
import type { RequestContext } from '../http/context';
import { inLocale, requestLocale } from '../i18n/locale';
import { getService } from '../utils/get-service';
import {
  assertOnlyParams,
  integer,
  paramError,
  parseDocumentId,
  single,
} from '../validation/params';

/** Days of readers an unpublish confirmation counts by default: the last week. */
const DEFAULT_DAYS = 7;

/** What an unpublish or a delete of a story takes from readers (admin route). */
const liveBacklinksController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async findOne(ctx: RequestContext) {
    assertOnlyParams(ctx.query, ['days', 'locale', 'scope']);
    const documentId = parseDocumentId(ctx.params.documentId);
    const days = integer(single(ctx.query, 'days'), 'days', 1, 365, DEFAULT_DAYS);
    const scope = single(ctx.query, 'scope') ?? 'version';
    if (scope !== 'version' && scope !== 'document')
      paramError('scope', 'must be "version" or "document"');
    // A delete takes every locale's version: their backlinks all count.
    if (scope === 'document' && single(ctx.query, 'locale') !== undefined)
      paramError('locale', 'a document scope covers every locale');
    const locale = scope === 'document' ? null : await requestLocale(strapi, ctx.query);
    const exists = await strapi.db
      .query(ARTICLE_UID)
      .findOne({ where: { documentId, ...inLocale(locale) }, select: ['id'] });
    if (!exists) throw new errors.NotFoundError('documentId: no article with this documentId');
    ctx.body = { data: await getService(strapi, 'liveBacklinks').find(documentId, locale, days) };
  },
});

export default liveBacklinksController;
