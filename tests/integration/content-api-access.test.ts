import { DB, apiToken, startStrapi, type TestApp } from './helpers/strapi';
import { ARTICLE, LINK, QUOTE, SEEDED_SLUG, newsroom, fillPlaceholders } from './helpers/newsroom';

/**
 * Who gets what on every content-API route: anonymous (the playground's Public role has every
 * read action except preview), a read-only token, a full-access token and custom tokens. Drafts
 * only ever reach a token allowed `preview.draft`.
 */
describe(`content-API permissions and drafts (${DB})`, () => {
  let app: TestApp;
  let callers: Record<string, Record<string, string>>;
  let ids: { article: string; quote: string; link: string; draftOnly: string; draftSlug: string };

  const get = (path: string, caller: string) => app.request(path, { headers: callers[caller] });

  beforeAll(async () => {
    app = await startStrapi();
    // The seed's Baca Juga targets, written and published: links to live stories.
    await fillPlaceholders(app.strapi);
    const n = newsroom(app.strapi);
    const seeded = await n.seeded();
    const quote = await app.strapi
      .documents(QUOTE as any)
      .findFirst({ status: 'published' } as any);
    const link = await app.strapi.documents(LINK as any).findFirst({ status: 'published' } as any);
    const draftOnly = await n.createArticle({
      title: 'Rahasia Redaksi Belum Terbit',
      tags: ['Rahasia'],
      publish: false,
    });
    // The published story gets an unpublished edit: readers must keep the published title.
    await n.update(ARTICLE, seeded.documentId, { title: 'Judul Draf Rahasia' });
    ids = {
      article: seeded.documentId,
      quote: quote!.documentId,
      link: link!.documentId,
      draftOnly: draftOnly.documentId,
      draftSlug: draftOnly.slug,
    };
    callers = {
      anonymous: {},
      readOnly: await apiToken(app, 'read-only'),
      fullAccess: await apiToken(app, 'full-access'),
      listOnly: await apiToken(app, { permissions: ['plugin::newsroom.story.find'] }),
      previewer: await apiToken(app, {
        permissions: ['plugin::newsroom.story.findOne', 'plugin::newsroom.preview.draft'],
      }),
    };
  });
  afterAll(async () => {
    await app?.stop();
  });

  const routes = () => ({
    list: '/api/newsroom/articles',
    article: `/api/newsroom/articles/${SEEDED_SLUG}`,
    jsonld: `/api/newsroom/articles/${SEEDED_SLUG}/jsonld`,
    related: `/api/newsroom/articles/${SEEDED_SLUG}/related`,
    preview: `/api/newsroom/articles/${SEEDED_SLUG}/preview`,
    coreArticles: '/api/newsroom/documents/articles',
    coreArticle: `/api/newsroom/documents/articles/${ids.article}`,
    coreQuotes: '/api/newsroom/documents/quotes',
    coreQuote: `/api/newsroom/documents/quotes/${ids.quote}`,
    coreLinks: '/api/newsroom/documents/related-links',
    coreLink: `/api/newsroom/documents/related-links/${ids.link}`,
  });

  // Expected status per caller for each route, in the order of routes().
  const MATRIX: Record<string, number[]> = {
    //           list article jsonld related preview cArts cArt cQuos cQuo cLnks cLnk
    anonymous: [200, 200, 200, 200, 403, 200, 200, 200, 200, 200, 200],
    readOnly: [200, 200, 200, 200, 403, 200, 200, 200, 200, 200, 200],
    fullAccess: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    listOnly: [200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    previewer: [403, 200, 403, 403, 200, 403, 403, 403, 403, 403, 403],
  };

  it.each(Object.keys(MATRIX))('gives %s exactly what its permissions say', async (caller) => {
    const statuses: number[] = [];
    for (const path of Object.values(routes())) statuses.push((await get(path, caller)).status);
    expect(statuses).toEqual(MATRIX[caller]);
  });

  it('serves only published content without status=draft, whoever asks', async () => {
    for (const caller of Object.keys(callers)) {
      const story = await get(routes().article, caller);
      if (story.status === 200) {
        expect(story.body.data.title).toBe('Korea Utara Sahkan Perjanjian Pertahanan dengan Rusia');
      }
      expect((await get(`/api/newsroom/articles/${ids.draftSlug}`, caller)).status).toBe(
        caller === 'listOnly' ? 403 : 404
      );
      const core = await get(`/api/newsroom/documents/articles?pagination[pageSize]=100`, caller);
      if (core.status === 200) {
        const titles = core.body.data.map((a: any) => a.title);
        expect(titles).not.toContain('Rahasia Redaksi Belum Terbit');
        expect(titles).not.toContain('Judul Draf Rahasia');
      }
      const byId = await get(`/api/newsroom/documents/articles/${ids.draftOnly}`, caller);
      expect([403, 404]).toContain(byId.status);
    }
  });

  const DRAFT_REQUESTS = [
    `/api/newsroom/articles/${SEEDED_SLUG}?status=draft`,
    `/api/newsroom/articles/${SEEDED_SLUG}/jsonld?status=draft`,
    '/api/newsroom/documents/articles?status=draft',
    '/api/newsroom/documents/quotes?status=draft',
    '/api/newsroom/documents/related-links?status=draft',
    '/api/newsroom/documents/articles?publicationFilter=never-published',
    '/api/newsroom/documents/articles?hasPublishedVersion=false',
  ];

  it.each(DRAFT_REQUESTS)(
    'refuses %s to anonymous and read-only callers with a 403 naming the parameter',
    async (path) => {
      for (const caller of ['anonymous', 'readOnly']) {
        const { status, body } = await get(path, caller);
        expect(status).toBe(403);
        expect(body.data).toBeNull();
        expect(body.error.message).toMatch(/^(status|publicationFilter|hasPublishedVersion): /);
        expect(JSON.stringify(body)).not.toContain('Rahasia');
      }
    }
  );

  it('serves the related route published content only: status is a 400, even for a full-access token', async () => {
    for (const caller of ['anonymous', 'fullAccess']) {
      const { status, body } = await get(`${routes().related}?status=draft`, caller);
      expect(status).toBe(400);
      expect(body.error.details.param).toBe('status');
      expect(JSON.stringify(body)).not.toContain('Rahasia');
    }
    const related = await get(routes().related, 'fullAccess');
    expect(JSON.stringify(related.body)).not.toContain('Rahasia');
    expect(related.headers.get('cache-control')).toBe('private, no-cache');
  });

  it('refuses the list any status=draft, even for a full-access token', async () => {
    const { status, body } = await get('/api/newsroom/articles?status=draft', 'fullAccess');
    expect(status).toBe(400);
    expect(body.error.details.param).toBe('status');
  });

  it('rejects an unknown status with a 400, whoever asks', async () => {
    for (const path of [
      `/api/newsroom/articles/${SEEDED_SLUG}?status=preview`,
      '/api/newsroom/documents/articles?status=production',
    ]) {
      const { status, body } = await get(path, 'anonymous');
      expect(status).toBe(400);
      expect(body.error.message).toMatch(/^status: /);
    }
  });

  it('serves drafts to a token allowed to preview, uncached', async () => {
    const draftStory = await get(
      `/api/newsroom/articles/${SEEDED_SLUG}?status=draft`,
      'fullAccess'
    );
    expect(draftStory.status).toBe(200);
    expect(draftStory.body.data.title).toBe('Judul Draf Rahasia');
    expect(draftStory.headers.get('cache-control')).toBe('private, no-store');

    const preview = await get(`/api/newsroom/articles/${ids.draftSlug}/preview`, 'previewer');
    expect(preview.status).toBe(200);
    expect(preview.body.data.title).toBe('Rahasia Redaksi Belum Terbit');
    expect(preview.headers.get('cache-control')).toBe('private, no-store');
    const viaQuery = await get(`/api/newsroom/articles/${ids.draftSlug}?status=draft`, 'previewer');
    expect(viaQuery.body).toEqual(preview.body);

    const core = await get(
      '/api/newsroom/documents/articles?status=draft&pagination[pageSize]=100',
      'fullAccess'
    );
    expect(core.status).toBe(200);
    expect(core.body.data.map((a: any) => a.title)).toContain('Rahasia Redaksi Belum Terbit');
  });

  it('links a preview only to published targets', async () => {
    const n = newsroom(app.strapi);
    const draft = await app.strapi
      .documents(ARTICLE as any)
      .findOne({ documentId: ids.draftOnly, status: 'draft' } as any);
    const unpublishedTarget = await n.createArticle({ title: 'Target Masih Draf', publish: false });
    const publishedTarget = await n.createArticle({ title: 'Target Sudah Terbit' });
    await n.addLink(draft as any, unpublishedTarget, { publish: false });
    await n.addLink(draft as any, publishedTarget, { publish: false, position: 1 });
    const { body } = await get(`/api/newsroom/articles/${ids.draftSlug}/preview`, 'fullAccess');
    const targets = body.data.body
      .filter((b: any) => b.type === 'baca-juga')
      .map((b: any) => b.target.title);
    expect(targets).toEqual(['Target Sudah Terbit']);
  });

  describe('GraphQL', () => {
    const gql = (query: string, caller: string) =>
      app.request('/graphql', { method: 'POST', body: { query }, headers: callers[caller] });

    it('serves published articles, quotes and links with the render-ready body', async () => {
      const { status, body } = await gql(
        `{ newsroomArticles(filters: { slug: { eq: "${SEEDED_SLUG}" } }) { documentId title renderedBody linkedFrom }
           newsroomQuotes(pagination: { limit: 100 }) { text speaker relayedBy article { slug } }
           newsroomRelatedLinks { label afterParagraphId sourceArticle { slug } targetArticle { slug title } } }`,
        'anonymous'
      );
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      const [story] = body.data.newsroomArticles;
      expect(story.title).toBe('Korea Utara Sahkan Perjanjian Pertahanan dengan Rusia');
      const rest = await get(routes().article, 'anonymous');
      expect(story.renderedBody).toEqual(rest.body.data.body);
      expect(story.linkedFrom).toEqual(rest.body.data.linkedFrom);
      expect(
        body.data.newsroomQuotes.filter((q: any) => q.article?.slug === SEEDED_SLUG)
      ).toHaveLength(rest.body.data.quotes.length);
      expect(
        body.data.newsroomRelatedLinks.filter((l: any) => l.sourceArticle?.slug === SEEDED_SLUG)
      ).toHaveLength(2);
    });

    it('never shows a draft by default and refuses status: DRAFT without a preview token', async () => {
      const listed = await gql(
        '{ newsroomArticles(pagination: { limit: 100 }) { title } }',
        'readOnly'
      );
      const titles = listed.body.data.newsroomArticles.map((a: any) => a.title);
      expect(titles).not.toContain('Rahasia Redaksi Belum Terbit');
      expect(titles).not.toContain('Judul Draf Rahasia');

      for (const query of [
        '{ newsroomArticles(status: DRAFT) { title } }',
        `{ newsroomArticle(documentId: "${ids.draftOnly}", status: DRAFT) { title } }`,
        '{ newsroomArticles_connection(status: DRAFT) { nodes { title } } }',
        '{ newsroomQuotes(status: DRAFT) { text } }',
        '{ newsroomRelatedLinks(status: DRAFT) { label } }',
        '{ newsroomArticles(hasPublishedVersion: false) { title } }',
      ]) {
        for (const caller of ['anonymous', 'readOnly']) {
          const { body } = await gql(query, caller);
          // Lists are non-null fields, so their error nulls `data`; a single article is nullable.
          expect(Object.values(body.data ?? {}).every((value) => value === null)).toBe(true);
          expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
          expect(JSON.stringify(body)).not.toContain('Rahasia');
        }
      }
      const allowed = await gql(
        '{ newsroomArticles(status: DRAFT, pagination: { limit: 100 }) { title } }',
        'fullAccess'
      );
      expect(allowed.body.data.newsroomArticles.map((a: any) => a.title)).toContain(
        'Rahasia Redaksi Belum Terbit'
      );
    });
  });

  it('hides the published quotes and links of an article once it is unpublished', async () => {
    const n = newsroom(app.strapi);
    const story = await n.createArticle({
      title: 'Berita Yang Ditarik',
      paragraphs: ['Satu "kutipan ditarik" di sini.'],
    });
    const target = await n.createArticle({ title: 'Target Berita Ditarik' });
    await n.addQuote(story, 'kutipan ditarik', 'Juru Bicara');
    await n.addLink(story, target);
    const visible = async () => {
      const quotes = await get(
        '/api/newsroom/documents/quotes?pagination[pageSize]=100',
        'anonymous'
      );
      const links = await get(
        '/api/newsroom/documents/related-links?populate=*&pagination[pageSize]=100',
        'anonymous'
      );
      const gql = await app.request('/graphql', {
        method: 'POST',
        body: {
          query:
            '{ newsroomQuotes(pagination: { limit: 100 }) { text } newsroomRelatedLinks(pagination: { limit: 100 }) { targetArticle { title } } }',
        },
      });
      return {
        rest: [
          ...quotes.body.data.map((q: any) => q.text),
          ...links.body.data.map((l: any) => l.targetArticle?.title),
        ],
        graphql: [
          ...gql.body.data.newsroomQuotes.map((q: any) => q.text),
          ...gql.body.data.newsroomRelatedLinks.map((l: any) => l.targetArticle?.title),
        ],
      };
    };
    const before = await visible();
    expect(before.rest).toEqual(
      expect.arrayContaining(['kutipan ditarik', 'Target Berita Ditarik'])
    );
    expect(before.graphql).toEqual(
      expect.arrayContaining(['kutipan ditarik', 'Target Berita Ditarik'])
    );

    await n.unpublish(ARTICLE, story.documentId);
    const after = await visible();
    expect(after.rest).not.toContain('kutipan ditarik');
    expect(after.rest).not.toContain('Target Berita Ditarik');
    expect(after.graphql).not.toContain('kutipan ditarik');
    expect(after.graphql).not.toContain('Target Berita Ditarik');
  });

  it('marks responses to callers with credentials private, so no shared cache serves them to others', async () => {
    const anonymous = await get(routes().article, 'anonymous');
    expect(anonymous.headers.get('cache-control')).toMatch(/^public/);
    expect(anonymous.headers.get('vary')).toMatch(/Authorization/i);
    const token = await get(routes().article, 'readOnly');
    expect(token.headers.get('cache-control')).toBe('private, no-cache');
    expect(token.headers.get('etag')).toBe(anonymous.headers.get('etag'));
    const list = await get(routes().list, 'readOnly');
    expect(list.headers.get('cache-control')).toBe('private, no-cache');
  });

  it("grants the playground's Public role every read action of the plugin's routes, but not preview", async () => {
    const routers = Object.values(app.strapi.plugin('newsroom').routes as Record<string, any>);
    const routeActions = routers
      .filter((router) => router.type === 'content-api')
      .flatMap((router) => router.routes)
      // A route without authentication (the health probe, `auth: false`) has no action to grant.
      .filter((route: any) => route.config?.auth !== false)
      .map((route: any) => String(route.handler))
      .map((handler) => (handler.startsWith('plugin::') ? handler : `plugin::newsroom.${handler}`));
    expect(routeActions).toContain('plugin::newsroom.preview.draft');
    expect(routeActions).toContain('plugin::newsroom.related.findOne');
    expect(routeActions).not.toContain('plugin::newsroom.story.ping');

    const role = await app.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' } });
    const granted = await app.strapi.db
      .query('plugin::users-permissions.permission')
      .findMany({ where: { role: role.id, action: { $startsWith: 'plugin::newsroom.' } } });
    expect(granted.map((p: any) => p.action).sort()).toEqual(
      routeActions.filter((action) => action !== 'plugin::newsroom.preview.draft').sort()
    );
  });

  it('refuses everything to anonymous callers once the Public role loses its actions', async () => {
    const role = await app.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' } });
    await app.strapi.db
      .query('plugin::users-permissions.permission')
      .deleteMany({ where: { role: role.id, action: { $startsWith: 'plugin::newsroom.' } } });
    for (const path of Object.values(routes())) {
      expect((await get(path, 'anonymous')).status).toBe(403);
    }
    expect((await get(routes().article, 'readOnly')).status).toBe(200);
  });
});
