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
  type Alternate,
} from '../sitemaps/xml';

/**
 * A locale's `news:language`: Google News takes ISO 639 codes ("id", "en"), and "zh-cn" or
 * "zh-tw" for Chinese; null (the configured language) where stories are not localized.
 */
const newsLanguage = (locale: string | null): string | null => {
  if (locale === null) return null;
  const lower = locale.toLowerCase();
  if (lower === 'zh-hans' || lower.startsWith('zh-cn') || lower.startsWith('zh-hans-'))
    return 'zh-cn';
  if (lower === 'zh-hant' || lower.startsWith('zh-tw') || lower.startsWith('zh-hant-'))
    return 'zh-tw';
  return lower.split('-')[0];
};

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
  /** One locale's rows where stories are localized (`locale` null: not localized). */
  const only = (locale: string | null) => (locale === null ? {} : { locale });

  /**
   * Where stories are localized: each story's published versions by locale, for the
   * hreflang alternates of a page of sitemap rows. Nothing for a story in one language only.
   */
  const alternatesOf = async (origin: string, documentIds: string[]) => {
    const byDocument = new Map<string, Alternate[]>();
    if (documentIds.length === 0) return byDocument;
    const rows: { documentId: string; locale: string; slug: string }[] = await articles().findMany({
      where: live({ documentId: { $in: documentIds } }),
      select: ['documentId', 'locale', 'slug'],
      orderBy: [{ locale: 'asc' }],
    });
    for (const row of rows) {
      const list = byDocument.get(row.documentId) ?? [];
      list.push({ hreflang: row.locale, href: loc(origin, row.slug) });
      byDocument.set(row.documentId, list);
    }
    for (const [id, list] of byDocument) if (list.length < 2) byDocument.delete(id);
    return byDocument;
  };

  return {
    /**
     * Stories first published in the 48 hours before `now`, newest first, at most 1,000. The
     * publication date is the story's first publication (a correction republished later
     * does not make an old story news again).
     */
    async news(now: number, locale: string | null = null): Promise<string> {
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
          ...only(locale),
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
        // Each locale's news sitemap gives its own publication language.
        { name: sitemaps.publicationName, language: newsLanguage(locale) ?? sitemaps.language },
        rows.map((row) => ({
          loc: loc(origin, row.slug),
          title: row.title,
          publishedAt: toDate(row.everPublishedAt) ?? toDate(row.publishedAt) ?? new Date(now),
        }))
      );
    },

    /**
     * The index of the article sitemaps: one per 50,000 published stories. Where stories are
     * localized, each locale's pages (`?locale=`), of every locale in `locales` (the app's, or
     * the one asked for).
     */
    async index(locales: string[] | null = null): Promise<string> {
      const origin = siteUrl();
      const base = origin + config().sitemaps.publicPath;
      const entries = [];
      for (const locale of locales ?? [null]) {
        const total = Number(await articles().count({ where: live(only(locale)) }));
        const pages = Math.max(1, Math.ceil(total / MAX_URLS_PER_SITEMAP));
        const query = locale === null ? '' : `?locale=${encodeURIComponent(locale)}`;
        for (let i = 0; i < pages; i += 1) {
          entries.push({ loc: `${base}/articles-${i + 1}.xml${query}`, lastmod: null });
        }
      }
      return sitemapIndex(entries);
    },

    /** Page `page` (1-based) of every published story, oldest first; null past the last page. */
    async articles(page: number, locale: string | null = null): Promise<string | null> {
      const origin = siteUrl();
      const rows: { documentId: string; slug: string; updatedAt: unknown }[] =
        await articles().findMany({
          where: live(only(locale)),
          select: ['documentId', 'slug', 'updatedAt'],
          orderBy: { id: 'asc' },
          offset: (page - 1) * MAX_URLS_PER_SITEMAP,
          limit: MAX_URLS_PER_SITEMAP,
        });
      // Page 1 always exists (the index lists it), even before the first story is published.
      if (rows.length === 0 && page > 1) return null;
      const alternates =
        locale === null
          ? new Map()
          : await alternatesOf(
              origin,
              rows.map((r) => r.documentId)
            );
      return urlset(
        rows.map((row) => ({
          loc: loc(origin, row.slug),
          lastmod: toDate(row.updatedAt),
          ...(alternates.has(row.documentId) ? { alternates: alternates.get(row.documentId) } : {}),
        }))
      );
    },
  };
};

export type SitemapsService = ReturnType<typeof createSitemapsService>;
export default createSitemapsService;
