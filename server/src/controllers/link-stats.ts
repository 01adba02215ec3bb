import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { LinkStats } from '#shared/contracts/admin';
import { clickThrough } from '#shared/baca-juga/click-through';
import { ARTICLE_UID, LINK_UID } from '../constants';
import type { RequestContext } from '../http/context';
import { getService } from '../utils/get-service';
import { assertOnlyParams, integer, parseDocumentId, single } from '../validation/params';

/** Readers' views and clicks per Baca Juga link of one story (admin route). */
const linkStatsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async findOne(ctx: RequestContext) {
    assertOnlyParams(ctx.query, ['days']);
    const documentId = parseDocumentId(ctx.params.documentId);
    const days = integer(single(ctx.query, 'days'), 'days', 1, 365, 30);
    const exists = await strapi.db
      .query(ARTICLE_UID)
      .findOne({ where: { documentId }, select: ['id'] });
    if (!exists) throw new errors.NotFoundError('documentId: no article with this documentId');
    // Readers click only published links.
    const links: { documentId: string }[] = await strapi.db.query(LINK_UID).findMany({
      where: { sourceArticle: { documentId }, publishedAt: { $notNull: true } },
      select: ['documentId'],
    });
    const ids = links.map((l) => l.documentId);
    const counts = await getService(strapi, 'readerEvents').counts(documentId, ids, days);
    const data: LinkStats = {
      days,
      views: counts.views,
      links: ids.map((link) => ({
        link,
        clicks: counts.links[link],
        clickThrough: clickThrough(counts.links[link].total, counts.views.total),
      })),
    };
    ctx.body = { data };
  },
});

export default linkStatsController;
