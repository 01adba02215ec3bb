/**
 * Slugs that never break: once an article is published under a new slug, its old slugs answer
 * 301 to the new one (article, JSON-LD, related), chains collapse to one hop, the old slugs
 * are never given to another story by slug generation (the plugin's or the content manager's),
 * and the editor sees them in the placement (the side panel).
 */
import { DB, adminToken, startStrapi, type TestApp } from './helpers/strapi';
import { ARTICLE, newsroom } from './helpers/newsroom';

describe(`old slugs redirect (${DB})`, () => {
  let app: TestApp;
  let admin: Record<string, string>;
  let story: { documentId: string; slug: string; body: { id: string }[] };

  const get = (path: string, headers: Record<string, string> = {}) =>
    app.request(path, { redirect: 'manual', headers });
  const rename = async (slug: string, publish = true) => {
    await newsroom(app.strapi).update(ARTICLE, story.documentId, { slug });
    if (publish) await newsroom(app.strapi).publish(ARTICLE, story.documentId);
  };
  const placement = async () =>
    (
      await app.request(`/newsroom/articles/${story.documentId}/placement`, {
        headers: admin,
      })
    ).body.data;

  beforeAll(async () => {
    app = await startStrapi({ seed: false });
    admin = { authorization: `Bearer ${await adminToken(app)}` };
    story = await newsroom(app.strapi).createArticle({
      title: 'Korut Ratifikasi Pakta Pertahanan dengan Rusia',
      paragraphs: ['Paragraf satu.', 'Paragraf dua.'],
    });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('serves the article under its slug, with no old slugs yet', async () => {
    expect(story.slug).toBe('korut-ratifikasi-pakta-pertahanan-dengan-rusia');
    expect((await get(`/api/newsroom/articles/${story.slug}`)).status).toBe(200);
    expect((await placement()).oldSlugs).toEqual([]);
  });

  it('keeps the old slug live until the new one is published', async () => {
    await rename('korut-sahkan-pakta', false);
    expect((await get(`/api/newsroom/articles/${story.slug}`)).status).toBe(200);
    expect((await get('/api/newsroom/articles/korut-sahkan-pakta')).status).toBe(404);
    expect((await placement()).oldSlugs).toEqual([]);
  });

  it('answers 301 from the old slug once the new one is published, on every article route', async () => {
    await newsroom(app.strapi).publish(ARTICLE, story.documentId);
    const old = story.slug;
    const response = await get(`/api/newsroom/articles/${old}`);
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/api/newsroom/articles/korut-sahkan-pakta');
    expect(response.body).toEqual({
      data: null,
      redirect: { slug: 'korut-sahkan-pakta', href: '/berita/korut-sahkan-pakta' },
    });
    expect(response.headers.get('cache-control')).toBeTruthy();

    const jsonld = await get(`/api/newsroom/articles/${old}/jsonld`);
    expect(jsonld.status).toBe(301);
    expect(jsonld.headers.get('location')).toBe('/api/newsroom/articles/korut-sahkan-pakta/jsonld');
    const related = await get(`/api/newsroom/articles/${old}/related?limit=3`);
    expect(related.status).toBe(301);
    expect(related.headers.get('location')).toBe(
      '/api/newsroom/articles/korut-sahkan-pakta/related?limit=3'
    );
    // Followed, the redirect lands on the article.
    const followed = await app.request(`/api/newsroom/articles/${old}`);
    expect(followed.status).toBe(200);
    expect(followed.body.data.slug).toBe('korut-sahkan-pakta');
    expect((await placement()).oldSlugs).toEqual([old]);
  });

  it('collapses a chain of renames to one hop, and a rename back makes the slug live again', async () => {
    const first = story.slug;
    await rename('korut-rusia-pakta');
    for (const old of [first, 'korut-sahkan-pakta']) {
      const response = await get(`/api/newsroom/articles/${old}`);
      expect(response.status).toBe(301);
      expect(response.headers.get('location')).toBe('/api/newsroom/articles/korut-rusia-pakta');
    }
    expect((await placement()).oldSlugs).toEqual([first, 'korut-sahkan-pakta']);

    await rename('korut-sahkan-pakta');
    expect((await get('/api/newsroom/articles/korut-sahkan-pakta')).status).toBe(200);
    expect((await get('/api/newsroom/articles/korut-rusia-pakta')).headers.get('location')).toBe(
      '/api/newsroom/articles/korut-sahkan-pakta'
    );
    expect((await placement()).oldSlugs.sort()).toEqual([first, 'korut-rusia-pakta'].sort());
  });

  it('never gives an old slug to another story, from the plugin or the content manager', async () => {
    // Same title as the story's first slug: the generated slug skips it.
    const twin = await newsroom(app.strapi).createArticle({
      title: 'Korut Ratifikasi Pakta Pertahanan dengan Rusia',
    });
    expect(twin.slug).toBe('korut-ratifikasi-pakta-pertahanan-dengan-rusia-2');
    const generated = await app.request('/content-manager/uid/generate', {
      method: 'POST',
      headers: admin,
      body: {
        contentTypeUID: ARTICLE,
        field: 'slug',
        data: { title: 'Korut Rusia Pakta' },
      },
    });
    expect(generated.status).toBe(200);
    expect(generated.body.data).toBe('korut-rusia-pakta-2');
    // The old slug still leads to its own story.
    expect((await get('/api/newsroom/articles/korut-rusia-pakta')).status).toBe(301);
  });

  it('redirects nowhere once the story is not live, and never for drafts', async () => {
    await newsroom(app.strapi).unpublish(ARTICLE, story.documentId);
    expect((await get('/api/newsroom/articles/korut-rusia-pakta')).status).toBe(404);
    expect((await get('/api/newsroom/articles/korut-sahkan-pakta')).status).toBe(404);
    await newsroom(app.strapi).publish(ARTICLE, story.documentId);
    expect((await get('/api/newsroom/articles/korut-rusia-pakta')).status).toBe(301);
  });

  it("an editor may give a story another story's old slug by hand: it is live there, no redirect", async () => {
    const other = await newsroom(app.strapi).createArticle({ title: 'Berita Lain Sama Sekali' });
    await newsroom(app.strapi).update(ARTICLE, other.documentId, { slug: 'korut-rusia-pakta' });
    await newsroom(app.strapi).publish(ARTICLE, other.documentId);
    const response = await get('/api/newsroom/articles/korut-rusia-pakta');
    expect(response.status).toBe(200);
    expect(response.body.data.title).toBe('Berita Lain Sama Sekali');
    expect((await placement()).oldSlugs).not.toContain('korut-rusia-pakta');
  });
});
