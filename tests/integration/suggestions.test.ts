/**
 * The suggestion engine on a labelled corpus (tests/fixtures/suggestion-corpus.json: 60
 * Indonesian stories in 10 topic clusters, written for this test, with clusters that share
 * words and tags on purpose). Relevant = same cluster. Precision@5 is printed and guarded.
 */
import corpus from '../fixtures/suggestion-corpus.json';
import { adminWithActions, startStrapi, type TestApp } from './helpers/strapi';
import { ARTICLE, newsroom } from './helpers/newsroom';
import { strengthOf } from '../../shared/baca-juga/strength';

jest.setTimeout(300_000);

const PRECISION_FLOOR = 0.85;

let app: TestApp;
const slugOf = new Map<string, string>();
const docOf = new Map<string, string>();
const clusterOf = new Map<string, string>();

beforeAll(async () => {
  app = await startStrapi({ seed: false });
  const nr = newsroom(app.strapi);
  for (const article of corpus.articles) {
    const created = await nr.createArticle({
      title: article.title,
      lead: article.lead,
      tags: article.tags,
      paragraphs: article.body,
      reportedAt: article.reportedAt.slice(0, 10),
    });
    slugOf.set(article.key, created.slug);
    docOf.set(article.key, created.documentId);
    clusterOf.set(created.documentId, article.cluster);
  }
});
afterAll(() => app?.stop());

const related = (key: string, limit = 5) =>
  app.request(`/api/newsroom/articles/${slugOf.get(key)}/related?limit=${limit}`);

describe('precision@5 on the labelled corpus', () => {
  test(`mean precision@5 is at least ${PRECISION_FLOOR}`, async () => {
    const perCluster = new Map<string, number[]>();
    for (const article of corpus.articles) {
      const { status, body } = await related(article.key);
      expect(status).toBe(200);
      const top = body.data.slice(0, 5);
      const hits = top.filter(
        (item: any) => clusterOf.get(item.target.documentId) === article.cluster
      );
      const list = perCluster.get(article.cluster) ?? [];
      list.push(hits.length / 5);
      perCluster.set(article.cluster, list);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const all = [...perCluster.values()].flat();
    const lines = [...perCluster].map(
      ([cluster, xs]) => `  ${cluster.padEnd(18)} ${mean(xs).toFixed(2)}`
    );
    console.log(
      `[suggestions] precision@5 over ${all.length} articles: ${mean(all).toFixed(3)}\n${lines.join('\n')}`
    );
    expect(mean(all)).toBeGreaterThanOrEqual(PRECISION_FLOOR);
  });

  test('each suggestion carries its score and the words that matched, best first', async () => {
    const { body } = await related('korut-rusia-1');
    expect(body.data.length).toBe(5);
    const scores = body.data.map((item: any) => item.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const item of body.data) {
      expect(item.source).toBe('suggestion');
      expect(item.score).toBeGreaterThan(0);
      expect(item.matchedTerms.length + item.sharedTags.length).toBeGreaterThan(0);
      expect(item.href).toBe(`/berita/${item.target.slug}`);
    }
    expect(body.meta).toEqual({ limit: 5, editor: 0, suggestion: 5 });
  });
});

describe('what is never suggested', () => {
  test('the article itself, drafts, and articles it already links to', async () => {
    const nr = newsroom(app.strapi);
    const key = 'gempa-bumi-1';
    const own = docOf.get(key)!;
    const before = (await related(key, 10)).body.data.map((i: any) => i.target.documentId);
    expect(before).not.toContain(own);

    // A near-copy kept as a draft must not appear; published, it does.
    const source = corpus.articles.find((a) => a.key === key)!;
    const draft = await nr.createArticle({
      title: `${source.title} (pembaruan)`,
      lead: source.lead,
      tags: source.tags,
      paragraphs: source.body,
      publish: false,
    });
    const withDraft = (await related(key, 10)).body.data.map((i: any) => i.target.documentId);
    expect(withDraft).not.toContain(draft.documentId);
    await nr.publish(ARTICLE, draft.documentId);
    const published = (await related(key, 10)).body.data;
    expect(published[0].target.documentId).toBe(draft.documentId);

    // Linked by an editor: it leads as an editor's link and is not suggested again.
    const article = await app.strapi
      .documents(ARTICLE as any)
      .findOne({ documentId: own, status: 'draft' } as any);
    await nr.addLink(article as any, { documentId: draft.documentId });
    await nr.publish(ARTICLE, own);
    const linked = (await related(key, 10)).body.data;
    expect(linked[0]).toMatchObject({ source: 'editor', target: { documentId: draft.documentId } });
    expect(linked.filter((i: any) => i.target?.documentId === draft.documentId)).toHaveLength(1);
    expect(linked).toHaveLength(10);

    // Unpublished, it leaves both lists at once.
    await nr.unpublish(ARTICLE, draft.documentId);
    const after = (await related(key, 10)).body.data.map((i: any) => i.target?.documentId);
    expect(after).not.toContain(draft.documentId);
  });

  test('stemming: a story saying "diratifikasi" finds one saying "meratifikasi"', async () => {
    const nr = newsroom(app.strapi);
    const a = await nr.createArticle({
      title: 'Parlemen Wakanda meratifikasi perjanjian perikanan',
      paragraphs: ['Parlemen meratifikasi perjanjian perikanan dengan negara tetangga.'],
      tags: ['Wakanda'],
    });
    const b = await nr.createArticle({
      title: 'Perjanjian perikanan akhirnya diratifikasi',
      paragraphs: ['Kesepakatan perikanan itu diratifikasi setelah perundingan panjang.'],
      tags: ['Perikanan'],
    });
    const { body } = await app.request(`/api/newsroom/articles/${a.slug}/related?limit=3`);
    expect(body.data[0].target.documentId).toBe(b.documentId);
    expect(body.data[0].matchedTerms).toEqual(
      expect.arrayContaining(['meratifikasi', 'perikanan'])
    );
  });
});

describe('the related route refuses bad input with a 4xx naming the parameter', () => {
  test.each([
    ['limit=0', 'limit'],
    ['limit=21', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=5&limit=6', 'limit'],
    ['status=draft', 'status'],
    ['sort=score', 'sort'],
  ])('?%s', async (query, param) => {
    const { status, body } = await app.request(
      `/api/newsroom/articles/${slugOf.get('pilkada-1')}/related?${query}`
    );
    expect(status).toBe(400);
    expect(body.error.message.startsWith(`${param}:`)).toBe(true);
  });

  test('an unknown slug is a 404', async () => {
    expect((await app.request('/api/newsroom/articles/tidak-ada/related')).status).toBe(404);
  });
});

describe("the Baca Juga manager's suggestions use the engine", () => {
  test('ranked for the draft, with scores and matched terms, linked targets left out', async () => {
    const headers = await adminWithActions(app, ['plugin::newsroom.read']);
    const doc = docOf.get('bulutangkis-2')!;
    const { status, body } = await app.request(`/newsroom/articles/${doc}/suggestions?limit=5`, {
      headers,
    });
    expect(status).toBe(200);
    expect(body.data).toHaveLength(5);
    const sameCluster = body.data.filter((s: any) => clusterOf.get(s.documentId) === 'bulutangkis');
    expect(sameCluster.length).toBeGreaterThanOrEqual(4);
    for (const s of body.data) {
      expect(s.status).toBe('published');
      expect(s.score).toBeGreaterThan(0);
      // each says why: the words or the tags it shares with the draft
      expect(s.matchedTerms.length + s.sharedTags.length).toBeGreaterThan(0);
    }
    const scores = body.data.map((s: any) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);

    // Linked in the draft (not yet published): no longer suggested
    const draft = await app.strapi
      .documents(ARTICLE as any)
      .findOne({ documentId: doc, status: 'draft' } as any);
    await newsroom(app.strapi).addLink(
      draft as any,
      { documentId: body.data[0].documentId },
      { publish: false }
    );
    const again = await app.request(`/newsroom/articles/${doc}/suggestions?limit=5`, { headers });
    expect(again.body.data.map((s: any) => s.documentId)).not.toContain(body.data[0].documentId);
  });
});

describe('the strength band an editor weighs before Accept', () => {
  test('same-topic suggestions stand above the floor; other topics mostly below', async () => {
    const headers = await adminWithActions(app, ['plugin::newsroom.read']);
    const bands = { same: { strong: 0, fair: 0, weak: 0 }, other: { strong: 0, fair: 0, weak: 0 } };
    for (const article of corpus.articles) {
      const { body } = await app.request(
        `/newsroom/articles/${docOf.get(article.key)}/suggestions?limit=10`,
        { headers }
      );
      for (const s of body.data) {
        expect(s.coverage).toBeGreaterThanOrEqual(0);
        expect(s.coverage).toBeLessThanOrEqual(1);
        const kind = clusterOf.get(s.documentId) === article.cluster ? 'same' : 'other';
        bands[kind][strengthOf(s)] += 1;
      }
    }
    const share = (b: Record<string, number>, key: string) => b[key] / (b.strong + b.fair + b.weak);
    console.log(
      `[suggestions] strength bands over the top 10 of each story: ${JSON.stringify(bands)}`
    );
    // Evidence written for the tests, so a loose guard: the bands must separate, not be perfect.
    expect(share(bands.same, 'weak')).toBeLessThanOrEqual(0.2);
    expect(share(bands.other, 'weak')).toBeGreaterThanOrEqual(0.5);
  });
});
