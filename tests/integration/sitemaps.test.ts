/**
 * Sitemaps for search engines: a Google News sitemap of the last 48 hours and every published
 * story in paged article sitemaps under an index. Drafts and placeholders never appear, text
 * is escaped, answers carry ETags and the configured Cache-Control, and each document is valid
 * against the sitemap schemas (libxml2's validator, see tests/fixtures/sitemaps/README.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { DB, startStrapi, type TestApp } from './helpers/strapi';
import { ARTICLE, newsroom } from './helpers/newsroom';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'sitemaps');
// The package exports only its code; its schema folder sits beside its package.json.
const SITEMAP_XSD = path.join(
  path.dirname(require.resolve('sitemap')).replace(/[\\/]dist[\\/]cjs$/, ''),
  'schema',
  'sitemap.xsd'
);
const file = (fileName: string, at: string) => ({
  fileName,
  contents: fs.readFileSync(at, 'utf8'),
});

/** Problems libxml2 finds validating `xml` against `schema` (with the files it imports). */
const schemaErrors = async (xml: string, schema: 'urlset' | 'news' | 'index') => {
  const schemas = {
    urlset: { main: file('sitemap.xsd', SITEMAP_XSD), preload: [] },
    news: {
      main: file('news-urlset.xsd', path.join(FIXTURES, 'news-urlset.xsd')),
      preload: [
        file('sitemap.xsd', SITEMAP_XSD),
        file('sitemap-news.xsd', path.join(FIXTURES, 'sitemap-news.xsd')),
      ],
    },
    index: { main: file('siteindex.xsd', path.join(FIXTURES, 'siteindex.xsd')), preload: [] },
  }[schema];
  const result = await validateXML({
    xml: [{ fileName: 'sitemap.xml', contents: xml }],
    schema: [schemas.main],
    preload: schemas.preload,
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
};

const SITE = 'https://www.contoh.id';
const PUBLICATION = 'Warta & "Kabar" <Contoh>';
const HOUR = 3600 * 1000;

describe(`sitemaps (${DB})`, () => {
  let app: TestApp;
  const config = () => app.strapi.config.get('plugin::newsroom') as any;
  const get = (name: string, headers: Record<string, string> = {}) =>
    app.request(`/api/newsroom/sitemaps/${name}`, { headers });
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
  const published = async () =>
    (await app.strapi.db.query(ARTICLE).findMany({
      where: { publishedAt: { $notNull: true } },
      select: ['slug', 'placeholder'],
    })) as { slug: string; placeholder: boolean | null }[];

  let fresh: { slug: string; documentId: string };
  let old: { slug: string };
  let draft: { slug: string };

  beforeAll(async () => {
    app = await startStrapi();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('answers 404 naming the setting while the site URL or the publication name is missing', async () => {
    for (const name of ['news.xml', 'index.xml', 'articles-1.xml']) {
      const res = await get(name);
      expect(res.status).toBe(404);
      expect(res.body.error.details).toEqual({ config: 'siteUrl' });
    }
    config().siteUrl = SITE;
    const news = await get('news.xml');
    expect(news.status).toBe(404);
    expect(news.body.error.details).toEqual({ config: 'sitemaps.publicationName' });
    config().sitemaps.publicationName = PUBLICATION;
  });

  it('lists the stories first published in the last 48 hours in a valid Google News sitemap', async () => {
    fresh = await newsroom(app.strapi).createArticle({
      title: 'Kim & Putin: "Pakta" <Baru> Berlaku',
    });
    old = await newsroom(app.strapi).createArticle({ title: 'Berita Tiga Hari Lalu' });
    // First published three days ago, republished now (a correction): not news any more.
    await app.strapi.db.query(ARTICLE).updateMany({
      where: { slug: old.slug },
      data: { everPublishedAt: new Date(Date.now() - 72 * HOUR) },
    });
    draft = await newsroom(app.strapi).createArticle({
      title: 'Draf Belum Terbit',
      publish: false,
    });

    const res = await get('news.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe(config().cacheControl);
    expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{16,}"$/);
    const xml: string = res.body;
    expect(await schemaErrors(xml, 'news')).toEqual([]);
    // The validator does refuse what breaks the schema (a renamed element, a bad date).
    expect(await schemaErrors(xml.replace(/news:title/g, 'news:headline'), 'news')).not.toEqual([]);
    expect(
      await schemaErrors(
        xml.replace(/<news:publication_date>[^<]*/, '<news:publication_date>kemarin'),
        'news'
      )
    ).not.toEqual([]);

    const listed = locs(xml);
    expect(listed).toContain(`${SITE}/berita/${fresh.slug}`);
    expect(listed).toContain(
      `${SITE}/berita/korea-utara-sahkan-perjanjian-pertahanan-dengan-rusia`
    );
    expect(listed).not.toContain(`${SITE}/berita/${old.slug}`);
    expect(listed).not.toContain(`${SITE}/berita/${draft.slug}`);
    // Newest first: the story just published leads.
    expect(listed[0]).toBe(`${SITE}/berita/${fresh.slug}`);
    // Text escaped, never raw markup.
    expect(xml).toContain(
      '<news:title>Kim &amp; Putin: &quot;Pakta&quot; &lt;Baru&gt; Berlaku</news:title>'
    );
    expect(xml).toContain('<news:name>Warta &amp; &quot;Kabar&quot; &lt;Contoh&gt;</news:name>');
    expect(xml).toContain('<news:language>id</news:language>');
  });

  it('never lists a placeholder or a draft, in any sitemap', async () => {
    const placeholders = (await app.strapi.db.query(ARTICLE).findMany({
      where: { placeholder: true },
      select: ['slug'],
    })) as { slug: string }[];
    expect(placeholders.length).toBeGreaterThan(0);
    // Those can never be published, so the publishedAt filter alone keeps them out: a row
    // written past the rules (a restore, raw SQL) is published and flagged too.
    const flagged = await newsroom(app.strapi).createArticle({ title: 'Terbit Tapi Placeholder' });
    await app.strapi.db
      .query(ARTICLE)
      .updateMany({ where: { slug: flagged.slug }, data: { placeholder: true } });
    const all = [
      ...locs((await get('news.xml')).body),
      ...locs((await get('articles-1.xml')).body),
    ];
    for (const { slug } of [...placeholders, draft, flagged]) {
      expect(all).not.toContain(`${SITE}/berita/${slug}`);
    }
  });

  it('pages every published story under a valid sitemap index', async () => {
    const index = await get('index.xml');
    expect(index.status).toBe(200);
    expect(await schemaErrors(index.body, 'index')).toEqual([]);
    expect(locs(index.body)).toEqual([`${SITE}/api/newsroom/sitemaps/articles-1.xml`]);

    const page = await get('articles-1.xml');
    expect(page.status).toBe(200);
    expect(await schemaErrors(page.body, 'urlset')).toEqual([]);
    expect(
      await schemaErrors(page.body.replace(/<lastmod>[^<]*/, '<lastmod>kemarin'), 'urlset')
    ).not.toEqual([]);
    expect(
      await schemaErrors(
        index.body.replace('<sitemap>', '<sitemap><priority>1</priority>'),
        'index'
      )
    ).not.toEqual([]);
    const live = (await published()).filter((a) => a.placeholder !== true);
    expect(locs(page.body).sort()).toEqual(live.map((a) => `${SITE}/berita/${a.slug}`).sort());
    expect(locs(page.body)).toContain(`${SITE}/berita/${old.slug}`);
    expect(page.body).toMatch(/<lastmod>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/lastmod>/);

    expect((await get('articles-2.xml')).status).toBe(404);
    for (const bad of ['articles-0.xml', 'articles-01.xml', 'articles-x.xml']) {
      const res = await get(bad);
      expect([400, 404]).toContain(res.status);
    }
    expect((await get('articles-0.xml')).body.error.details).toEqual({ param: 'page' });
  });

  it('answers 304 to a matching If-None-Match, and a new ETag once a story is published', async () => {
    const first = await get('articles-1.xml');
    const etag = first.headers.get('etag')!;
    expect((await get('articles-1.xml', { 'if-none-match': etag })).status).toBe(304);
    const added = await newsroom(app.strapi).createArticle({ title: 'Satu Lagi yang Terbit' });
    const after = await get('articles-1.xml', { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(locs(after.body)).toContain(`${SITE}/berita/${added.slug}`);
  });

  it('follows an unpublish: the story leaves the sitemaps at once', async () => {
    await newsroom(app.strapi).unpublish(ARTICLE, fresh.documentId);
    expect(locs((await get('news.xml')).body)).not.toContain(`${SITE}/berita/${fresh.slug}`);
    expect(locs((await get('articles-1.xml')).body)).not.toContain(`${SITE}/berita/${fresh.slug}`);
  });
});
