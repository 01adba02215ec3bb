/**
 * Cache tags on every public response (issue 27): a CDN or a frontend files each response
 * under the keys of the stories it shows (`Cache-Tag` and `Surrogate-Key`, the same
 * space-separated keys), so a change to one story can purge exactly the pages that show it.
 */
import { ARTICLE, SEEDED_SLUG, fillPlaceholders, newsroom } from './helpers/newsroom';
import { DB, startStrapi, type TestApp } from './helpers/strapi';

describe(`cache tags (${DB})`, () => {
  let app: TestApp;
  let story: { documentId: string; slug: string };
  let targets: { documentId: string; slug: string }[];

  const tagsOf = (response: { headers: Headers }) => ({
    cacheTag: response.headers.get('cache-tag'),
    surrogateKey: response.headers.get('surrogate-key'),
  });
  const keys = (response: { headers: Headers }) => {
    const { cacheTag, surrogateKey } = tagsOf(response);
    // Both headers carry the same keys: Cloudflare's comma-separated, Fastly's and xkey's
    // space-separated.
    expect(cacheTag?.split(',')).toEqual(surrogateKey?.split(' '));
    return (surrogateKey ?? '').split(' ');
  };
  const key = (documentId: string) => `nr-a-${documentId}`;

  beforeAll(async () => {
    app = await startStrapi();
    // The seeded story's two Baca Juga titles get their copy: ordinary, live link targets.
    await fillPlaceholders(app.strapi);
    const seeded = await newsroom(app.strapi).seeded();
    story = { documentId: seeded.documentId, slug: SEEDED_SLUG };
    const { body } = await app.request(`/api/newsroom/articles/${SEEDED_SLUG}`);
    targets = body.data.body
      .filter((b: any) => b.type === 'baca-juga')
      .map((b: any) => ({ documentId: b.target.documentId, slug: b.target.slug }));
    expect(targets).toHaveLength(2);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('files a story under its own key and the keys of the stories it shows', async () => {
    const render = await app.request(`/api/newsroom/articles/${story.slug}`);
    expect(render.status).toBe(200);
    expect(keys(render)).toEqual([key(story.documentId), ...targets.map((t) => key(t.documentId))]);
    // JSON-LD names no documentId, and is filed the same.
    const jsonld = await app.request(`/api/newsroom/articles/${story.slug}/jsonld`);
    expect(keys(jsonld)).toEqual(keys(render));
    // A target shows the story through its backlink.
    const target = await app.request(`/api/newsroom/articles/${targets[0].slug}`);
    expect(keys(target)).toEqual([key(targets[0].documentId), key(story.documentId)]);
    // A revalidation keeps the copy filed under the same keys.
    const again = await app.request(`/api/newsroom/articles/${story.slug}`, {
      headers: { 'If-None-Match': render.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
    expect(keys(again)).toEqual(keys(render));
  });

  it('files a page whose link waits on an unpublished story under nr-list too, naming no such story', async () => {
    const n = newsroom(app.strapi);
    const waiting = await n.createArticle({ title: 'Cerita Yang Menunggu Tautannya' });
    const unpublished = await n.createArticle({ title: 'Cerita Belum Terbit', publish: false });
    await n.addLink(waiting, unpublished, { label: 'Segera terbit' });
    const response = await app.request(`/api/newsroom/articles/${waiting.slug}`);
    expect(keys(response)).toEqual([key(waiting.documentId), 'nr-list']);
  });

  it('files lists under nr-list and their stories, related lists under nr-list too, sitemaps under nr-sitemap', async () => {
    const list = await app.request('/api/newsroom/articles?pageSize=5');
    expect(list.status).toBe(200);
    expect(keys(list)).toEqual(['nr-list', ...list.body.data.map((s: any) => key(s.documentId))]);
    const related = await app.request(`/api/newsroom/articles/${story.slug}/related`);
    expect(related.status).toBe(200);
    const relatedKeys = keys(related);
    expect(relatedKeys[0]).toBe(key(story.documentId));
    expect(relatedKeys).toEqual(expect.arrayContaining(targets.map((t) => key(t.documentId))));
    // Suggestions rank every published story: any change may change them.
    expect(relatedKeys).toContain('nr-list');

    app.strapi.config.set('plugin::newsroom.siteUrl', 'https://www.contoh.id');
    app.strapi.config.set('plugin::newsroom.sitemaps.publicationName', 'Kabar Contoh');
    try {
      for (const name of ['index.xml', 'news.xml', 'articles-1.xml']) {
        const sitemap = await app.request(`/api/newsroom/sitemaps/${name}`);
        expect([name, sitemap.status, keys(sitemap)]).toEqual([name, 200, ['nr-sitemap']]);
      }
    } finally {
      app.strapi.config.set('plugin::newsroom.siteUrl', null);
      app.strapi.config.set('plugin::newsroom.sitemaps.publicationName', null);
    }
  });

  it("files an old slug's redirect under the story it leads to", async () => {
    const [target] = targets;
    const renamed = `${target.slug}-diperbarui`;
    await newsroom(app.strapi).update(ARTICLE, target.documentId, { slug: renamed });
    await newsroom(app.strapi).publish(ARTICLE, target.documentId);
    const old = await app.request(`/api/newsroom/articles/${target.slug}`, { redirect: 'manual' });
    expect(old.status).toBe(301);
    // And nr-list: another story may be published under the old slug.
    expect(keys(old)).toEqual([key(target.documentId), 'nr-list']);
    expect(old.body.redirect).toEqual({ slug: renamed, href: `/berita/${renamed}` });
  });

  it('sends the headers the config names, and leaves out one turned off', async () => {
    const set = (cacheTag: string | false, surrogateKey: string | false) =>
      app.strapi.config.set('plugin::newsroom.cacheTags', { cacheTag, surrogateKey });
    try {
      set(false, 'xkey');
      const response = await app.request(`/api/newsroom/articles/${story.slug}`);
      expect(response.headers.get('cache-tag')).toBeNull();
      expect(response.headers.get('surrogate-key')).toBeNull();
      expect(response.headers.get('xkey')?.split(' ')[0]).toBe(key(story.documentId));
      set(false, false);
      const none = await app.request(`/api/newsroom/articles/${story.slug}`);
      expect(tagsOf(none)).toEqual({ cacheTag: null, surrogateKey: null });
    } finally {
      set('Cache-Tag', 'Surrogate-Key');
    }
  });

  it('retires, after a publish, only the kept responses that show what changed: other stories are kept, checked once', async () => {
    const cache = () => app.strapi.plugin('newsroom').service('responseCache').usage();
    const n = newsroom(app.strapi);
    const aside = await n.createArticle({ title: 'Cerita Yang Tidak Berubah' });
    const list = '/api/newsroom/articles?pageSize=3';
    // Kept: the story with its links, one unrelated story, a list.
    for (const path of [
      `/api/newsroom/articles/${story.slug}`,
      `/api/newsroom/articles/${aside.slug}`,
      list,
    ]) {
      await app.request(path);
    }
    const before = cache();
    // A story nobody here shows is published.
    const other = await n.createArticle({ title: 'Cerita Lain Terbit' });
    const read = async (path: string) => (await app.request(path)).body;
    await read(`/api/newsroom/articles/${story.slug}`);
    await read(`/api/newsroom/articles/${aside.slug}`);
    const listed = await read(list);
    const after = cache();
    // The two stories are kept (checked, not rendered); the list shows the new story.
    expect(after.revalidated - before.revalidated).toBe(2);
    expect(after.misses - before.misses).toBe(1);
    expect(listed.data.map((row: any) => row.documentId)).toContain(other.documentId);

    // A link target of the story is retitled: the story is rendered again, with the new title
    // where its link follows the target's headline; the unrelated story is still kept.
    const [target] = targets;
    await n.update(ARTICLE, target.documentId, { title: 'Judul Target Yang Baru' });
    await n.publish(ARTICLE, target.documentId);
    const again = cache();
    const rendered = await read(`/api/newsroom/articles/${story.slug}`);
    await read(`/api/newsroom/articles/${aside.slug}`);
    const last = cache();
    expect(last.misses - again.misses).toBe(1);
    expect(last.revalidated - again.revalidated).toBe(1);
    const block = rendered.data.body.find(
      (b: any) => b.type === 'baca-juga' && b.target?.documentId === target.documentId
    );
    expect(block.target.title).toBe('Judul Target Yang Baru');
  });
});
