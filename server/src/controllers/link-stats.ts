import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { LinkStats, PositionTestStats } from '#shared/contracts/admin';
import { clickThrough } from '#shared/baca-juga/click-through';
import { readBody } from '#shared/baca-juga/paragraphs';
import { inPositionTest } from '#shared/baca-juga/position-test';
import { toDate } from '#shared/dates';
import { ARTICLE_UID, LINK_UID } from '../constants';
import type { RequestContext } from '../http/context';
import { firstWholeMinute, windowStart } from '../services/reader-events';
import { getService } from '../utils/get-service';
import { inLocale, requestLocale } from '../i18n/locale';
import { assertOnlyParams, integer, parseDocumentId, single } from '../validation/params';

interface PublishedLink {
  documentId: string;
  afterParagraphId: string;
  variantAfterParagraphId: string | null;
  variantSince: string | Date | null;
}

/** Readers' views and clicks per Baca Juga link of one story (admin route). */
const linkStatsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async findOne(ctx: RequestContext) {
    assertOnlyParams(ctx.query, ['days', 'locale']);
    const documentId = parseDocumentId(ctx.params.documentId);
    const days = integer(single(ctx.query, 'days'), 'days', 1, 365, 30);
    // Where stories are localized: one version's readers and links (the default one's if absent).
    const locale = await requestLocale(strapi, ctx.query);
    const here = inLocale(locale);
    const exists = await strapi.db
      .query(ARTICLE_UID)
      .findOne({ where: { documentId, ...here }, select: ['id'] });
    if (!exists) throw new errors.NotFoundError('documentId: no article with this documentId');
    // Readers click only published links, placed in the published story.
    const links: PublishedLink[] = await strapi.db.query(LINK_UID).findMany({
      where: { sourceArticle: { documentId }, publishedAt: { $notNull: true }, ...here },
      select: ['documentId', 'afterParagraphId', 'variantAfterParagraphId', 'variantSince'],
    });
    const ids = links.map((l) => l.documentId);
    const events = getService(strapi, 'readerEvents');
    const counts = await events.counts(documentId, ids, windowStart(days), locale);
    const story = await strapi.db.query(ARTICLE_UID).findOne({
      where: { documentId, publishedAt: { $notNull: true }, ...here },
      select: ['body'],
    });
    const paragraphIds = new Set(readBody(story?.body).map((p) => p.id));

    /** A test as readers get it, counted from the first whole minute after its slots were set. */
    const testOf = async (link: PublishedLink): Promise<PositionTestStats | null> => {
      if (!story || !inPositionTest(link, paragraphIds)) return null;
      const started = toDate(link.variantSince) ?? new Date(`${windowStart(days)}T00:00:00.000Z`);
      const since = `${firstWholeMinute(started)}:00.000Z`;
      const own = await events.testCounts(documentId, link.documentId, started, locale);
      const clicks = own.links[link.documentId];
      return {
        since,
        slots: { a: link.afterParagraphId, b: link.variantAfterParagraphId! },
        views: { a: own.views.a, b: own.views.b },
        clicks: { a: clicks.a, b: clicks.b },
      };
    };

    const data: LinkStats = {
      days,
      views: counts.views,
      links: await Promise.all(
        links.map(async (link) => ({
          link: link.documentId,
          clicks: counts.links[link.documentId],
          clickThrough: clickThrough(counts.links[link.documentId].total, counts.views.total),
          test: await testOf(link),
        }))
      ),
    };
    ctx.body = { data };
  },
});

export default linkStatsController;
