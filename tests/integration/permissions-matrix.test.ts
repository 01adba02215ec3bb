/**
 * Every route of the plugin, admin and content API, tried by every kind of caller: anonymous,
 * a read-only and a full-access API token, a Users & Permissions user, an admin without the
 * plugin's actions, an admin with read only, an admin with read and manage, and the super
 * admin. The route table is checked against the routes Strapi actually registered, so a new
 * route cannot be left out. Then mass assignment: fields a client must never set (publishedAt,
 * createdBy, updatedBy, documentId, locale, id) are refused by the placement save and refused
 * or ignored by the content manager.
 */
import crypto from 'node:crypto';
import {
  DB,
  adminToken,
  adminWithActions,
  apiToken,
  startStrapi,
  type TestApp,
} from './helpers/strapi';
import {
  ARTICLE,
  LINK,
  SEEDED_SLUG,
  newsroom,
  unchangedPlacement,
  fillPlaceholders,
} from './helpers/newsroom';

const READ = 'plugin::newsroom.read';
const MANAGE = 'plugin::newsroom.manage';

const CALLERS = [
  'anonymous',
  'readOnlyToken',
  'fullAccessToken',
  'usersPermissionsUser',
  'adminWithoutActions',
  'adminRead',
  'adminReadManage',
  'superAdmin',
] as const;
type Caller = (typeof CALLERS)[number];
type Expected = Record<Caller, number>;

/** Admin routes: only admins, and only with the action the route names. */
const adminRoute = (action: 'read' | 'manage'): Expected => ({
  anonymous: 401,
  readOnlyToken: 401,
  fullAccessToken: 401,
  usersPermissionsUser: 401,
  adminWithoutActions: 403,
  adminRead: action === 'read' ? 200 : 403,
  adminReadManage: 200,
  superAdmin: 200,
});

/**
 * Content-API read routes the playground opens to the Public role. The Authenticated role of
 * Users & Permissions is granted nothing of the plugin's (asserted below), so a logged-in
 * reader is refused; an admin's JWT is no content-API credential at all.
 */
const publicRead: Expected = {
  anonymous: 200,
  readOnlyToken: 200,
  fullAccessToken: 200,
  usersPermissionsUser: 403,
  adminWithoutActions: 401,
  adminRead: 401,
  adminReadManage: 401,
  superAdmin: 401,
};

/**
 * Reader events: the Public role may send them (browsers do); a read-only token may not
 * (it reads); a Users & Permissions user is granted nothing of the plugin's.
 */
const publicWrite: Expected = {
  ...publicRead,
  anonymous: 202,
  readOnlyToken: 403,
  fullAccessToken: 202,
};

/** The draft preview: only an API token allowed `preview.draft` (full access here). */
const previewRead: Expected = { ...publicRead, anonymous: 403, readOnlyToken: 403 };

/**
 * The health probe (`auth: false`): no action to grant, no credential checked, so everyone,
 * an admin's JWT or a user's included, gets the same 200.
 */
const open = Object.fromEntries(CALLERS.map((caller) => [caller, 200])) as Expected;

/**
 * The Preview button's link route (`auth: false`): its one credential is the link's own
 * short-lived token (tests/integration/preview.test.ts); without one, no API token, admin JWT
 * or user session opens anything.
 */
const previewLinkOnly = Object.fromEntries(CALLERS.map((caller) => [caller, 403])) as Expected;

const SECRET_DRAFT_TITLE = 'Judul Draf Rahasia Matriks';
const DRAFT_ONLY_TITLE = 'Rahasia Matriks Belum Terbit';

describe(`permissions matrix of every plugin route (${DB})`, () => {
  let app: TestApp;
  let callers: Record<Caller, Record<string, string>>;
  let ids: { article: string; quote: string; link: string; creditedQuote: string };
  let superAdmin: Record<string, string>;
  let requests = 0;

  const placementPath = () => `/newsroom/articles/${ids.article}/placement`;
  const readPlacement = async () => {
    const response = await app.request(placementPath(), { headers: superAdmin });
    if (response.status !== 200)
      throw new Error(`placement: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.data;
  };
  const unchanged = unchangedPlacement;
  const readQuote = async () =>
    (await readPlacement()).quotes.find((q: any) => q.documentId === ids.creditedQuote);

  /**
   * Every route of the plugin, as Strapi registers it (`METHOD path`), with a concrete request
   * and what each caller gets. Bodies are valid saves: a refusal is about the caller, never
   * the input.
   */
  const TABLE: Record<
    string,
    { url: () => string; body?: (allowed: boolean) => Promise<unknown>; expected: Expected }
  > = {
    'GET /api/newsroom/articles': { url: () => '/api/newsroom/articles', expected: publicRead },
    'GET /api/newsroom/articles/:slug': {
      url: () => `/api/newsroom/articles/${SEEDED_SLUG}`,
      expected: publicRead,
    },
    'GET /api/newsroom/articles/:slug/jsonld': {
      url: () => `/api/newsroom/articles/${SEEDED_SLUG}/jsonld`,
      expected: publicRead,
    },
    'GET /api/newsroom/articles/:slug/related': {
      // the largest limit, so that every suggestion the engine has is checked for drafts
      url: () => `/api/newsroom/articles/${SEEDED_SLUG}/related?limit=20`,
      expected: publicRead,
    },
    'GET /api/newsroom/articles/:slug/preview': {
      url: () => `/api/newsroom/articles/${SEEDED_SLUG}/preview`,
      expected: previewRead,
    },
    'GET /api/newsroom/ping': { url: () => '/api/newsroom/ping', expected: open },
    'GET /api/newsroom/preview': { url: () => '/api/newsroom/preview', expected: previewLinkOnly },
    'GET /api/newsroom/sitemaps/news.xml': {
      url: () => '/api/newsroom/sitemaps/news.xml',
      expected: publicRead,
    },
    'GET /api/newsroom/sitemaps/index.xml': {
      url: () => '/api/newsroom/sitemaps/index.xml',
      expected: publicRead,
    },
    'GET /api/newsroom/sitemaps/articles-:page.xml': {
      url: () => '/api/newsroom/sitemaps/articles-1.xml',
      expected: publicRead,
    },
    'POST /api/newsroom/events': {
      url: () => '/api/newsroom/events',
      body: async () => ({ events: [{ type: 'view', article: ids.article }] }),
      expected: publicWrite,
    },
    'GET /newsroom/articles/:documentId/link-stats': {
      url: () => `/newsroom/articles/${ids.article}/link-stats`,
      expected: adminRoute('read'),
    },
    'GET /newsroom/articles/:documentId/live-backlinks': {
      url: () => `/newsroom/articles/${ids.article}/live-backlinks`,
      expected: adminRoute('read'),
    },
    'GET /api/newsroom/documents/articles': {
      url: () => '/api/newsroom/documents/articles?pagination[pageSize]=100',
      expected: publicRead,
    },
    'GET /api/newsroom/documents/articles/:id': {
      url: () => `/api/newsroom/documents/articles/${ids.article}`,
      expected: publicRead,
    },
    'GET /api/newsroom/documents/quotes': {
      url: () => '/api/newsroom/documents/quotes?pagination[pageSize]=100',
      expected: publicRead,
    },
    'GET /api/newsroom/documents/quotes/:id': {
      url: () => `/api/newsroom/documents/quotes/${ids.quote}`,
      expected: publicRead,
    },
    'GET /api/newsroom/documents/related-links': {
      url: () => '/api/newsroom/documents/related-links?pagination[pageSize]=100',
      expected: publicRead,
    },
    'GET /api/newsroom/documents/related-links/:id': {
      url: () => `/api/newsroom/documents/related-links/${ids.link}`,
      expected: publicRead,
    },
    'GET /newsroom/articles': { url: () => '/newsroom/articles', expected: adminRoute('read') },
    'GET /newsroom/link-health': {
      url: () => '/newsroom/link-health',
      expected: adminRoute('read'),
    },
    'GET /newsroom/status': { url: () => '/newsroom/status', expected: adminRoute('read') },
    'GET /newsroom/targets': {
      url: () => `/newsroom/targets?q=rusia&exclude=${ids.article}`,
      expected: adminRoute('read'),
    },
    'GET /newsroom/articles/:documentId/placement': {
      url: placementPath,
      expected: adminRoute('read'),
    },
    'GET /newsroom/articles/:documentId/suggestions': {
      url: () => `/newsroom/articles/${ids.article}/suggestions`,
      expected: adminRoute('read'),
    },
    'GET /newsroom/orphans': { url: () => '/newsroom/orphans', expected: adminRoute('read') },
    'PUT /newsroom/articles/:documentId/placement': {
      url: placementPath,
      // Allowed callers keep the placement as it is; any other caller sends a save that
      // would remove every link, so a refusal that let it through would show.
      body: async (allowed) => {
        const current = unchanged(await readPlacement());
        return allowed ? current : { ...current, links: [] };
      },
      expected: adminRoute('manage'),
    },
    'POST /newsroom/articles/:documentId/placement/copy': {
      url: () => `/newsroom/articles/${ids.article}/placement/copy`,
      body: async () => ({ from: 'en', version: 'any' }),
      // This playground has one language: a caller the route lets through gets the 400 that
      // says so (tests/integration/two-languages copies between two).
      expected: { ...adminRoute('manage'), adminReadManage: 400, superAdmin: 400 },
    },
    'PUT /newsroom/articles/:documentId/quotes/:quoteId/speaker': {
      url: () => `/newsroom/articles/${ids.article}/quotes/${ids.creditedQuote}/speaker`,
      // Allowed callers confirm the speaker the quote already names (again and again); any
      // other caller sends a clear, which a refusal that let it through would show.
      body: async (allowed) => {
        const quote = await readQuote();
        return { version: quote.version, decision: allowed ? 'confirm' : 'clear' };
      },
      expected: adminRoute('manage'),
    },
    'POST /newsroom/articles/:documentId/invalidate': {
      url: () => `/newsroom/articles/${ids.article}/invalidate`,
      // Sends the story's purge again (to no webhook here): harmless however often.
      expected: adminRoute('manage'),
    },
  };

  /** The plugin's routes from Strapi's own router: `METHOD path`, HEAD left out. */
  const registeredRoutes = () =>
    app.strapi.server
      .listRoutes()
      .filter((layer: any) => /^\/(api\/)?newsroom(\/|$)/.test(String(layer.path)))
      .flatMap((layer: any) =>
        (layer.methods as string[])
          .filter((method) => method !== 'HEAD')
          .map((method) => `${method} ${layer.path}`)
      )
      .sort();

  /** The plugin's routes as it declares them (every router, admin and content API). */
  const declaredRoutes = () =>
    Object.values(app.strapi.plugin('newsroom').routes as Record<string, any>).flatMap(
      (router) => router.routes as { method: string; path: string }[]
    );

  beforeAll(async () => {
    // A site URL and a publication name, so that the sitemaps answer (they 404 without them).
    app = await startStrapi({
      env: {
        NEWSROOM_SITE_URL: 'https://www.contoh.id',
        NEWSROOM_PUBLICATION_NAME: 'Warta Contoh',
      },
    });
    // The seed's Baca Juga targets, written and published: links to live stories.
    await fillPlaceholders(app.strapi);
    const n = newsroom(app.strapi);
    const seeded = await n.seeded();
    const quote = await app.strapi
      .documents('plugin::newsroom.quote' as any)
      .findFirst({ status: 'published' } as any);
    const link = await app.strapi.documents(LINK as any).findFirst({ status: 'published' } as any);
    const credited = await app.strapi.documents('plugin::newsroom.quote' as any).findFirst({
      status: 'draft',
      filters: { article: { documentId: seeded.documentId }, speaker: { $notNull: true } },
    } as any);
    ids = {
      article: seeded.documentId,
      quote: quote!.documentId,
      link: link!.documentId,
      creditedQuote: credited!.documentId,
    };
    // Drafts that must never reach a caller not allowed to preview: an unpublished edit of
    // the published story, and a story never published.
    await n.update(ARTICLE, seeded.documentId, { title: SECRET_DRAFT_TITLE });
    await n.createArticle({ title: DRAFT_ONLY_TITLE, publish: false });

    superAdmin = { authorization: `Bearer ${await adminToken(app)}` };

    // A reader registered through Users & Permissions, logged in for a JWT.
    const suffix = crypto.randomBytes(4).toString('hex');
    const registration = {
      username: `reader-${suffix}`,
      email: `reader-${suffix}@newsroom.test`,
      password: 'Reader-pass-1',
    };
    const registered = await app.request('/api/auth/local/register', {
      method: 'POST',
      body: registration,
    });
    expect(registered.status).toBe(200);
    const login = await app.request('/api/auth/local', {
      method: 'POST',
      body: { identifier: registration.email, password: registration.password },
    });
    expect(login.status).toBe(200);
    expect(login.body.user.email).toBe(registration.email);

    callers = {
      anonymous: {},
      readOnlyToken: await apiToken(app, 'read-only'),
      fullAccessToken: await apiToken(app, 'full-access'),
      usersPermissionsUser: { authorization: `Bearer ${login.body.jwt}` },
      adminWithoutActions: await adminWithActions(app, []),
      adminRead: await adminWithActions(app, [READ]),
      adminReadManage: await adminWithActions(app, [READ, MANAGE]),
      superAdmin,
    };
  });
  afterAll(async () => {
    await app?.stop();
    const routes = Object.keys(TABLE).length;
    console.log(
      `permissions matrix: ${routes} routes × ${CALLERS.length} callers = ` +
        `${routes * CALLERS.length} requests (${DB}; ${requests} requests made by the file's ` +
        'route checks in all)'
    );
  });

  it('covers every route Strapi registered for the plugin, admin and content API', () => {
    const registered = registeredRoutes();
    expect(registered).toEqual(Object.keys(TABLE).sort());
    // and Strapi registered every route the plugin declares, no more
    expect(declaredRoutes()).toHaveLength(registered.length);
    const types = new Set(
      Object.values(app.strapi.plugin('newsroom').routes as Record<string, any>).map(
        (router) => router.type
      )
    );
    expect([...types].sort()).toEqual(['admin', 'content-api']);
  });

  it("grants the Authenticated role none of the plugin's actions (the playground opens only Public)", async () => {
    const permissions = async (type: string) => {
      const role = await app.strapi.db
        .query('plugin::users-permissions.role')
        .findOne({ where: { type } });
      const rows = await app.strapi.db
        .query('plugin::users-permissions.permission')
        .findMany({ where: { role: role.id, action: { $startsWith: 'plugin::newsroom.' } } });
      return rows.map((p: any) => p.action as string);
    };
    expect(await permissions('authenticated')).toEqual([]);
    expect(await permissions('public')).not.toContain('plugin::newsroom.preview.draft');
    expect((await permissions('public')).length).toBeGreaterThan(0);
  });

  describe.each(Object.keys(TABLE))('%s', (route) => {
    it('gives each caller exactly what it should', async () => {
      const { url, body, expected } = TABLE[route];
      const [method] = route.split(' ');
      const versionBefore = (await readPlacement()).version;

      const actual = {} as Expected;
      for (const caller of CALLERS) {
        const payload = body ? await body(expected[caller] === 200) : undefined;
        const response = await app.request(url(), {
          method,
          headers: callers[caller],
          ...(payload === undefined ? {} : { body: payload }),
        });
        requests += 1;
        actual[caller] = response.status;
        const text = JSON.stringify(response.body);
        if (response.status >= 400) {
          // Strapi's error shape, with no data
          expect(response.body).toMatchObject({ data: null, error: { status: response.status } });
        } else if (route.startsWith('GET /api/') && !route.endsWith('/preview')) {
          // nothing but published content on the public read routes
          expect([caller, text.includes(SECRET_DRAFT_TITLE)]).toEqual([caller, false]);
          expect([caller, text.includes(DRAFT_ONLY_TITLE)]).toEqual([caller, false]);
        }
        if (route.endsWith('/preview') && response.status === 200) {
          expect(response.body.data.title).toBe(SECRET_DRAFT_TITLE);
        }
        if (route.endsWith('/ping')) {
          expect([caller, response.body]).toEqual([caller, { data: { status: 'ok' } }]);
        }
      }
      expect(actual).toEqual(expected);
      // whoever called, the placement is as it was (the allowed saves kept it unchanged)
      expect((await readPlacement()).version).toBe(versionBefore);
      // and the quote still names its speaker (only confirms got through)
      expect((await readQuote()).speaker).not.toBeNull();
    });
  });

  it('serves a draft through ?status=draft to the full-access token only', async () => {
    const statuses: Partial<Expected> = {};
    for (const caller of CALLERS) {
      const response = await app.request(`/api/newsroom/articles/${SEEDED_SLUG}?status=draft`, {
        headers: callers[caller],
      });
      requests += 1;
      statuses[caller] = response.status;
      if (caller === 'fullAccessToken') {
        // the draft itself, not the published version under a 200
        expect(response.body.data.title).toBe(SECRET_DRAFT_TITLE);
      } else {
        expect(JSON.stringify(response.body)).not.toContain(SECRET_DRAFT_TITLE);
      }
    }
    expect(statuses).toEqual({ ...previewRead });
  });

  it('has no write route on the content API, whoever asks', async () => {
    const writes: [string, string][] = [
      ['POST', '/api/newsroom/articles'],
      ['PUT', `/api/newsroom/articles/${SEEDED_SLUG}`],
      ['DELETE', `/api/newsroom/articles/${SEEDED_SLUG}`],
      ['POST', '/api/newsroom/documents/related-links'],
      ['PUT', `/api/newsroom/documents/related-links/${ids.link}`],
      ['DELETE', `/api/newsroom/documents/related-links/${ids.link}`],
      ['POST', '/api/newsroom/documents/articles'],
      ['DELETE', `/api/newsroom/documents/articles/${ids.article}`],
      ['DELETE', `/api/newsroom/documents/quotes/${ids.quote}`],
    ];
    const linksBefore = await app.strapi.db.query(LINK).count();
    for (const caller of ['anonymous', 'fullAccessToken', 'superAdmin'] as const) {
      for (const [method, path] of writes) {
        const response = await app.request(path, {
          method,
          headers: callers[caller],
          body: { data: { label: 'forged', publishedAt: '2020-01-01T00:00:00.000Z' } },
        });
        requests += 1;
        expect([caller, method, path, response.status]).toEqual([caller, method, path, 405]);
      }
    }
    expect(await app.strapi.db.query(LINK).count()).toBe(linksBefore);
  });

  describe('mass assignment on the placement save: a 400 naming the field, nothing changed', () => {
    let before: any;
    let linkRows: number;

    beforeEach(async () => {
      before = await readPlacement();
      linkRows = await app.strapi.db.query(LINK).count();
    });
    afterEach(async () => {
      const after = await readPlacement();
      expect(after.version).toBe(before.version);
      expect(after.links).toEqual(before.links);
      expect(await app.strapi.db.query(LINK).count()).toBe(linkRows);
    });

    const FORGED: Record<string, unknown> = {
      publishedAt: '2020-01-01T00:00:00.000Z',
      createdBy: 1,
      updatedBy: 1,
      documentId: 'forgedforgedforgedforged',
      locale: 'en',
      id: 1,
    };

    it.each(Object.keys(FORGED))('%s at the top level of the body', async (field) => {
      const response = await app.request(placementPath(), {
        method: 'PUT',
        headers: superAdmin,
        body: { ...unchanged(before), [field]: FORGED[field] },
      });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toBe(`${field}: unknown field`);
      expect(response.body.error.details.errors[0].path).toEqual([field]);
    });

    it.each(Object.keys(FORGED).filter((field) => field !== 'documentId'))(
      '%s inside a link',
      async (field) => {
        const body = unchanged(before);
        body.links[0] = { ...body.links[0], [field]: FORGED[field] };
        const response = await app.request(placementPath(), {
          method: 'PUT',
          headers: superAdmin,
          body,
        });
        expect(response.status).toBe(400);
        expect(response.body.error.message).toBe(`links.0.${field}: unknown field`);
        expect(response.body.error.details.errors[0].path).toEqual(['links', '0', field]);
      }
    );

    it("a link's documentId naming another article's link (taking it over)", async () => {
      const n = newsroom(app.strapi);
      const other = await n.createArticle({ title: 'Artikel Lain Dengan Tautan' });
      const target = await n.createArticle({ title: 'Target Artikel Lain' });
      const foreign = await n.addLink(other, target, { label: 'milik artikel lain' });
      linkRows = await app.strapi.db.query(LINK).count(); // the save must not change it
      const body = unchanged(before);
      body.links.push({
        documentId: foreign.documentId,
        url: '/berita/diambil-alih',
        afterParagraphId: before.paragraphs[0].id,
      });
      const response = await app.request(placementPath(), {
        method: 'PUT',
        headers: superAdmin,
        body,
      });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(
        new RegExp(`^links\\.${body.links.length - 1}\\.documentId: is not a link of this article`)
      );
      const stored = await app.strapi.db.query(LINK).findMany({
        where: { documentId: foreign.documentId },
        populate: { sourceArticle: { select: ['documentId'] } },
      });
      expect(stored.length).toBeGreaterThan(0);
      for (const row of stored) {
        expect(row).toMatchObject({ label: 'milik artikel lain', url: null });
        expect(row.sourceArticle.documentId).toBe(other.documentId);
      }
    });
  });

  describe('mass assignment through the content manager: refused or ignored', () => {
    const CM = `/content-manager/collection-types/${LINK}`;
    const FORGED_ROW_ID = 987654;
    let superAdminId: number;
    let otherAdminId: number;
    let source: any;

    beforeAll(async () => {
      const me = await app.request('/admin/users/me', { headers: superAdmin });
      superAdminId = me.body.data.id;
      const suffix = crypto.randomBytes(4).toString('hex');
      const other = await app.strapi.service('admin::user').create({
        email: `impersonated-${suffix}@newsroom.test`,
        firstname: 'Orang',
        lastname: 'Lain',
        isActive: true,
        registrationToken: null,
        roles: [],
      });
      otherAdminId = other.id;
      expect(otherAdminId).not.toBe(superAdminId);
      source = await newsroom(app.strapi).createArticle({
        title: 'Sumber Uji Penugasan Massal',
        paragraphs: ['Satu.', 'Dua.'],
      });
    });

    const rowsOf = (where: Record<string, unknown>) =>
      app.strapi.db.query(LINK).findMany({
        where,
        populate: { createdBy: { select: ['id'] }, updatedBy: { select: ['id'] } },
      });

    /** What a stored row took from the request, in one object so a diff names every field. */
    const provenance = (row: any, forged: { documentId: string; id?: number }) => ({
      documentId: row.documentId === forged.documentId ? 'forged' : 'chosen by Strapi',
      id: row.id === forged.id ? 'forged' : 'chosen by Strapi',
      locale: row.locale ?? null,
      publishedAt: row.publishedAt,
      createdBy: row.createdBy?.id,
      updatedBy: row.updatedBy?.id,
    });

    it('create: publishedAt, createdBy, updatedBy, documentId, locale and id are not taken', async () => {
      const target = await newsroom(app.strapi).createArticle({ title: 'Target Uji Buat CM' });
      const forged = { documentId: 'forgedcmdocumentid000001', id: FORGED_ROW_ID };
      const response = await app.request(CM, {
        method: 'POST',
        headers: superAdmin,
        body: {
          sourceArticle: { connect: [{ documentId: source.documentId }] },
          targetArticle: { connect: [{ documentId: target.documentId }] },
          afterParagraphId: source.body[0].id,
          label: 'Label penugasan massal',
          publishedAt: '2020-01-01T00:00:00.000Z',
          createdBy: otherAdminId,
          updatedBy: otherAdminId,
          locale: 'fr',
          ...forged,
        },
      });
      const rows = await rowsOf({ label: 'Label penugasan massal' });
      if (response.status >= 400) {
        // refused: then nothing was written
        expect(response.status).toBe(400);
        expect(rows).toEqual([]);
        return;
      }
      expect(response.status).toBe(201);
      // ignored: created as a draft only, by the caller, under ids of Strapi's choosing
      expect(rows.map((row: any) => provenance(row, forged))).toEqual([
        {
          documentId: 'chosen by Strapi',
          id: 'chosen by Strapi',
          locale: null,
          publishedAt: null,
          createdBy: superAdminId,
          updatedBy: superAdminId,
        },
      ]);
    });

    it('update: createdBy, updatedBy, publishedAt, documentId, locale and id are not taken', async () => {
      const n = newsroom(app.strapi);
      const target = await n.createArticle({ title: 'Target Uji Ubah CM' });
      const link = await n.addLink(source, target, { after: 1, label: 'Label asli' });
      const before = await rowsOf({ documentId: link.documentId });
      expect(before.map((row: any) => row.publishedAt === null).sort()).toEqual([false, true]);
      const forged = { documentId: 'forgedcmdocumentid000002', id: FORGED_ROW_ID + 1 };

      const response = await app.request(`${CM}/${link.documentId}`, {
        method: 'PUT',
        headers: superAdmin,
        body: {
          label: 'Label diubah',
          publishedAt: '2020-01-01T00:00:00.000Z',
          createdBy: otherAdminId,
          updatedBy: otherAdminId,
          locale: 'fr',
          ...forged,
        },
      });
      expect([200, 400]).toContain(response.status);
      const saved = response.status === 200;
      const after = await rowsOf({ documentId: link.documentId });
      // the draft, wherever the update put it
      const draft = (
        await rowsOf({
          $or: [
            { documentId: link.documentId },
            { documentId: forged.documentId },
            { id: forged.id },
          ],
        })
      ).find((row: any) => row.publishedAt === null);
      const published = after.find((row: any) => row.publishedAt !== null);
      // One object, so that a failure names every field the update took.
      expect({
        // the document keeps its draft and its published version under one documentId
        rowsUnderTheDocumentId: after.length,
        rowsUnderTheForgedDocumentId: (await rowsOf({ documentId: forged.documentId })).length,
        rowsUnderTheForgedId: (await rowsOf({ id: forged.id })).length,
        draft: draft && { ...provenance(draft, forged), label: draft.label },
      }).toEqual({
        rowsUnderTheDocumentId: 2,
        rowsUnderTheForgedDocumentId: 0,
        rowsUnderTheForgedId: 0,
        draft: {
          documentId: 'chosen by Strapi',
          id: 'chosen by Strapi',
          locale: null,
          publishedAt: null,
          createdBy: before[0].createdBy?.id,
          updatedBy: saved ? superAdminId : before[0].updatedBy?.id,
          label: saved ? 'Label diubah' : 'Label asli',
        },
      });
      // the published version is untouched: publishing is a separate, permissioned action
      expect(published).toMatchObject({ label: 'Label asli', locale: null });
      expect(new Date(published.publishedAt).getFullYear()).not.toBe(2020);
    });
  });
});
