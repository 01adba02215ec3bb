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
const ARTICLE_TABLE = 'newsroom_articles';

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

  it('stays well-formed and schema-valid with hostile titles, and lists none of the drafts', async () => {
    const knex = app.strapi.db.connection;
    const hostile: [string, string][] = [
      ['metacharacters', `Tom & Jerry <b>"kutip"</b> 'tunggal' & <`],
      ['CDATA', 'Akhir CDATA ]]> di sini <![CDATA[ x ]]>'],
      ['control characters', 'Kontrol \u0001\u0008\u000b\u000c\u001b\u001f\u007f\u0085 akhir'],
      ['lone surrogates', 'Sur \ud800 dan \udfff, bukan karakter \ufffe\uffff akhir'],
      [
        'RTL marks',
        '\u202eRTL\u202c \u200f\u0645\u0631\u062d\u0628\u0627\u200e \u2067isolasi\u2069',
      ],
      ['emoji', 'Emoji 🔥👨‍👩‍👧‍👦🇮🇩 di judul'],
      ['2,000 characters', `Panjang ${'abcdefghij'.repeat(199)}`],
      [
        '</url> injection',
        '</news:title></news:news></url><url><loc>https://evil.example/</loc></url>',
      ],
      ['whitespace only', '\u00a0\u2003\u200b\t\n\u3000 '],
      ['NUL', 'NUL \u0000 di tengah'],
      ['entities', '&amp; &#0; &#x1F; &lt;&#xD800; &nbsp;'],
    ];
    /**
     * The story with the hostile title as stored: through the Document Service where the rules
     * let it in, else written past them (raw SQL, as a restore or an older version holds it).
     * What the database cannot store at all (NUL and past 255 characters on PostgreSQL) is
     * stored as far as it can be.
     */
    const withTitle = async (title: string, n: number, publish: boolean) => {
      const story = await newsroom(app.strapi)
        .createArticle({ title, publish })
        .catch(() =>
          newsroom(app.strapi).createArticle({ title: `Judul Sementara ${n}`, publish })
        );
      if (story.title !== title) {
        const rows = knex(ARTICLE_TABLE).where('document_id', story.documentId);
        await rows
          .clone()
          .update({ title })
          .catch(() =>
            rows.clone().update({ title: title.split('\u0000').join('').slice(0, 255) })
          );
      }
      return story as { slug: string; documentId: string };
    };
    const live = [];
    for (const [i, [, title]] of hostile.entries()) live.push(await withTitle(title, i, true));
    const drafts = [];
    for (const [i, [, title]] of hostile.slice(0, 3).concat(hostile.slice(7, 9)).entries()) {
      drafts.push(await withTitle(title, 100 + i, false));
    }
    // Raw writes pass no publish: instances serve the sitemaps from their caches until this.
    await knex('newsroom_freshness').where({ id: 1 }).increment('generation', 1);

    const news = await get('news.xml');
    const index = await get('index.xml');
    const page = await get('articles-1.xml');
    for (const res of [news, index, page]) expect(res.status).toBe(200);
    // libxml2 reads the file first: a schema-valid document is a well-formed one.
    expect(await schemaErrors(news.body, 'news')).toEqual([]);
    expect(await schemaErrors(index.body, 'index')).toEqual([]);
    expect(await schemaErrors(page.body, 'urlset')).toEqual([]);

    for (const xml of [news.body as string, page.body as string]) {
      const listed = locs(xml);
      expect(listed).not.toContain('https://evil.example/');
      // One entry per story: no title opened or closed one of its own.
      expect((xml.match(/<url>/g) ?? []).length).toBe(listed.length);
      for (const { slug } of live) expect(listed).toContain(`${SITE}/berita/${slug}`);
      for (const { slug } of drafts) expect(listed).not.toContain(`${SITE}/berita/${slug}`);
    }
    expect((news.body.match(/<news:title>/g) ?? []).length).toBe(locs(news.body).length);
    expect(news.body).toContain(
      '<news:title>Tom &amp; Jerry &lt;b&gt;&quot;kutip&quot;&lt;/b&gt; &apos;tunggal&apos; &amp; &lt;</news:title>'
    );
    expect(news.body).toContain('<news:title>&amp;amp; &amp;#0; &amp;#x1F;');
    expect(news.body).toContain('Emoji 🔥👨‍👩‍👧‍👦🇮🇩 di judul');
  });

  it('follows an unpublish: the story leaves the sitemaps at once', async () => {
    await newsroom(app.strapi).unpublish(ARTICLE, fresh.documentId);
    expect(locs((await get('news.xml')).body)).not.toContain(`${SITE}/berita/${fresh.slug}`);
    expect(locs((await get('articles-1.xml')).body)).not.toContain(`${SITE}/berita/${fresh.slug}`);
  });
});
