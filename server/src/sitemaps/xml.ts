/**
 * Sitemap XML, built as text: the documents are flat and small enough that a writer library
 * would add nothing but a dependency. Every value goes through `escapeXml`.
 */

export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
export const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

/** The sitemap protocol's limit of URLs per file (and of sitemaps per index). */
export const MAX_URLS_PER_SITEMAP = 50_000;
/** Google News reads at most this many URLs from one news sitemap. */
export const MAX_NEWS_URLS = 1_000;
/** Google News takes articles published in the last two days. */
export const NEWS_WINDOW_MS = 48 * 3600 * 1000;

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Escapes text for XML content and attributes, and drops characters XML 1.0 cannot carry at
 * all (control characters other than tab and newlines, lone surrogates), which would make the
 * whole file unreadable to a crawler.
 */
export const escapeXml = (text: string): string =>
  text
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);

/** W3C datetime in UTC, as the protocol asks for `lastmod` and `publication_date`. */
export const w3cDate = (value: Date): string => value.toISOString().replace(/\.\d{3}Z$/, 'Z');

const document = (root: string, ns: string, entries: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<${root} ${ns}>\n${entries.join('')}</${root}>\n`;

export const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/** A version of the page in one language (`xhtml:link rel="alternate"`), for hreflang. */
export interface Alternate {
  hreflang: string;
  href: string;
}

export interface SitemapUrl {
  loc: string;
  lastmod: Date | null;
  /**
   * Where stories are localized and this one has translations: every language's version,
   * this one included (search engines want each page to name itself among them).
   */
  alternates?: Alternate[];
}

/** One `<url>` or `<sitemap>` entry: the two share their fields (`loc`, optional `lastmod`). */
const entry = (tag: 'url' | 'sitemap', { loc, lastmod, alternates = [] }: SitemapUrl) =>
  `  <${tag}>\n    <loc>${escapeXml(loc)}</loc>\n` +
  (lastmod ? `    <lastmod>${w3cDate(lastmod)}</lastmod>\n` : '') +
  alternates
    .map(
      (a) =>
        `    <xhtml:link rel="alternate" hreflang="${escapeXml(a.hreflang)}" href="${escapeXml(a.href)}"/>\n`
    )
    .join('') +
  `  </${tag}>\n`;

export const urlset = (urls: SitemapUrl[]): string =>
  document(
    'urlset',
    `xmlns="${SITEMAP_NS}"` +
      (urls.some((u) => u.alternates?.length) ? ` xmlns:xhtml="${XHTML_NS}"` : ''),
    urls.map((u) => entry('url', u))
  );

export const sitemapIndex = (sitemaps: SitemapUrl[]): string =>
  document(
    'sitemapindex',
    `xmlns="${SITEMAP_NS}"`,
    sitemaps.map((s) => entry('sitemap', s))
  );

export interface NewsUrl {
  loc: string;
  title: string;
  publishedAt: Date;
}

export const newsUrlset = (
  publication: { name: string; language: string },
  urls: NewsUrl[]
): string =>
  document(
    'urlset',
    `xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}"`,
    urls.map(
      (u) =>
        `  <url>\n    <loc>${escapeXml(u.loc)}</loc>\n    <news:news>\n` +
        `      <news:publication>\n        <news:name>${escapeXml(publication.name)}</news:name>\n` +
        `        <news:language>${escapeXml(publication.language)}</news:language>\n` +
        `      </news:publication>\n` +
        `      <news:publication_date>${w3cDate(u.publishedAt)}</news:publication_date>\n` +
        `      <news:title>${escapeXml(u.title)}</news:title>\n    </news:news>\n  </url>\n`
    )
  );
