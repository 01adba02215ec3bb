/**
 * Regression tests for the smaller holes of issue 12, each named after what it got wrong:
 * malformed filters answered 500, `?tag=,` matched every article with two tags, an admin with
 * `manage` but not `read` read a draft's placement through a save's 409, a published link
 * whose target was unpublished was still listed with its label, and one GraphQL request with
 * 60 aliases held the whole server.
 */
import { DB, adminToken, adminWithActions, startStrapi, type TestApp } from './helpers/strapi';
import { ARTICLE, newsroom, unchangedPlacement } from './helpers/newsroom';

describe(`issue 12 regressions (${DB})`, () => {
  let app: TestApp;
  let n: ReturnType<typeof newsroom>;
  const gql = (query: string) => app.request('/graphql', { method: 'POST', body: { query } });

  beforeAll(async () => {
    app = await startStrapi({ seed: false });
    n = newsroom(app.strapi);
    await n.createArticle({ title: 'Tag Satu', tags: ['ekonomi', 'politik'] });
    await n.createArticle({ title: 'Tag Dua', tags: ['olahraga', 'bola'] });
  });
  afterAll(async () => {
    await app?.stop();
  });

  describe('malformed filters are a 400, never a 500', () => {
    const ROUTES = ['articles', 'quotes', 'related-links'].map(
      (t) => `/api/newsroom/documents/${t}`
    );
    it.each([
      ['$between with one value', 'filters[createdAt][$between]=a'],
      [
        '$between with three values',
        'filters[createdAt][$between][0]=a&filters[createdAt][$between][1]=b&filters[createdAt][$between][2]=c',
      ],
      ['$jsonSupersetOf', 'filters[createdAt][$jsonSupersetOf]=a'],
    ])('on REST: %s', async (_name, query) => {
      for (const route of ROUTES) {
        const response = await app.request(`${route}?${query}`);
        expect([route, response.status]).toEqual([route, 400]);
        expect(response.body.error.message).toMatch(/^filters/);
      }
    });

    it('on GraphQL: between with one value', async () => {
      for (const field of ['newsroomArticles', 'newsroomQuotes', 'newsroomRelatedLinks']) {
        const response = await gql(
          `{ ${field}(filters: { documentId: { between: ["a"] } }) { documentId } }`
        );
        expect(response.status).not.toBe(500);
        expect(JSON.stringify(response.body.errors)).toMatch(/takes exactly two values/);
      }
    });
  });

  it('matches whole tags: ?tag=, is a 400, not every article with two tags', async () => {
    const comma = await app.request('/api/newsroom/articles?tag=%2C');
    expect(comma.status).toBe(400);
    expect(comma.body.error.message).toMatch(/^tag: /);
    const quote = await app.request('/api/newsroom/articles?tag=%22');
    expect(quote.status).toBe(400);
    const whole = await app.request('/api/newsroom/articles?tag=politik');
    expect(whole.body.data.map((a: any) => a.title)).toEqual(['Tag Satu']);
    const admin = { authorization: `Bearer ${await adminToken(app)}` };
    const list = await app.request('/newsroom/articles?tag=%2C', { headers: admin });
    expect(list.status).toBe(400);
  });

  it('teaches an admin with manage but not read nothing about a draft', async () => {
    const story = await n.createArticle({ title: 'Draf Rahasia Kelola', paragraphs: ['Satu.'] });
    const manager = await adminWithActions(app, ['plugin::newsroom.manage']);
    const admin = { authorization: `Bearer ${await adminToken(app)}` };
    const read = await app.request(`/newsroom/articles/${story.documentId}/placement`, {
      headers: admin,
    });
    for (const version of ['stale', read.body.data.version]) {
      const response = await app.request(`/newsroom/articles/${story.documentId}/placement`, {
        method: 'PUT',
        headers: manager,
        body: { ...unchangedPlacement(read.body.data), version },
      });
      expect(response.status).toBe(403);
      expect(JSON.stringify(response.body)).not.toMatch(/Draf Rahasia|currentVersion/);
    }
  });

  it('never lists a published link whose target was unpublished, on REST or GraphQL', async () => {
    const story = await n.createArticle({ title: 'Sumber Tautan Mati', paragraphs: ['Satu.'] });
    const target = await n.createArticle({ title: 'Target Yang Ditarik' });
    const LABEL = 'Label yang tak boleh tampil';
    await n.addLink(story, target, { label: LABEL });
    // Counted on each API apart: a link missing from one all along would pass the "after"
    const listed = async () => {
      const rest = await app.request(
        '/api/newsroom/documents/related-links?pagination[pageSize]=100'
      );
      const graph = await gql('{ newsroomRelatedLinks(pagination: { limit: 100 }) { label } }');
      const count = (links: any[]) => links.filter((l) => l.label === LABEL).length;
      return { rest: count(rest.body.data), graphql: count(graph.body.data.newsroomRelatedLinks) };
    };
    expect(await listed()).toEqual({ rest: 1, graphql: 1 });
    await n.unpublish(ARTICLE, target.documentId);
    expect(await listed()).toEqual({ rest: 0, graphql: 0 });
  });

  describe('GraphQL: one request cannot hold the server', () => {
    const aliases = (count: number, field: string) =>
      `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

    // The time is logged, not asserted: on this small corpus even 60 renders run in well
    // under a second, so a bound would not tell a refusal from a late one.
    it('refuses 60 aliases of a render with a clear error', async () => {
      const started = Date.now();
      const response = await gql(
        aliases(60, 'newsroomArticles(pagination: { limit: 100 }) { renderedBody linkedFrom }')
      );
      const ms = Date.now() - started;
      console.log(`[graphql] 60 aliased renders: ${response.status} in ${ms} ms`);
      expect(response.status).toBe(400);
      expect(response.body.errors[0].message).toMatch(/Too many aliases/);
    });

    it('refuses a query whose lists multiply past the cost bound', async () => {
      const response = await gql(
        '{ newsroomArticles(pagination: { limit: 100 }) { renderedBody linkedFrom title slug lead } newsroomRelatedLinks(pagination: { limit: 100 }) { sourceArticle { title } targetArticle { title } } newsroomQuotes(pagination: { limit: 100 }) { text speaker } }'
      );
      // 100 × (2 renders × 10 + 3) + 100 × 5 + 100 × 2 = 3,000: within the bound.
      expect(response.status).toBe(200);
      const costly = await gql(
        aliases(
          3,
          'newsroomArticles(pagination: { limit: 100 }) { renderedBody linkedFrom title }'
        ) + ''
      );
      // 3 × 100 × 21 = 6,300 fields resolved: over the bound.
      expect(costly.status).toBe(400);
      expect(costly.body.errors[0].message).toMatch(/too costly/);
    });

    it('still answers an ordinary frontend query', async () => {
      const response = await gql(
        '{ newsroomArticles(pagination: { limit: 25 }) { title slug renderedBody linkedFrom } }'
      );
      expect(response.status).toBe(200);
      expect(response.body.data.newsroomArticles.length).toBeGreaterThan(0);
    });
  });
});
