import type { Core } from '@strapi/strapi';
import type { LiveBacklinks } from '#shared/contracts/admin';
import { ARTICLE_UID, LINK_UID } from '../constants';
import { inLocale } from '../i18n/locale';
import { windowStart } from './reader-events';
import { getService } from '../utils/get-service';

interface LinkRow {
  documentId: string;
  locale?: string;
  sourceArticle?: { documentId: string } | null;
  targetArticle?: { documentId: string } | null;
}

/**
 * The live stories that carry a Baca Juga link to one story, and how often readers opened
 * them lately: what an unpublish or a delete of that story takes from readers, and, while it
 * is down, what waits for it. The content manager's confirmation and the side panel read it.
 *
 * "Carry" is read from the published links. A published link to a story that is live points
 * at it; once the story is unpublished, Strapi drops that relation from the published link
 * (readers get the link held back), so a published link with no target whose draft points
 * here is one waiting for this story.
 */
const createLiveBacklinksService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * `locale`: one version's backlinks (null: every locale's, for a delete, which takes every
   * version; or a newsroom without i18n). `days`: the window of the reader counts.
   */
  async find(documentId: string, locale: string | null, days: number): Promise<LiveBacklinks> {
    const here = inLocale(locale);
    const links = strapi.db.query(LINK_UID);
    const [live, toHere, draftsToHere]: [unknown, LinkRow[], LinkRow[]] = await Promise.all([
      strapi.db.query(ARTICLE_UID).findOne({
        where: { documentId, publishedAt: { $notNull: true }, ...here },
        select: ['id'],
      }),
      links.findMany({
        where: { targetArticle: { documentId }, publishedAt: { $notNull: true }, ...here },
        select: ['documentId', ...(locale === null ? ['locale'] : [])],
        populate: { sourceArticle: { select: ['documentId'] } },
      }),
      links.findMany({
        where: { targetArticle: { documentId }, publishedAt: null, ...here },
        select: ['documentId'],
      }),
    ]);
    // Published links whose draft points here and whose target Strapi dropped: waiting for it.
    const waiting: LinkRow[] = draftsToHere.length
      ? await links.findMany({
          where: {
            documentId: { $in: draftsToHere.map((l) => l.documentId) },
            publishedAt: { $notNull: true },
            ...here,
          },
          select: ['documentId'],
          populate: {
            sourceArticle: { select: ['documentId'] },
            targetArticle: { select: ['documentId'] },
          },
        })
      : [];
    const sourceIds = new Set<string>();
    for (const link of [...toHere, ...waiting.filter((l) => !l.targetArticle)]) {
      if (link.sourceArticle) sourceIds.add(link.sourceArticle.documentId);
    }
    // The story's own versions linking to each other are not readers' links to it elsewhere.
    sourceIds.delete(documentId);
    const sources: { documentId: string; title: string | null; slug: string }[] = sourceIds.size
      ? await strapi.db.query(ARTICLE_UID).findMany({
          where: { documentId: { $in: [...sourceIds] }, publishedAt: { $notNull: true }, ...here },
          select: ['documentId', 'title', 'slug'],
          orderBy: [{ title: 'asc' }, { documentId: 'asc' }],
        })
      : [];
    // A story live in several locales (a delete's count) is one story, read in each language.
    const unique = [...new Map(sources.map((s) => [s.documentId, s])).values()];
    const views = await getService(strapi, 'readerEvents').viewsOf(
      unique.map((s) => s.documentId),
      windowStart(days),
      locale
    );
    const stories = unique.map((s) => ({
      documentId: s.documentId,
      title: s.title ?? '',
      slug: s.slug,
      views: views.get(s.documentId) ?? 0,
    }));
    return {
      days,
      live: live !== null,
      stories,
      views: stories.reduce((sum, s) => sum + s.views, 0),
    };
  },
});

export default createLiveBacklinksService;
