import type { Core } from '@strapi/strapi';
import type { LiveBacklinks } from '#shared/contracts/admin';
import { ARTICLE_UID, LINK_UID } from '../constants';
import { articlesLocalized, inLocale } from '../i18n/locale';
import { windowStart } from './reader-events';
import { getService } from '../utils/get-service';

interface LinkRow {
  documentId: string;
  locale?: string | null;
  url?: string | null;
  sourceArticle?: { documentId: string } | null;
  targetArticle?: { documentId: string } | null;
}

/** A link's version: links, like their stories, have one per locale where stories are localized. */
const versionOf = (link: { documentId: string; locale?: string | null }) =>
  `${link.documentId}|${link.locale ?? ''}`;

/**
 * The live stories that carry a Baca Juga link to one story, and how often readers opened
 * them lately: what an unpublish or a delete of that story takes from readers, and, while it
 * is down, what waits for it. The content manager's confirmation and the side panel read it.
 *
 * "Carry" is read from the published links. A published link to a story that is live points
 * at it. Once the story is unpublished, Strapi drops that relation from the published link
 * (readers get the link held back); so, where this story is not live, a published link with
 * neither target nor URL whose draft points here is one waiting for it.
 */
const createLiveBacklinksService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * `locale`: one version's backlinks (null: every locale's, for a delete, which takes every
   * version; or a newsroom without i18n). `days`: the window of the reader counts.
   */
  async find(documentId: string, locale: string | null, days: number): Promise<LiveBacklinks> {
    const here = inLocale(locale);
    const withLocale = articlesLocalized(strapi) ? ['locale'] : [];
    const links = strapi.db.query(LINK_UID);
    const [liveRows, toHere, draftsToHere]: [LinkRow[], LinkRow[], LinkRow[]] = await Promise.all([
      strapi.db.query(ARTICLE_UID).findMany({
        where: { documentId, publishedAt: { $notNull: true }, ...here },
        select: ['documentId', ...withLocale],
      }),
      links.findMany({
        where: { targetArticle: { documentId }, publishedAt: { $notNull: true }, ...here },
        select: ['documentId', ...withLocale],
        populate: { sourceArticle: { select: ['documentId'] } },
      }),
      links.findMany({
        where: { targetArticle: { documentId }, publishedAt: null, ...here },
        select: ['documentId', ...withLocale],
      }),
    ]);
    // Only where this story is down does a link wait for it (elsewhere, one without a target
    // waits for a story of its published version, not this one).
    const liveIn = new Set(liveRows.map((row) => row.locale ?? ''));
    const waitsHere = new Set(
      draftsToHere.filter((l) => !liveIn.has(l.locale ?? '')).map(versionOf)
    );
    const waiting: LinkRow[] = waitsHere.size
      ? await links.findMany({
          where: {
            documentId: { $in: [...new Set(draftsToHere.map((l) => l.documentId))] },
            publishedAt: { $notNull: true },
            ...here,
          },
          select: ['documentId', 'url', ...withLocale],
          populate: {
            sourceArticle: { select: ['documentId'] },
            targetArticle: { select: ['documentId'] },
          },
        })
      : [];
    const carrying = [
      ...toHere,
      ...waiting.filter((l) => waitsHere.has(versionOf(l)) && !l.targetArticle && !l.url),
    ];

    // The live versions that carry them, per locale: a delete counts each language's readers
    // of the version that links here, not of its other versions.
    const sourcesByLocale = new Map<string | null, Set<string>>();
    for (const link of carrying) {
      // The story's own versions linking to each other are not other stories' links to it.
      if (!link.sourceArticle || link.sourceArticle.documentId === documentId) continue;
      const key = locale ?? link.locale ?? null;
      const ids = sourcesByLocale.get(key) ?? new Set<string>();
      ids.add(link.sourceArticle.documentId);
      sourcesByLocale.set(key, ids);
    }
    const since = windowStart(days);
    const stories = new Map<string, LiveBacklinks['stories'][number]>();
    for (const [version, ids] of sourcesByLocale) {
      const [sources, views]: [
        { documentId: string; title: string | null; slug: string }[],
        Map<string, number>,
      ] = await Promise.all([
        strapi.db.query(ARTICLE_UID).findMany({
          where: {
            documentId: { $in: [...ids] },
            publishedAt: { $notNull: true },
            ...inLocale(version),
          },
          select: ['documentId', 'title', 'slug'],
        }),
        getService(strapi, 'readerEvents').viewsOf([...ids], since, version),
      ]);
      for (const source of sources) {
        const seen = stories.get(source.documentId);
        const read = views.get(source.documentId) ?? 0;
        if (seen) seen.views += read;
        else {
          stories.set(source.documentId, {
            documentId: source.documentId,
            title: source.title ?? '',
            slug: source.slug,
            views: read,
          });
        }
      }
    }
    const listed = [...stories.values()].sort(
      (a, b) => a.title.localeCompare(b.title) || (a.documentId < b.documentId ? -1 : 1)
    );
    return {
      days,
      live: liveRows.length > 0,
      stories: listed,
      views: listed.reduce((sum, s) => sum + s.views, 0),
    };
  },
});

export default createLiveBacklinksService;
