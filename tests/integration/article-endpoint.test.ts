import fs from 'node:fs';
import path from 'node:path';
import { DB, startStrapi, type TestApp } from './helpers/strapi';
import { fillPlaceholders } from './helpers/newsroom';

const SLUG = 'korea-utara-sahkan-perjanjian-pertahanan-dengan-rusia';
const ARTICLE = 'plugin::newsroom.article';
const LINK = 'plugin::newsroom.related-link';

const storyLines = fs
  .readFileSync(path.resolve(__dirname, '../../seed/ntvnews-korut-rusia.txt'), 'utf8')
  .split(/\r?\n/)
  .filter((line) => line.trim() && !/^baca juga/i.test(line));

describe(`GET /api/newsroom/articles/:slug (${DB})`, () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startStrapi();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('serves the seeded story, render-ready, with its two Baca Juga links in place', async () => {
    const { status, body } = await app.request(`/api/newsroom/articles/${SLUG}`);
    expect(status).toBe(200);
    const article = body.data;
    expect(article).toMatchObject({
      slug: SLUG,
      title: 'Korea Utara Sahkan Perjanjian Pertahanan dengan Rusia',
      outlet: 'Ntvnews.id',
      dateline: 'Pyonyang',
      wireSource: 'Reuters',
      reportedAt: '2024-11-13',
      tags: ['Korea Utara', 'Rusia', 'Ukraina'],
    });
    expect(typeof article.documentId).toBe('string');
    expect(Date.parse(article.publishedAt)).not.toBeNaN();

    const blocks: any[] = article.body;
    const paragraphs = blocks.filter((b) => b.type === 'paragraph');
    expect(paragraphs).toHaveLength(11);
    // Verbatim text, the dateline taken off the first paragraph only.
    expect(paragraphs[0].text).toBe(storyLines[0].replace(/^Ntvnews\.id, Pyonyang - /, ''));
    paragraphs.slice(1).forEach((p, i) => expect(p.text).toBe(storyLines[i + 1]));
    expect(new Set(paragraphs.map((p) => p.id)).size).toBe(11);

    const types = blocks.map((b) => (b.type === 'paragraph' ? 'P' : 'L')).join('');
    expect(types).toBe('PPPLPPPPPLPPP');
    const links = blocks.filter((b) => b.type === 'baca-juga');
    expect(links.map((l) => l.label)).toEqual([
      'Kenal Lewat Aplikasi, Gadis Palembang Dinikahi Bule Rusia',
      'AS Serukan Hal Mencekam Ini ke Rusia',
    ]);
    // Their stories are not written yet (placeholders): the labels stand as text, no link.
    for (const link of links) {
      expect(link).toMatchObject({ href: null, target: null, awaitingCopy: true });
    }
  });

  it('carries the quotes with their speakers and paragraphs', async () => {
    const { body } = await app.request(`/api/newsroom/articles/${SLUG}`);
    const paragraphs = body.data.body.filter((b: any) => b.type === 'paragraph');
    const paragraphOf = (id: string) => paragraphs.findIndex((p: any) => p.id === id) + 1;
    const quotes: any[] = body.data.quotes;
    const find = (start: string) => quotes.find((q) => q.text.startsWith(start));

    expect(find('Perjanjian tersebut akan berlaku efektif')).toMatchObject({
      speaker: 'KCNA',
      kind: 'full',
    });
    expect(paragraphOf(find('Perjanjian tersebut akan berlaku efektif').paragraphId)).toBe(4);
    expect(find('dokumen terobosan')).toMatchObject({
      speaker: 'Vladimir Putin',
      speakerRole: 'Presiden',
      kind: 'partial',
    });
    expect(paragraphOf(find('dokumen terobosan').paragraphId)).toBe(8);
    expect(find('berdiri teguh di sisi rekan-rekan Rusia kami')).toMatchObject({
      speaker: 'Choe Son Hui',
    });
    expect(paragraphOf(find('berdiri teguh').paragraphId)).toBe(9);
    for (const q of quotes) {
      expect(Object.keys(q).sort()).toEqual(
        ['kind', 'paragraphId', 'relayedBy', 'speaker', 'speakerRole', 'text'].sort()
      );
    }
  });

  it('leaks no private or admin fields', async () => {
    const { body } = await app.request(`/api/newsroom/articles/${SLUG}`);
    const text = JSON.stringify(body);
    // no row id, whatever its digits (paragraph ids are strings: "id":"p-…")
    expect(text).not.toMatch(/"id":\d/);
    for (const key of ['createdBy', 'updatedBy', 'password', 'email', 'createdAt']) {
      expect(text).not.toContain(key);
    }
  });

  it('answers 404 with a JSON error for an unknown slug, and 400 for a malformed one', async () => {
    const missing = await app.request('/api/newsroom/articles/tidak-ada');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ status: 404, name: 'NotFoundError' });

    const malformed = await app.request('/api/newsroom/articles/%3Cscript%3E');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/slug/);
  });

  it('never serves a draft article', async () => {
    const draft = await app.strapi.documents(ARTICLE).create({
      data: { title: 'Draf Rahasia Redaksi', body: ['Belum boleh terbit.'] } as any,
    });
    const slug = (draft as any).slug;
    expect(slug).toBe('draf-rahasia-redaksi');
    expect((await app.request(`/api/newsroom/articles/${slug}`)).status).toBe(404);

    await app.strapi.documents(ARTICLE).publish({ documentId: draft.documentId });
    expect((await app.request(`/api/newsroom/articles/${slug}`)).status).toBe(200);

    // A later draft edit stays invisible until published again.
    await app.strapi.documents(ARTICLE).update({
      documentId: draft.documentId,
      data: { title: 'Judul Draf Baru' } as any,
    });
    // A draft edit leaves the generation alone: retire the cache, so this is a fresh render.
    await app.strapi.plugin('newsroom').service('freshness').bump();
    const served = await app.request(`/api/newsroom/articles/${slug}`);
    expect(served.body.data.title).toBe('Draf Rahasia Redaksi');
  });

  it('leaves out a link whose target gets unpublished, and keeps the rest in place', async () => {
    await fillPlaceholders(app.strapi);
    const before = await app.request(`/api/newsroom/articles/${SLUG}`);
    const [first, second] = before.body.data.body.filter((b: any) => b.type === 'baca-juga');

    await app.strapi.documents(ARTICLE).unpublish({ documentId: first.target.documentId });
    const after = await app.request(`/api/newsroom/articles/${SLUG}`);
    const links = after.body.data.body.filter((b: any) => b.type === 'baca-juga');
    expect(links.map((l: any) => l.label)).toEqual([second.label]);
    // Was PPPLPPPPPLPPP: the first link goes, the second still stands after paragraph 8
    const layout = (body: any[]) => body.map((b) => (b.type === 'paragraph' ? 'P' : 'L')).join('');
    expect(layout(before.body.data.body)).toBe('PPPLPPPPPLPPP');
    expect(layout(after.body.data.body)).toBe('PPPPPPPPLPPP');

    // The link itself survives (an editor must decide), only the reader does not see it.
    const stored = await app.strapi.db.query(LINK).count({ where: { documentId: first.link } });
    expect(stored).toBe(2); // its draft and its published row
  });
});
