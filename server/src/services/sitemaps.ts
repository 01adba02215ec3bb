import type { Core } from '@strapi/strapi';
import type { NewsroomConfig } from '../config';
import { ARTICLE_UID, PLUGIN_ID } from '../constants';
import { toDate } from '#shared/dates';
import { articleHref } from '../utils/href';
import {
  MAX_NEWS_URLS,
  MAX_URLS_PER_SITEMAP,
  NEWS_WINDOW_MS,
  newsUrlset,
  sitemapIndex,
  urlset,
} from '../sitemaps/xml';

/** What a sitemap needs that the app's config may lack; the route names it in its 404. */
export class SitemapNotConfiguredError extends Error {
  constructor(readonly config: 'siteUrl' | 'sitemaps.publicationName') {
    super(`sitemaps need the plugin's ${config} config`);
  }
}

/**
 * Sitemaps of the published stories for search engines: a Google News sitemap of the last two
 * days, and every published story in pages of 50,000 under a sitemap index. Only published
 * rows are read, and never a placeholder (none can be published, see the invariants; the
 * filter says so again). URLs are the site's own: `siteUrl` + `hrefPattern`.
 */
const createSitemapsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig;
  const siteUrl = () => {
    const { siteUrl: origin } = config();
    if (!origin) throw new SitemapNotConfiguredError('siteUrl');
    return origin;
  };
  const loc = (origin: string, slug: string) => origin + articleHref(config().hrefPattern, slug);
  const live = (extra: Record<string, unknown> = {}) => ({
    publishedAt: { $notNull: true },
    $and: [{ $or: [{ placeholder: false }, { placeholder: null }] }, extra],
  });
  const articles = () => strapi.db.query(ARTICLE_UID);

  return {
    /**
     * Stories first published in the 48 hours before `now`, newest first, at most 1,000. The
     * publication date is the story's first publication (a correction republished later
     * does not make an old story news again).
     */
    async news(now: number): Promise<string> {
      const origin = siteUrl();
      const { sitemaps } = config();
      if (!sitemaps.publicationName)
        throw new SitemapNotConfiguredError('sitemaps.publicationName');
      const since = new Date(now - NEWS_WINDOW_MS);
      const rows: {
        slug: string;
        title: string;
        everPublishedAt: unknown;
        publishedAt: unknown;
      }[] = await articles().findMany({
        where: live({
          $or: [
            { everPublishedAt: { $gte: since } },
            { everPublishedAt: null, publishedAt: { $gte: since } },
          ],
        }),
        select: ['slug', 'title', 'everPublishedAt', 'publishedAt'],
        orderBy: [{ everPublishedAt: 'desc' }, { id: 'desc' }],
        limit: MAX_NEWS_URLS,
      });
      return newsUrlset(
        { name: sitemaps.publicationName, language: sitemaps.language },
        rows.map((row) => ({
          loc: loc(origin, row.slug),
          title: row.title,
          publishedAt: toDate(row.everPublishedAt) ?? toDate(row.publishedAt) ?? new Date(now),
        }))
      );
    },

    /** The index of the article sitemaps: one per 50,000 published stories. */
    async index(): Promise<string> {
      const origin = siteUrl();
      const total = Number(await articles().count({ where: live() }));
      const pages = Math.max(1, Math.ceil(total / MAX_URLS_PER_SITEMAP));
      const base = origin + config().sitemaps.publicPath;
      return sitemapIndex(
        Array.from({ length: pages }, (_, i) => ({
          loc: `${base}/articles-${i + 1}.xml`,
          lastmod: null,
        }))
      );
    },

    /** Page `page` (1-based) of every published story, oldest first; null past the last page. */
    async articles(page: number): Promise<string | null> {
      const origin = siteUrl();
      const rows: { slug: string; updatedAt: unknown }[] = await articles().findMany({
        where: live(),
        select: ['slug', 'updatedAt'],
        orderBy: { id: 'asc' },
        offset: (page - 1) * MAX_URLS_PER_SITEMAP,
        limit: MAX_URLS_PER_SITEMAP,
      });
      // Page 1 always exists (the index lists it), even before the first story is published.
      if (rows.length === 0 && page > 1) return null;
      return urlset(
        rows.map((row) => ({ loc: loc(origin, row.slug), lastmod: toDate(row.updatedAt) }))
      );
    },
  };
};

export type SitemapsService = ReturnType<typeof createSitemapsService>;
export default createSitemapsService;
