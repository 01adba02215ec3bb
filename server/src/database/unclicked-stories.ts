import type { Core } from '@strapi/strapi';
import type { UnclickedStory } from '#shared/contracts/admin';
import { UNCLICKED_DAYS, UNCLICKED_MIN_VIEWS } from '#shared/baca-juga/click-through';
import { ARTICLE_UID, LINK_UID } from '../constants';
import { windowStart } from '../services/reader-events';
import { getService } from '../utils/get-service';
import { defaultLocale, inLocale } from '../i18n/locale';

/** Stories read enough to judge; more are never listed (the report shows 100). */
const CANDIDATES = 1_000;
const LISTED = 100;

/**
 * Published stories readers viewed at least `UNCLICKED_MIN_VIEWS` times over the last
 * `UNCLICKED_DAYS` days whose published Baca Juga links got no click in that time, most viewed
 * first. Stories without links are the orphans queue's business, not this list's.
 */
export const unclickedStories = async (
  strapi: Core.Strapi,
  now = Date.now()
): Promise<UnclickedStory[]> => {
  const events = getService(strapi, 'readerEvents');
  const since = windowStart(UNCLICKED_DAYS, now);
  const viewed = await events.mostViewed(since, UNCLICKED_MIN_VIEWS, CANDIDATES);
  if (viewed.length === 0) return [];
  const ids = viewed.map((v) => v.article);
  // The default locale's versions where stories are localized (their views are `mostViewed`'s).
  const here = inLocale(await defaultLocale(strapi));
  const [articles, links] = await Promise.all([
    strapi.db.query(ARTICLE_UID).findMany({
      where: { documentId: { $in: ids }, publishedAt: { $notNull: true }, ...here },
      select: ['documentId', 'title', 'slug'],
    }) as Promise<{ documentId: string; title: string; slug: string }[]>,
    // A published link row's relation may name either row of its article: match by documentId.
    strapi.db.query(LINK_UID).findMany({
      where: {
        publishedAt: { $notNull: true },
        sourceArticle: { documentId: { $in: ids } },
        ...here,
      },
      select: ['documentId'],
      populate: { sourceArticle: { select: ['documentId'] } },
    }) as Promise<{ documentId: string; sourceArticle: { documentId: string } | null }[]>,
  ]);
  const clicked = await events.clicked(
    since,
    links.map((l) => l.documentId)
  );
  const linksOf = new Map<string, string[]>();
  for (const link of links) {
    const article = link.sourceArticle?.documentId;
    if (article) linksOf.set(article, [...(linksOf.get(article) ?? []), link.documentId]);
  }
  const live = new Map(articles.map((a) => [a.documentId, a]));
  return viewed
    .flatMap(({ article, views }): UnclickedStory[] => {
      const story = live.get(article);
      const own = [...new Set(linksOf.get(article) ?? [])];
      if (!story || own.length === 0 || own.some((id) => clicked.has(id))) return [];
      return [
        { documentId: article, title: story.title, slug: story.slug, views, links: own.length },
      ];
    })
    .slice(0, LISTED);
};
