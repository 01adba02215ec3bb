/**
 * Who links here, and what waits for review: the placement lists the stories whose links
 * point at this one (with their state), the manager's list filters by "links to X" and by
 * "needs review", and link health counts flagged links and quotes newsroom-wide.
 */
import { DB, adminToken, startStrapi, type TestApp } from './helpers/strapi';
import { ARTICLE, LINK, QUOTE, newsroom } from './helpers/newsroom';
import { liveBacklinksResponseSchema } from '../../shared/contracts/admin';

describe(`linked from, and review at a glance (${DB})`, () => {
  let app: TestApp;
  let headers: Record<string, string>;
  let target: any;
  let published: any;
  let draft: any;
  let other: any;

  const get = (path: string) => app.request(path, { headers });

  beforeAll(async () => {
    app = await startStrapi({ seed: false });
    headers = { authorization: `Bearer ${await adminToken(app)}` };
    const n = newsroom(app.strapi);
    target = await n.createArticle({ title: 'Sasaran Tautan', paragraphs: ['Satu.'] });
    published = await n.createArticle({ title: 'Sumber Terbit', paragraphs: ['A.', 'B.'] });
    draft = await n.createArticle({ title: 'Sumber Draf', paragraphs: ['C.'], publish: false });
    other = await n.createArticle({ title: 'Berita Lain', paragraphs: ['D.'] });
    await n.addLink(published, target, { after: 1 });
    await n.addLink(draft, target, { after: 0, publish: false });
    await n.addLink(other, published, { after: 0 });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('the placement lists the stories that link here, with their state', async () => {
    const { status, body } = await get(`/newsroom/articles/${target.documentId}/placement`);
    expect(status).toBe(200);
    expect(body.data.linkedFrom).toEqual([
      {
        documentId: draft.documentId,
        title: 'Sumber Draf',
        slug: 'sumber-draf',
        status: 'draft',
        placeholder: false,
      },
      {
        documentId: published.documentId,
        title: 'Sumber Terbit',
        slug: 'sumber-terbit',
        status: 'published',
        placeholder: false,
      },
    ]);
    const none = await get(`/newsroom/articles/${other.documentId}/placement`);
    expect(none.body.data.linkedFrom).toEqual([]);
  });

  it('the list filters by "links to X", and refuses a malformed id', async () => {
    const { status, body } = await get(`/newsroom/articles?linksTo=${target.documentId}`);
    expect(status).toBe(200);
    expect(body.data.map((r: any) => r.title).sort()).toEqual(['Sumber Draf', 'Sumber Terbit']);
    expect(body.meta.pagination.total).toBe(2);
    const bad = await get('/newsroom/articles?linksTo=%27%20OR%201%3D1');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/linksTo/);
  });

  it('counts flagged links and quotes per story and newsroom-wide, with a filter', async () => {
    const before = await get('/newsroom/link-health');
    expect(before.body.data.review).toEqual({ links: 0, quotes: 0 });

    const [link] = await app.strapi.db.query(LINK).findMany({
      where: { sourceArticle: { documentId: published.documentId }, publishedAt: null },
    });
    await app.strapi.db.query(LINK).update({ where: { id: link.id }, data: { needsReview: true } });
    const quote = await newsroom(app.strapi).addQuote(published, 'Kata-kata tanpa nama.');
    await app.strapi.db.query(QUOTE).update({
      where: { documentId: quote.documentId, publishedAt: null },
      data: { needsReview: true },
    });

    const list = await get('/newsroom/articles?filter=needs-review');
    expect(list.body.data.map((r: any) => [r.title, r.reviewCount])).toEqual([
      ['Sumber Terbit', 2],
    ]);
    const all = await get('/newsroom/articles');
    // every story, so that "0 for every other" is checked on each
    expect(all.body.data.map((r: any) => r.title).sort()).toEqual([
      'Berita Lain',
      'Sasaran Tautan',
      'Sumber Draf',
      'Sumber Terbit',
    ]);
    for (const row of all.body.data) {
      expect(row.reviewCount).toBe(row.title === 'Sumber Terbit' ? 2 : 0);
    }
    const after = await get('/newsroom/link-health');
    expect(after.body.data.review).toEqual({ links: 1, quotes: 1 });
  });

  it('names the live stories an unpublish takes a link from, with their readers of the last 7 days, and still while the story is down', async () => {
    const backlinks = async (query = '') => {
      const response = await get(`/newsroom/articles/${target.documentId}/live-backlinks${query}`);
      expect(response.status).toBe(200);
      return liveBacklinksResponseSchema.validateSync(response.body).data;
    };
    // Readers of the live source (the draft-only source has none and carries no live link).
    const sent = await app.request('/api/newsroom/events', {
      method: 'POST',
      body: { events: [1, 2, 3].map(() => ({ type: 'view', article: published.documentId })) },
    });
    expect(sent.status).toBe(202);
    await app.strapi.plugin('newsroom').service('readerEvents').flush();
    const liveStory = {
      documentId: published.documentId,
      title: 'Sumber Terbit',
      slug: 'sumber-terbit',
      views: 3,
    };
    expect(await backlinks()).toEqual({ days: 7, live: true, stories: [liveStory], views: 3 });
    // The whole document, for a delete.
    expect((await backlinks('?scope=document')).stories).toEqual([liveStory]);

    // Down: Strapi drops the published links' relation to it; their drafts still point here.
    const n = newsroom(app.strapi);
    await n.unpublish(ARTICLE, target.documentId);
    expect(await backlinks()).toEqual({ days: 7, live: false, stories: [liveStory], views: 3 });
    await n.publish(ARTICLE, target.documentId);
    expect((await backlinks()).live).toBe(true);

    const none = await get(`/newsroom/articles/${other.documentId}/live-backlinks?days=30`);
    expect(none.body.data).toEqual({ days: 30, live: true, stories: [], views: 0 });
    const bad = await get(`/newsroom/articles/${target.documentId}/live-backlinks?scope=all`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/scope/);
    const missing = await get('/newsroom/articles/nosuchdocumentid0000000/live-backlinks');
    expect(missing.status).toBe(404);
  });
});
