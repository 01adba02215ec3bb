/**
 * The Preview button's link (services/preview, GET /api/newsroom/preview): the URL the
 * content manager opens for an Article, built from `hrefPattern` with a short-lived token for
 * that story's draft, and the route that trades the token for the draft, render-ready. The
 * token opens that draft only, never anything published differently, and nothing at all
 * once altered.
 */
import { DB, adminToken, adminWithActions, startStrapi, type TestApp } from './helpers/strapi';
import { ARTICLE, QUOTE, newsroom } from './helpers/newsroom';

describe(`Preview links (${DB})`, () => {
  let app: TestApp;
  let story: any;

  beforeAll(async () => {
    app = await startStrapi({ seed: false });
    const n = newsroom(app.strapi);
    story = await n.createArticle({ title: 'Judul Yang Terbit', paragraphs: ['Terbit.'] });
    await n.update(ARTICLE, story.documentId, {
      title: 'Judul Di Draf',
      body: [{ text: 'Paragraf draf yang belum terbit.' }],
    });
  });
  afterAll(async () => {
    await app?.stop();
  });

  const preview = () => app.strapi.plugin('newsroom').service('preview');
  const tokenOf = (url: string) => new URL(url).searchParams.get('preview');

  it("builds the story's address on the frontend, with a token for the draft", async () => {
    const url: string = await preview().url(
      ARTICLE,
      { documentId: story.documentId, status: 'draft' },
      { origin: 'https://www.example.id' }
    );
    expect(url).toMatch(
      /^https:\/\/www\.example\.id\/berita\/judul-yang-terbit\?preview=[\w-]+\.[\w-]+$/
    );
    const published: string = await preview().url(
      ARTICLE,
      { documentId: story.documentId, status: 'published' },
      { origin: 'https://www.example.id' }
    );
    expect(published).toBe('https://www.example.id/berita/judul-yang-terbit');
    // No preview for other types, nor without anywhere to open it.
    expect(
      await preview().url(QUOTE, { documentId: story.documentId }, { origin: 'x' })
    ).toBeNull();
    expect(await preview().url(ARTICLE, { documentId: story.documentId })).toBeNull();
  });

  it('trades the token for the draft, render-ready, never cached and sent with no referrer', async () => {
    const url: string = await preview().url(
      ARTICLE,
      { documentId: story.documentId, status: 'draft' },
      { origin: 'https://www.example.id' }
    );
    const response = await app.request(
      `/api/newsroom/preview?token=${encodeURIComponent(tokenOf(url)!)}`
    );
    expect(response.status).toBe(200);
    expect(response.body.data.title).toBe('Judul Di Draf');
    expect(JSON.stringify(response.body.data.body)).toContain('Paragraf draf yang belum terbit.');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    // Readers still get the published story.
    const live = await app.request('/api/newsroom/articles/judul-yang-terbit');
    expect(live.body.data.title).toBe('Judul Yang Terbit');
  });

  it('refuses a missing, altered or foreign token with a 403, and other parameters with a 400', async () => {
    const token = preview().token(story.documentId) as string;
    const [body, sig] = token.split('.');
    const other = Buffer.from(
      JSON.stringify({ d: 'someotherstory', l: null, e: Math.floor(Date.now() / 1000) + 60 })
    ).toString('base64url');
    for (const bad of ['', `${body}.${sig.slice(0, -2)}xx`, `${other}.${sig}`, 'a.b']) {
      const response = await app.request(`/api/newsroom/preview?token=${encodeURIComponent(bad)}`);
      expect([bad, response.status]).toEqual([bad, 403]);
      expect(response.body.data ?? null).toBeNull();
    }
    expect((await app.request('/api/newsroom/preview')).status).toBe(403);
    const extra = await app.request(`/api/newsroom/preview?token=${token}&status=published`);
    expect(extra.status).toBe(400);
  });

  it("gives the content manager's Preview a link only for an admin who may read articles", async () => {
    // The playground's config/admin.ts: no frontend, so the plugin's own draft route.
    const path = `/content-manager/preview/url/${ARTICLE}?documentId=${story.documentId}&status=draft`;
    const admin = { authorization: `Bearer ${await adminToken(app)}` };
    const given = await app.request(path, { headers: admin });
    expect(given.status).toBe(200);
    expect(given.body.data.url).toMatch(/^\/api\/newsroom\/preview\?token=/);
    const opened = await app.request(given.body.data.url);
    expect(opened.body.data.title).toBe('Judul Di Draf');
    // Strapi asks for the URL without checking the user may read the document.
    const outsider = await adminWithActions(app, ['plugin::newsroom.read']);
    const refused = await app.request(path, { headers: outsider });
    expect(refused.status).toBe(204);
    expect(refused.body?.data?.url).toBeUndefined();
  });

  it('refuses an expired token, and answers 404 once the story is gone', async () => {
    const old = preview().token(story.documentId, null, Date.now() - 31 * 60 * 1000);
    expect((await app.request(`/api/newsroom/preview?token=${old}`)).status).toBe(403);
    const n = newsroom(app.strapi);
    const gone = await n.createArticle({ title: 'Segera Dihapus', publish: false });
    const token = preview().token(gone.documentId);
    expect((await app.request(`/api/newsroom/preview?token=${token}`)).status).toBe(200);
    await app.strapi.documents(ARTICLE as any).delete({ documentId: gone.documentId });
    expect((await app.request(`/api/newsroom/preview?token=${token}`)).status).toBe(404);
  });
});
