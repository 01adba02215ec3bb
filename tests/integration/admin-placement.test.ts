/**
 * The Baca Juga manager's admin routes, against a real Strapi: who may call them, the
 * article list with link health, reading and saving a placement, stale saves and bad input.
 */
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
  QUOTE,
  SEEDED_SLUG,
  newsroom,
  unchangedPlacement,
  fillPlaceholders,
} from './helpers/newsroom';
import { maxHealthWait } from './helpers/health-wait';
import { tagKeysOf } from '#shared/tags';
import { backfillTagKeys } from '../../server/src/database/tag-keys';
import { moveImportedCreditsToSuggestions } from '../../server/src/database/suggested-credits';
import {
  checkContract,
  linkHealthResponseSchema,
  placementResponseSchema,
  placementSaveResponseSchema,
  speakerDecisionResponseSchema,
  suggestionsResponseSchema,
  targetSearchResponseSchema,
} from '../../shared/contracts/admin';
import { fromPlacement, readerViewOf } from '../../admin/src/utils/placement';

const READ = 'plugin::newsroom.read';
const MANAGE = 'plugin::newsroom.manage';

describe(`admin routes of the Baca Juga manager (${DB})`, () => {
  let app: TestApp;
  let superAdmin: Record<string, string>;
  let seededId: string;

  const placement = (headers = superAdmin) =>
    app.request(`/newsroom/articles/${seededId}/placement`, { headers });
  const save = (body: unknown, headers = superAdmin, id = seededId) =>
    app.request(`/newsroom/articles/${id}/placement`, { method: 'PUT', body, headers });
  const unchanged = unchangedPlacement;
  const publicBlocks = async () =>
    (await app.request(`/api/newsroom/articles/${SEEDED_SLUG}`)).body.data.body
      .filter((b: any) => b.type === 'baca-juga')
      .map((b: any) => b.label);

  beforeAll(async () => {
    app = await startStrapi();
    // The seed's Baca Juga targets, written and published: links to live stories.
    await fillPlaceholders(app.strapi);
    superAdmin = { authorization: `Bearer ${await adminToken(app)}` };
    seededId = (await newsroom(app.strapi).seeded()).documentId;
  });
  afterAll(async () => {
    await app?.stop();
  });

  describe('access', () => {
    const routes = () => [
      ['GET', '/newsroom/articles'],
      ['GET', '/newsroom/link-health'],
      ['GET', '/newsroom/targets?q=rusia'],
      ['GET', `/newsroom/articles/${seededId}/placement`],
      ['GET', `/newsroom/articles/${seededId}/suggestions`],
      ['PUT', `/newsroom/articles/${seededId}/placement`],
    ];
    const call = (method: string, path: string, headers: Record<string, string>) =>
      app.request(path, { method, headers, ...(method === 'PUT' ? { body: {} } : {}) });

    it('refuses anonymous callers and content-API tokens with 401', async () => {
      const tokens = [await apiToken(app, 'read-only'), await apiToken(app, 'full-access')];
      for (const headers of [{}, ...tokens]) {
        for (const [method, path] of routes()) {
          expect([method, path, (await call(method, path, headers)).status]).toEqual([
            method,
            path,
            401,
          ]);
        }
      }
    });

    it('refuses an admin whose role lacks the plugin actions with 403', async () => {
      const none = await adminWithActions(app, []);
      for (const [method, path] of routes()) {
        expect([method, path, (await call(method, path, none)).status]).toEqual([
          method,
          path,
          403,
        ]);
      }
    });

    it('lets a read-only editor read everything and save nothing', async () => {
      const reader = await adminWithActions(app, [READ]);
      for (const [method, path] of routes().filter(([m]) => m === 'GET')) {
        expect([path, (await call(method, path, reader)).status]).toEqual([path, 200]);
      }
      const before = (await placement(reader)).body.data;
      const response = await save({ ...unchanged(before), links: [] }, reader);
      expect(response.status).toBe(403);
      expect((await placement()).body.data.links).toHaveLength(before.links.length);
    });

    it('lets an editor with read and manage save', async () => {
      const editor = await adminWithActions(app, [READ, MANAGE]);
      const { data } = (await placement(editor)).body;
      const response = await save(unchanged(data), editor);
      expect(response.status).toBe(200);
      expect(response.body.data.version).toBe(data.version);
    });
  });

  describe('placement', () => {
    it('shows the paragraphs, the links in reading order with their health, and the quotes', async () => {
      const { status, body } = await placement();
      expect(status).toBe(200);
      // The admin reads it with the same schema (admin/src/api/guards.ts).
      expect(() => checkContract(placementResponseSchema, body)).not.toThrow();
      const { article, paragraphs, links, quotes, version, maxLinks } = body.data;
      expect(article).toMatchObject({ slug: SEEDED_SLUG, status: 'published' });
      expect(paragraphs).toHaveLength(11);
      expect(links.map((l: any) => [l.label, l.health, l.targetArticle.status])).toEqual([
        ['Kenal Lewat Aplikasi, Gadis Palembang Dinikahi Bule Rusia', 'ok', 'published'],
        ['AS Serukan Hal Mencekam Ini ke Rusia', 'ok', 'published'],
      ]);
      expect(links[0].afterParagraphId).toBe(paragraphs[2].id);
      expect(quotes).toHaveLength(7);
      expect(quotes.every((q: any) => paragraphs.some((p: any) => p.id === q.paragraphId))).toBe(
        true
      );
      expect(version).toMatch(/^[\w-]{10,}$/);
      expect(maxLinks).toBe(10);
    });

    // Regression (issue 25, item 20): the manager's preview said what readers see with its own
    // copy of the rule. It labelled a link with its target's draft title where readers get the
    // published one, and showed a link to a placeholder without a label of its own under the
    // placeholder's title, where the render holds it back. Both now read shared/baca-juga/
    // reader-view; this pins that the preview of every link is what the render serves.
    it("previews each link as readers get it: the published title, a placeholder's own label", async () => {
      const n = newsroom(app.strapi);
      const source = await n.createArticle({
        title: 'Sumber Pratinjau Pembaca',
        paragraphs: ['Satu.', 'Dua.', 'Tiga.'],
      });
      const retitled = await n.createArticle({ title: 'Judul Terbit Untuk Pembaca' });
      const articles = app.strapi.documents(ARTICLE as any) as any;
      await articles.update({
        documentId: retitled.documentId,
        data: { title: 'Judul Draf Belum Terbit' },
      });
      const placeholder = (title: string) =>
        articles.create({ data: { title, body: [], placeholder: true } });
      const labelled = await placeholder('Naskah Ditunggu Berlabel');
      const bare = await placeholder('Naskah Ditunggu Tanpa Label');
      await n.addLink(source, retitled, { after: 0 });
      await n.addLink(source, labelled, { after: 1, label: 'Baris Dari Naskah' });
      await n.addLink(source, bare, { after: 2 });

      const read = await app.request(`/newsroom/articles/${source.documentId}/placement`, {
        headers: superAdmin,
      });
      const data = checkContract(placementResponseSchema, read.body).data;
      expect(data.links[0].targetArticle).toMatchObject({
        title: 'Judul Draf Belum Terbit',
        status: 'modified',
        publishedTitle: 'Judul Terbit Untuk Pembaca',
      });
      const preview = fromPlacement(data)
        .map(readerViewOf)
        .flatMap((view) => (view.kind === 'held' ? [] : [[view.kind, view.label]]));
      const rendered = (
        await app.request(`/api/newsroom/articles/${data.article.slug}`)
      ).body.data.body.flatMap((b: any) =>
        b.type === 'baca-juga' ? [[b.href === null ? 'text' : 'link', b.label]] : []
      );
      expect(rendered).toEqual([
        ['link', 'Judul Terbit Untuk Pembaca'],
        ['text', 'Baris Dari Naskah'],
      ]);
      expect(preview).toEqual(rendered);
    });

    it('answers 404 for an unknown article and 400 for a malformed documentId', async () => {
      const unknown = await app.request('/newsroom/articles/zzzzzzzzzzzzzzzzzzzzzzzz/placement', {
        headers: superAdmin,
      });
      expect(unknown.status).toBe(404);
      const malformed = await app.request('/newsroom/articles/x;drop/placement', {
        headers: superAdmin,
      });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.message).toMatch(/^documentId: /);
    });
  });

  describe('saving', () => {
    it('adds, moves and removes links in one save, and a published article shows it at once', async () => {
      const n = newsroom(app.strapi);
      const target = await n.createArticle({ title: 'Kim Jong Un Kunjungi Pabrik Rudal' });
      const { data } = (await placement()).body;
      const [first, second] = data.links;
      const last = data.paragraphs[data.paragraphs.length - 1].id;

      const response = await save({
        version: data.version,
        links: [
          // the first seeded link is removed; a new one stands after paragraph 5
          { targetDocumentId: target.documentId, afterParagraphId: data.paragraphs[4].id },
          // the second seeded link moves to the end, with a new label
          {
            documentId: second.documentId,
            targetDocumentId: second.targetArticle.documentId,
            label: 'AS dan Rusia',
            afterParagraphId: last,
          },
        ],
      });
      expect(response.status).toBe(200);
      const saved = response.body.data;
      expect(saved.version).not.toBe(data.version);
      expect(saved.links.map((l: any) => [l.targetArticle.title, l.afterParagraphId])).toEqual([
        ['Kim Jong Un Kunjungi Pabrik Rudal', data.paragraphs[4].id],
        ['AS Serukan Hal Mencekam Ini ke Rusia', last],
      ]);
      expect(saved.links.some((l: any) => l.documentId === first.documentId)).toBe(false);

      const body = (await app.request(`/api/newsroom/articles/${SEEDED_SLUG}`)).body.data.body;
      const blocks = body.filter((b: any) => b.type === 'baca-juga');
      expect(blocks.map((b: any) => b.label)).toEqual([
        'Kim Jong Un Kunjungi Pabrik Rudal',
        'AS dan Rusia',
      ]);
      // the moved link is the very last block; the new one follows paragraph 5
      expect(body[body.length - 1].label).toBe('AS dan Rusia');
      const afterFifth = body.findIndex((b: any) => b.id === data.paragraphs[4].id) + 1;
      expect(body[afterFifth].label).toBe('Kim Jong Un Kunjungi Pabrik Rudal');
      // the removed link is gone from every table, draft and published
      expect(
        await app.strapi.db.query(LINK).count({ where: { documentId: first.documentId } })
      ).toBe(0);
    });

    it('reorders links within a slot', async () => {
      const n = newsroom(app.strapi);
      const extra = await n.createArticle({ title: 'Rusia Kirim Delegasi ke Pyongyang' });
      const { data } = (await placement()).body;
      const anchor = data.links[1].afterParagraphId;
      const withExtra = unchanged(data);
      withExtra.links.push({ targetDocumentId: extra.documentId, afterParagraphId: anchor });
      const added = (await save(withExtra)).body.data;
      expect(await publicBlocks()).toEqual([
        'Kim Jong Un Kunjungi Pabrik Rudal',
        'AS dan Rusia',
        'Rusia Kirim Delegasi ke Pyongyang',
      ]);

      const swapped = unchanged(added);
      swapped.links = [swapped.links[0], swapped.links[2], swapped.links[1]];
      const response = await save(swapped);
      expect(response.status).toBe(200);
      expect(response.body.data.links.map((l: any) => l.position)).toEqual([0, 0, 1]);
      expect(await publicBlocks()).toEqual([
        'Kim Jong Un Kunjungi Pabrik Rudal',
        'Rusia Kirim Delegasi ke Pyongyang',
        'AS dan Rusia',
      ]);
    });

    it("refuses a stale save with 409 and keeps the colleague's work", async () => {
      const { data: mine } = (await placement()).body;
      // a colleague removes the last link first
      const theirs = unchanged(mine);
      theirs.links.pop();
      expect((await save(theirs)).status).toBe(200);
      const afterTheirs = (await placement()).body.data;

      const response = await save({ ...unchanged(mine), links: [] });
      expect(response.status).toBe(409);
      expect(response.body.error).toMatchObject({
        status: 409,
        name: 'ConflictError',
        details: { currentVersion: afterTheirs.version },
      });
      expect((await placement()).body.data).toEqual(afterTheirs);

      // still a conflict when my save names the link the colleague removed
      const stale = await save(unchanged(mine));
      expect(stale.status).toBe(409);
      expect((await placement()).body.data).toEqual(afterTheirs);
    });

    it('names who last changed each link and when, for the merge after a conflict', async () => {
      const editor = await adminWithActions(app, [READ, MANAGE]);
      const me = (await app.request('/admin/users/me', { headers: editor })).body.data;
      const { data } = (await placement(editor)).body;
      const body = unchanged(data);
      body.links[0].label = 'Ditulis ulang oleh editor';
      const before = Date.now();
      expect((await save(body, editor)).status).toBe(200);
      const after = (await placement()).body.data;
      const changed = after.links.find((l: any) => l.documentId === data.links[0].documentId);
      expect(changed.changedBy).toBe(`${me.firstname} ${me.lastname}`);
      expect(Date.parse(changed.changedAt)).toBeGreaterThanOrEqual(before - 1000);
    });

    it('sees a change made outside the manager as a conflict too', async () => {
      const { data } = (await placement()).body;
      await newsroom(app.strapi).update(LINK, data.links[0].documentId, { label: 'Diubah di CM' });
      const response = await save(unchanged(data));
      expect(response.status).toBe(409);
    });
  });

  describe('draft stories', () => {
    it('keeps links placed on a draft story in draft, and publishes them with the story', async () => {
      const n = newsroom(app.strapi);
      const story = await n.createArticle({
        title: 'Draf Cerita Dengan Tautan',
        paragraphs: ['Satu.', 'Dua.'],
        publish: false,
      });
      const target = await n.createArticle({ title: 'Target Terbit Untuk Draf' });
      const quote = await n.addQuote(story, 'Satu.', 'Juru bicara');
      await n.unpublish(QUOTE, quote.documentId);
      const read = await app.request(`/newsroom/articles/${story.documentId}/placement`, {
        headers: superAdmin,
      });
      expect(read.body.data.article.status).toBe('draft');
      const saved = await save(
        {
          version: read.body.data.version,
          links: [{ targetDocumentId: target.documentId, afterParagraphId: story.body[0].id }],
        },
        superAdmin,
        story.documentId
      );
      expect(saved.status).toBe(200);
      expect(() => checkContract(placementSaveResponseSchema, saved.body)).not.toThrow();
      const published = () =>
        app.strapi.db.query(LINK).count({
          where: {
            sourceArticle: { documentId: story.documentId },
            publishedAt: { $notNull: true },
          },
        });
      expect(await published()).toBe(0);

      // Publish through the content manager's own route, as an editor would.
      const cm = `/content-manager/collection-types/${ARTICLE}/${story.documentId}/actions/publish`;
      expect(
        (await app.request(cm, { method: 'POST', body: {}, headers: superAdmin })).status
      ).toBe(200);
      expect(await published()).toBe(1);
      const { body } = await app.request(`/api/newsroom/articles/${story.slug}`);
      expect(body.data.body.map((b: any) => b.label ?? b.text)).toEqual([
        'Satu.',
        'Target Terbit Untuk Draf',
        'Dua.',
      ]);
      expect(body.data.quotes.map((q: any) => q.speaker)).toEqual(['Juru bicara']);
    });
  });

  describe('bad input: a 400 naming the field, and nothing changes', () => {
    let data: any;
    let publicBefore: string[];
    let otherId: string;

    beforeAll(async () => {
      data = (await placement()).body.data;
      publicBefore = await publicBlocks();
      otherId = data.links[0].targetArticle.documentId;
    });
    afterEach(async () => {
      const now = (await placement()).body.data;
      expect(now.version).toBe(data.version);
      expect(await publicBlocks()).toEqual(publicBefore);
    });

    const p = () => data.paragraphs.map((x: any) => x.id);
    const cases: [string, () => unknown, RegExp][] = [
      [
        'an unknown target article',
        () => ({ targetDocumentId: 'abcdefghijklmnopqrstuvwx', afterParagraphId: p()[0] }),
        /^links\.\d+\.targetDocumentId: no article/,
      ],
      [
        'a link to the article itself',
        () => ({ targetDocumentId: seededId, afterParagraphId: p()[0] }),
        /^links\.\d+\.targetDocumentId: an article cannot link to itself/,
      ],
      [
        'the same target twice',
        () => ({ targetDocumentId: otherId, afterParagraphId: p()[6] }),
        /^links\.\d+\.targetDocumentId: this article already links there/,
      ],
      [
        'an anchor that is not a paragraph of the article',
        () => ({ url: 'https://example.com/a', afterParagraphId: 'p-000000000000' }),
        /^links\.\d+\.afterParagraphId: is not a paragraph of the link's article/,
      ],
      ...[
        'javascript:alert(1)',
        'JaVaScRiPt:alert(1)',
        ' javascript:alert(1)',
        'java\tscript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        'vbscript:msgbox(1)',
        '//evil.example/x',
        'ftp://example.com/x',
        'https://exa mple.com',
        '/\\evil.example',
      ].map((url): [string, () => unknown, RegExp] => [
        `the url ${JSON.stringify(url)}`,
        () => ({ url, afterParagraphId: p()[0] }),
        /^links\.\d+\.url: must be an http\(s\) URL or a path on this site/,
      ]),
      [
        'a 10,000-character label',
        () => ({ url: '/berita/x', label: 'x'.repeat(10_000), afterParagraphId: p()[0] }),
        /^links\.\d+\.label: at most 200 characters/,
      ],
      [
        'a label on two lines',
        () => ({ url: '/berita/x', label: 'a\nb', afterParagraphId: p()[0] }),
        /^links\.\d+\.label: must be one line/,
      ],
      [
        'both a target and a url',
        () => ({ targetDocumentId: otherId, url: '/x', afterParagraphId: p()[0] }),
        /^links\.\d+\.url: give either/,
      ],
      [
        'neither a target nor a url',
        () => ({ afterParagraphId: p()[0] }),
        /^links\.\d+\.targetDocumentId: a link needs/,
      ],
      [
        'a field the save does not take',
        () => ({ url: '/x', afterParagraphId: p()[0], publishedAt: '2020-01-01' }),
        /^links\.\d+\.publishedAt: unknown field/,
      ],
      [
        "another article's link",
        () => ({ documentId: 'abcdefghijklmnopqrstuvwx', url: '/x', afterParagraphId: p()[0] }),
        /^links\.\d+\.documentId: is not a link of this article/,
      ],
    ];

    it.each(cases)('%s', async (_name, extra, message) => {
      const body = unchanged(data);
      body.links.push(extra());
      const response = await save(body);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(message);
      expect(response.body.error.details.errors[0].path[0]).toBe('links');
    });

    it('more links than the configured maximum', async () => {
      const body = unchanged(data);
      for (let i = 0; body.links.length <= data.maxLinks; i += 1) {
        body.links.push({ url: `/berita/extra-${i}`, afterParagraphId: p()[0] });
      }
      const response = await save(body);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/^links: at most 10 /);
    });

    it('a megabyte of links at once, without holding the server', async () => {
      // 16,000 links, each with an error of its own: yup looked at all of them, collecting
      // every error, before the count was refused (and inside the save's transaction).
      const body = unchanged(data);
      for (let i = 0; i < 16_000; i += 1) body.links.push({ url: 1, afterParagraphId: 2 } as any);
      expect(JSON.stringify(body).length).toBeLessThan(1024 * 1024);
      const { maxWaitMs, result } = await maxHealthWait(app.baseUrl, () => save(body));
      expect(result).toMatchObject({ status: 400 });
      expect((result as any).body.error.message).toBe(
        'links: at most 10 Baca Juga links per article'
      );
      expect(maxWaitMs).toBeLessThan(1000);
      expect((await placement()).body.data.version).toBe(data.version);
    });

    it('a megabyte story saved and published through the content manager, without holding the server', async () => {
      // The longest story the rules allow: 500 paragraphs of 1,900 characters, about 1 MB.
      const body = Array.from({ length: 500 }, (_, i) => ({
        id: `p-${String(i).padStart(10, '0')}`,
        text: `${'Kata '.repeat(380)}${i}`,
      }));
      const story = await newsroom(app.strapi).createArticle({
        title: 'Cerita Terpanjang',
        paragraphs: ['Satu.'],
      });
      const cm = `/content-manager/collection-types/${ARTICLE}/${story.documentId}`;
      const edit = { title: 'Cerita Terpanjang', body };
      expect(JSON.stringify(edit).length).toBeGreaterThan(900_000);
      for (const [path, method] of [
        [cm, 'PUT'],
        [`${cm}/actions/publish`, 'POST'],
      ] as const) {
        const { maxWaitMs, result } = await maxHealthWait(app.baseUrl, () =>
          app.request(path, { method, body: edit, headers: superAdmin })
        );
        expect((result as any).status).toBe(200);
        expect(maxWaitMs).toBeLessThan(1000);
      }
    });

    it('a body without a version, or with unknown fields', async () => {
      const noVersion = await save({ links: [] });
      expect(noVersion.status).toBe(400);
      expect(noVersion.body.error.message).toMatch(/^version: /);
      const extra = await save({ ...unchanged(data), documentId: 'x' });
      expect(extra.status).toBe(400);
      expect(extra.body.error.message).toMatch(/^documentId: unknown field/);
    });
  });

  describe('link health and the list', () => {
    const list = async (query = '') => {
      const response = await app.request(`/newsroom/articles${query}`, { headers: superAdmin });
      expect(response.status).toBe(200);
      return response.body;
    };

    it('marks links whose target is unpublished or deleted, and the list counts them', async () => {
      const n = newsroom(app.strapi);
      const source = await n.createArticle({
        title: 'Sumber Uji Kesehatan Tautan',
        paragraphs: ['Satu.', 'Dua.'],
      });
      const doomed = await n.createArticle({ title: 'Target Yang Akan Dihapus' });
      const hidden = await n.createArticle({ title: 'Target Yang Akan Ditarik' });
      await n.addLink(source, doomed, { after: 0 });
      await n.addLink(source, hidden, { after: 1 });
      const healthy = (await list('?filter=broken')).data.map((r: any) => r.title);
      expect(healthy).not.toContain('Sumber Uji Kesehatan Tautan');

      await n.unpublish(ARTICLE, hidden.documentId);
      await app.strapi.documents(ARTICLE as any).delete({ documentId: doomed.documentId });

      const read = await app.request(`/newsroom/articles/${source.documentId}/placement`, {
        headers: superAdmin,
      });
      expect(read.body.data.links.map((l: any) => l.health)).toEqual([
        'target-deleted',
        'target-unpublished',
      ]);
      const broken = await list('?filter=broken&q=kesehatan');
      expect(broken.data).toEqual([
        expect.objectContaining({
          title: 'Sumber Uji Kesehatan Tautan',
          linkCount: 2,
          brokenCount: 2,
        }),
      ]);
      // the public render leaves both out
      const slug = read.body.data.article.slug;
      const rendered = (await app.request(`/api/newsroom/articles/${slug}`)).body.data.body;
      expect(rendered.filter((b: any) => b.type === 'baca-juga')).toEqual([]);

      // a link whose target was deleted does not block saving the rest: it stays, still broken
      const keep = unchanged(read.body.data);
      keep.links[1].label = 'Label baru';
      const saved = await save(keep, superAdmin, source.documentId);
      expect(saved.status).toBe(200);
      expect(saved.body.data.links.map((l: any) => [l.health, l.label])).toEqual([
        ['target-deleted', null],
        ['target-unpublished', 'Label baru'],
      ]);
      // but a new link without target or url is still refused
      keep.version = saved.body.data.version;
      keep.links.push({ afterParagraphId: keep.links[0].afterParagraphId });
      expect((await save(keep, superAdmin, source.documentId)).status).toBe(400);
    });

    it('reports the whole newsroom by link health, with the articles concerned', async () => {
      const n = newsroom(app.strapi);
      const story = await n.createArticle({ title: 'Laporan Kesehatan', paragraphs: ['Satu.'] });
      const never = await n.createArticle({ title: 'Belum Pernah Terbit', publish: false });
      await n.addLink(story, never);
      await app.strapi.documents(LINK as any).create({
        data: {
          sourceArticle: story.documentId,
          url: 'https://example.com/x',
          afterParagraphId: story.body[0].id,
        },
      } as any);

      const response = await app.request('/newsroom/link-health', { headers: superAdmin });
      expect(response.status).toBe(200);
      const { counts, articles } = response.body.data;
      const entry = articles.find((a: any) => a.documentId === story.documentId);
      expect(entry).toMatchObject({
        title: 'Laporan Kesehatan',
        status: 'published',
        counts: {
          ok: 0,
          external: 1,
          'target-draft': 1,
          'target-unpublished': 0,
          'target-deleted': 0,
        },
      });
      // the totals add up to every draft link of the newsroom
      const total = Object.values(counts as Record<string, number>).reduce((a, b) => a + b, 0);
      expect(total).toBe(
        await app.strapi.db.query(LINK).count({ where: { publishedAt: { $null: true } } })
      );
      expect(counts['target-deleted']).toBeGreaterThanOrEqual(1);
      expect(counts['target-unpublished']).toBeGreaterThanOrEqual(1);
      const reader = await adminWithActions(app, []);
      expect((await app.request('/newsroom/link-health', { headers: reader })).status).toBe(403);

      // Drafts saved without a title, as broken as another article: the report sorts them
      // (by title among equals) and says so with a null title, as its contract allows.
      for (const text of ['Tanpa judul satu.', 'Tanpa judul dua.']) {
        const untitled = await app.strapi
          .documents(ARTICLE as any)
          .create({ data: { title: null, outlet: 'Test Desk', body: [{ text }] } } as any);
        await n.addLink(untitled as any, never);
      }
      const withUntitled = await app.request('/newsroom/link-health', { headers: superAdmin });
      expect(withUntitled.status).toBe(200);
      const report = checkContract(linkHealthResponseSchema, withUntitled.body).data;
      expect(report.articles.filter((a) => !a.title)).toHaveLength(2);
    });

    it('searches by title, filters by tag, drafts and missing links, and pages on the server', async () => {
      const n = newsroom(app.strapi);
      await n.createArticle({
        title: 'Banjir Rob Jakarta Utara',
        tags: ['Banjir'],
        publish: false,
      });
      await n.createArticle({ title: 'Banjir Bandang di Sumatra', tags: ['Banjir', 'Sumatra'] });

      const byTitle = await list('?q=banjir%20rob');
      expect(byTitle.data.map((r: any) => [r.title, r.status])).toEqual([
        ['Banjir Rob Jakarta Utara', 'draft'],
      ]);
      expect((await list('?tag=sumatra')).data.map((r: any) => r.title)).toEqual([
        'Banjir Bandang di Sumatra',
      ]);
      const drafts = (await list('?filter=drafts')).data;
      expect(drafts.length).toBeGreaterThan(0);
      expect(drafts.every((r: any) => r.status === 'draft')).toBe(true);
      const noLinks = (await list('?filter=no-links&pageSize=100')).data;
      // a story without links is listed: `every` alone holds for an empty list
      expect(noLinks.map((r: any) => r.title)).toContain('Banjir Bandang di Sumatra');
      expect(noLinks.every((r: any) => r.linkCount === 0)).toBe(true);
      expect(noLinks.map((r: any) => r.slug)).not.toContain(SEEDED_SLUG);

      const all = await list('?pageSize=100');
      const page2 = await list('?pageSize=3&page=2');
      expect(page2.meta.pagination).toEqual({
        page: 2,
        pageSize: 3,
        pageCount: Math.ceil(all.meta.pagination.total / 3),
        total: all.meta.pagination.total,
      });
      expect(page2.data).toEqual(all.data.slice(3, 6));
      const seeded = all.data.find((r: any) => r.slug === SEEDED_SLUG);
      expect(seeded).toMatchObject({ status: 'published', brokenCount: 0 });
      expect(seeded.linkCount).toBeGreaterThan(0);
    });

    it("stores each row's tag keys whatever writes it, and filters non-ASCII tags case-insensitively", async () => {
      const docs = app.strapi.documents(ARTICLE as any) as any;
      const rowsOf = async (documentId: string) =>
        (await app.strapi.db.query(ARTICLE as any).findMany({
          where: { documentId },
          select: ['tags', 'tagKeys', 'publishedAt', 'updatedAt'],
        })) as { tags: string[]; tagKeys: unknown; publishedAt: unknown; updatedAt: unknown }[];
      /** Each row's keys are those of the tags it stores; answers the tags of each row. */
      const storedTags = async (documentId: string) =>
        (await rowsOf(documentId)).map((row) => {
          expect(row.tagKeys).toEqual(tagKeysOf(row.tags));
          return row.tags;
        });
      const titles = async (query: string) =>
        (await list(`${query}&pageSize=100`)).data.map((r: any) => r.title);

      const story = await newsroom(app.strapi).createArticle({
        title: 'Liga Turki Memanas',
        tags: ['Sepak Bola'],
        publish: false,
      });
      const created: string[] = [story.documentId];
      try {
        // The content manager: an edit, then a publish (the published row written from the draft).
        const cm = `/content-manager/collection-types/${ARTICLE}/${story.documentId}`;
        const edit = { title: 'Liga Turki Memanas', tags: ['ÖZİL', 'Économie', 'özil'] };
        for (const [path, method] of [
          [cm, 'PUT'],
          [`${cm}/actions/publish`, 'POST'],
        ] as const) {
          const response = await app.request(path, { method, body: edit, headers: superAdmin });
          expect(response.status).toBe(200);
        }
        const both = [
          ['ÖZİL', 'Économie'],
          ['ÖZİL', 'Économie'],
        ];
        expect(await storedTags(story.documentId)).toEqual(both);

        // The Document Service: keys a caller names are not stored, tags it names are keyed.
        await docs.update({ documentId: story.documentId, data: { tagKeys: ['forged'] } });
        expect(await storedTags(story.documentId)).toEqual(both);
        // A clone keeps the original's tags and keys, or keys the tags it is given.
        const kept = await docs.clone({ documentId: story.documentId, data: { title: 'Salinan' } });
        created.push(kept.documentId);
        expect(await storedTags(kept.documentId)).toEqual([['ÖZİL', 'Économie']]);
        const retagged = await docs.clone({
          documentId: story.documentId,
          data: { title: 'Salinan Kedua', tags: ['ΟΔΟΣ'] },
        });
        created.push(retagged.documentId);
        // (Strapi's clone merges the lists index by index: the original's second tag stays.)
        expect(await storedTags(retagged.documentId)).toEqual([['ΟΔΟΣ', 'Économie']]);

        // SQLite's LOWER() left "Économie" and "ÖZİL" as they were: neither was found.
        expect(await titles('?tag=%C3%A9conomie')).toEqual([
          'Salinan Kedua',
          'Salinan',
          'Liga Turki Memanas',
        ]);
        expect(await titles('?tag=%C3%B6zil')).toEqual(['Salinan', 'Liga Turki Memanas']);
        expect(await titles('?tag=%CE%BF%CE%B4%CE%BF%CF%82')).toEqual(['Salinan Kedua']);
        expect(await titles('?tag=ozil')).toEqual([]);

        // Rows written before the keys existed get them at boot, once, without looking edited;
        // two instances booting at once give each row its keys once between them.
        const before = await rowsOf(story.documentId);
        const knex = app.strapi.db.connection;
        await knex(app.strapi.db.metadata.get(ARTICLE as any).tableName)
          .whereIn('document_id', created)
          .update({ tag_keys: null });
        expect(await titles('?tag=%C3%B6zil')).toEqual([]);
        const written = await Promise.all([
          backfillTagKeys(app.strapi),
          backfillTagKeys(app.strapi),
        ]);
        expect(written[0] + written[1]).toBe(4);
        expect(await backfillTagKeys(app.strapi)).toBe(0);
        expect(await rowsOf(story.documentId)).toEqual(before);
        expect(await titles('?tag=%C3%B6zil')).toEqual(['Salinan', 'Liga Turki Memanas']);

        // Hidden: not in the content manager's edit view, nor in a public answer.
        const layout = await app.request(
          `/content-manager/content-types/${ARTICLE}/configuration`,
          { headers: superAdmin }
        );
        expect(layout.status).toBe(200);
        expect(JSON.stringify(layout.body.data.contentType.layouts.edit)).not.toContain('tagKeys');
        const publicView = await app.request(`/api/newsroom/articles/${story.slug}`);
        expect(publicView.status).toBe(200);
        expect(JSON.stringify(publicView.body)).not.toContain('tagKeys');
        const core = await app.request(`/api/newsroom/documents/articles/${story.documentId}`, {
          headers: await apiToken(app, 'full-access'),
        });
        expect(core.status).toBe(200);
        expect(core.body.data.tags).toEqual(['ÖZİL', 'Économie']);
        expect(JSON.stringify(core.body)).not.toContain('tagKeys');
      } finally {
        for (const documentId of created) await docs.delete({ documentId });
      }
    });

    it('refuses bad list parameters with a 400 naming them', async () => {
      for (const [query, param] of [
        ['?filter=everything', 'filter'],
        ['?pageSize=1000', 'pageSize'],
        ['?page=0', 'page'],
        ['?sort=title', 'sort'],
        ['?q=a&q=b', 'q'],
      ]) {
        const response = await app.request(`/newsroom/articles${query}`, { headers: superAdmin });
        expect([query, response.status]).toEqual([query, 400]);
        expect(response.body.error.message.startsWith(`${param}: `)).toBe(true);
      }
    });
  });

  describe('targets and suggestions', () => {
    it('finds targets by title, drafts marked, never the article itself', async () => {
      const n = newsroom(app.strapi);
      await n.createArticle({ title: 'Draf Korea Utara Uji Rudal', publish: false });
      const response = await app.request(`/newsroom/targets?q=korea%20utara&exclude=${seededId}`, {
        headers: superAdmin,
      });
      expect(response.status).toBe(200);
      const found = checkContract(targetSearchResponseSchema, response.body).data;
      expect(found.map((t: any) => t.documentId)).not.toContain(seededId);
      expect(found).toContainEqual(
        expect.objectContaining({ title: 'Draf Korea Utara Uji Rudal', status: 'draft' })
      );
    });

    it('ranks published articles with the engine, leaving out drafts and linked ones', async () => {
      const n = newsroom(app.strapi);
      const seeded = (await placement()).body.data;
      const tags = seeded.article.tags as string[];
      expect(tags.length).toBeGreaterThan(0);
      await n.createArticle({ title: 'Latihan Militer Gabungan', tags: [tags[0]] });
      await n.createArticle({ title: 'Perjanjian Pertahanan Korea Utara Rusia Berlaku', tags });
      await n.createArticle({ title: 'Draf Perjanjian Pertahanan Rusia', tags, publish: false });
      await n.createArticle({ title: 'Harga Cabai Naik', tags: ['Ekonomi'] });

      const response = await app.request(`/newsroom/articles/${seededId}/suggestions?limit=20`, {
        headers: superAdmin,
      });
      expect(response.status).toBe(200);
      const titles = checkContract(suggestionsResponseSchema, response.body).data.map(
        (s) => s.title
      );
      expect(titles[0]).toBe('Perjanjian Pertahanan Korea Utara Rusia Berlaku');
      expect(titles).toContain('Latihan Militer Gabungan');
      expect(titles).not.toContain('Draf Perjanjian Pertahanan Rusia');
      expect(titles).not.toContain('Harga Cabai Naik');
      const linked = seeded.links.map((l: any) => l.targetArticle?.title);
      expect(titles.filter((t) => linked.includes(t))).toEqual([]);
      expect(response.body.data[0]).toMatchObject({
        sharedTags: tags,
        matchedTerms: expect.arrayContaining(['perjanjian', 'pertahanan']),
      });
    });
  });

  describe('speaker decisions: confirm, correct or clear, in one step each', () => {
    // A live story of its own, with quotes as the importer leaves them: two with a suggested
    // credit (one with the evidence it read it on), one it could not tell (empty, flagged).
    // Readers get none of the suggestions until an editor decides (#shared/quote-credit).
    let story: any;
    let quoteIds: { credited: string; withRole: string; unsure: string };

    const quotesOf = async (documentId = story.documentId, headers = superAdmin) =>
      (await app.request(`/newsroom/articles/${documentId}/placement`, { headers })).body.data
        .quotes as any[];
    const quoteOf = async (quoteId: string) =>
      (await quotesOf()).find((q: any) => q.documentId === quoteId);
    const decide = (quoteId: string, body: unknown, headers = superAdmin, id = story.documentId) =>
      app.request(`/newsroom/articles/${id}/quotes/${quoteId}/speaker`, {
        method: 'PUT',
        body,
        headers,
      });
    /** What is stored of the quote, draft and published rows alike. */
    const stored = async (quoteId: string) =>
      (
        await app.strapi.db.query(QUOTE).findMany({
          where: { documentId: quoteId },
          select: ['speaker', 'speakerRole', 'speakerConfirmed', 'needsReview', 'publishedAt'],
        })
      )
        // The published row first (the databases order NULL differently).
        .sort((a: any, b: any) => Number(b.publishedAt !== null) - Number(a.publishedAt !== null))
        .map((row: any) => ({
          live: row.publishedAt !== null,
          speaker: row.speaker ?? null,
          speakerRole: row.speakerRole ?? null,
          speakerConfirmed: row.speakerConfirmed === true,
          needsReview: row.needsReview === true,
        }));
    const readerSpeakers = async () =>
      (await app.request(`/api/newsroom/articles/${story.slug}`)).body.data.quotes.map((q: any) => [
        q.speaker,
        q.speakerRole,
      ]);
    const listRow = async () =>
      (
        await app.request(`/newsroom/articles?q=${encodeURIComponent('Narasumber Diuji')}`, {
          headers: superAdmin,
        })
      ).body.data.find((row: any) => row.documentId === story.documentId);

    beforeAll(async () => {
      const docs = app.strapi.documents(QUOTE as any) as any;
      story = await newsroom(app.strapi).createArticle({
        title: 'Narasumber Diuji Di Meja Redaksi',
        paragraphs: ['"Kami siap," kata Budi Santoso.', 'Ia menambahkan, "Semua aman."'],
        publish: false,
      });
      const quote = async (data: Record<string, unknown>) =>
        (
          await docs.create({
            data: { article: story.documentId, kind: 'full', ...data },
          })
        ).documentId as string;
      quoteIds = {
        credited: await quote({
          text: 'Kami siap,',
          paragraphId: story.body[0].id,
          suggestedSpeaker: 'Budi Santoso',
          attribution: { rule: 'kata-after', text: 'kata Budi Santoso' },
        }),
        withRole: await quote({
          text: 'Semua aman.',
          paragraphId: story.body[1].id,
          suggestedSpeaker: 'Pria',
          suggestedRole: 'Kapolda',
        }),
        unsure: await quote({
          text: 'Kami siap',
          paragraphId: story.body[1].id,
          needsReview: true,
        }),
      };
      // Published with its quotes, as the content manager publishes a story.
      await newsroom(app.strapi).publish(ARTICLE, story.documentId);
    });

    it('shows each quote with its suggested credit, evidence, flags and version; readers get no suggestion', async () => {
      const quotes = await quotesOf();
      const byId = (id: string) => quotes.find((q: any) => q.documentId === id);
      expect(byId(quoteIds.credited)).toMatchObject({
        speaker: null,
        suggestedSpeaker: 'Budi Santoso',
        speakerConfirmed: false,
        needsReview: false,
        attribution: { rule: 'kata-after', text: 'kata Budi Santoso' },
      });
      // No evidence recorded (written by hand, or imported before it was) reads as null.
      expect(byId(quoteIds.withRole)).toMatchObject({
        speakerRole: null,
        suggestedRole: 'Kapolda',
        attribution: null,
      });
      expect(byId(quoteIds.unsure)).toMatchObject({ speaker: null, needsReview: true });
      expect(new Set(quotes.map((q: any) => q.version)).size).toBe(3);
      // The private fields stay private on the content API.
      const { body } = await app.request(`/api/newsroom/documents/quotes/${quoteIds.credited}`);
      expect(body.data.speaker).toBeNull();
      for (const field of [
        'attribution',
        'speakerConfirmed',
        'suggestedSpeaker',
        'suggestedRole',
      ]) {
        expect(body.data).not.toHaveProperty(field);
      }
      expect(await readerSpeakers()).toEqual([
        [null, null],
        [null, null],
        [null, null],
      ]);
      const graphql = await app.request('/graphql', {
        method: 'POST',
        body: { query: '{ newsroomQuotes { text suggestedSpeaker } }' },
      });
      expect(graphql.body.errors?.[0]?.message).toMatch(/Cannot query field "suggestedSpeaker"/);
      const jsonld = await app.request(`/api/newsroom/articles/${story.slug}/jsonld`);
      expect(jsonld.status).toBe(200);
      expect(JSON.stringify(jsonld.body)).not.toMatch(/"creator"|spokenByCharacter|Kapolda/);
    });

    it('counts the unconfirmed credited speakers in the list, and confirm takes one off', async () => {
      expect((await listRow()).unconfirmedSpeakerCount).toBe(2);
      const quote = await quoteOf(quoteIds.credited);
      const response = await decide(quoteIds.credited, {
        version: quote.version,
        decision: 'confirm',
      });
      expect(response.status).toBe(200);
      const { data, meta } = checkContract(speakerDecisionResponseSchema, response.body);
      expect(data).toMatchObject({
        speaker: 'Budi Santoso',
        speakerConfirmed: true,
        needsReview: false,
        attribution: { rule: 'kata-after', text: 'kata Budi Santoso' },
      });
      expect(data.version).not.toBe(quote.version);
      // The story is live: the decision went live with it, draft and published alike.
      expect(meta.live).toBe(true);
      expect(await stored(quoteIds.credited)).toEqual([
        {
          live: true,
          speaker: 'Budi Santoso',
          speakerRole: null,
          speakerConfirmed: true,
          needsReview: false,
        },
        {
          live: false,
          speaker: 'Budi Santoso',
          speakerRole: null,
          speakerConfirmed: true,
          needsReview: false,
        },
      ]);
      expect(await quoteOf(quoteIds.credited)).toEqual(data);
      expect((await listRow()).unconfirmedSpeakerCount).toBe(1);
    });

    it('corrects a speaker and its role, and readers get the correction at once', async () => {
      const quote = await quoteOf(quoteIds.unsure);
      const response = await decide(quoteIds.unsure, {
        version: quote.version,
        decision: 'correct',
        speaker: '  Budi Santoso ',
        speakerRole: 'Kepala Dinas Kesehatan',
      });
      expect(response.status).toBe(200);
      expect(response.body.data).toMatchObject({
        speaker: 'Budi Santoso',
        speakerRole: 'Kepala Dinas Kesehatan',
        speakerConfirmed: true,
        needsReview: false,
      });
      for (const row of await stored(quoteIds.unsure)) {
        expect(row).toEqual({
          live: row.live,
          speaker: 'Budi Santoso',
          speakerRole: 'Kepala Dinas Kesehatan',
          speakerConfirmed: true,
          needsReview: false,
        });
      }
      expect(await readerSpeakers()).toContainEqual(['Budi Santoso', 'Kepala Dinas Kesehatan']);
      // A confirmed speaker is still not "unconfirmed", whoever set it.
      expect((await listRow()).unconfirmedSpeakerCount).toBe(1);
    });

    it('clears a wrong speaker and its role: the quote credits nobody, decided', async () => {
      const quote = await quoteOf(quoteIds.withRole);
      const response = await decide(quoteIds.withRole, {
        version: quote.version,
        decision: 'clear',
      });
      expect(response.status).toBe(200);
      const rows = await stored(quoteIds.withRole);
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        expect(row).toEqual({
          live: row.live,
          speaker: null,
          speakerRole: null,
          speakerConfirmed: true,
          needsReview: false,
        });
      }
      expect(await readerSpeakers()).not.toContainEqual(['Pria', 'Kapolda']);
      expect((await listRow()).unconfirmedSpeakerCount).toBe(0);
    });

    it('refuses a stale decision with 409 and keeps what the colleague stored', async () => {
      const mine = await quoteOf(quoteIds.credited);
      // A colleague corrects it first, in the content manager's Quote view.
      await newsroom(app.strapi).update(QUOTE, quoteIds.credited, { speaker: 'Budi S.' });
      const theirs = await quoteOf(quoteIds.credited);
      const response = await decide(quoteIds.credited, {
        version: mine.version,
        decision: 'clear',
      });
      expect(response.status).toBe(409);
      expect(response.body.error).toMatchObject({
        status: 409,
        name: 'ConflictError',
        details: { currentVersion: theirs.version },
      });
      expect(await quoteOf(quoteIds.credited)).toEqual(theirs);
      expect((await stored(quoteIds.credited)).find((r) => !r.live)?.speaker).toBe('Budi S.');
    });

    it('lets one of two decisions made on the same version through, and refuses the other', async () => {
      const quote = await quoteOf(quoteIds.credited);
      const [first, second] = await Promise.all([
        decide(quoteIds.credited, {
          version: quote.version,
          decision: 'correct',
          speaker: 'Budi Santoso',
        }),
        decide(quoteIds.credited, { version: quote.version, decision: 'clear' }),
      ]);
      expect([first.status, second.status].sort()).toEqual([200, 409]);
      const won = first.status === 200 ? 'Budi Santoso' : null;
      expect((await quoteOf(quoteIds.credited)).speaker).toBe(won);
    });

    it('refuses callers without manage (403) and without an admin session (401), storing nothing', async () => {
      const quote = await quoteOf(quoteIds.credited);
      const before = await stored(quoteIds.credited);
      const body = { version: quote.version, decision: 'clear' };
      const reader = await adminWithActions(app, [READ]);
      const none = await adminWithActions(app, []);
      expect((await decide(quoteIds.credited, body, reader)).status).toBe(403);
      expect((await decide(quoteIds.credited, body, none)).status).toBe(403);
      expect((await decide(quoteIds.credited, body, {})).status).toBe(401);
      expect(
        (await decide(quoteIds.credited, body, await apiToken(app, 'full-access'))).status
      ).toBe(401);
      expect(await stored(quoteIds.credited)).toEqual(before);
      // read + manage, the placement save's permission, may decide
      const editor = await adminWithActions(app, [READ, MANAGE]);
      expect((await decide(quoteIds.credited, body, editor)).status).toBe(200);
    });

    it('refuses bad decisions with a 400 naming the field, storing nothing', async () => {
      const quote = await quoteOf(quoteIds.unsure);
      const before = await stored(quoteIds.unsure);
      const refused = async (body: unknown, message: string, id = quoteIds.unsure) => {
        const response = await decide(id, body);
        expect([JSON.stringify(body), response.status, response.body.error?.message]).toEqual([
          JSON.stringify(body),
          400,
          message,
        ]);
      };
      const version = quote.version;
      await refused({ decision: 'confirm' }, 'version: must be the version the quote was read at');
      await refused(
        { version, decision: 'approve' },
        'decision: must be one of confirm, correct, clear'
      );
      await refused(
        { version, decision: 'correct', speaker: '  ' },
        'speaker: must name the speaker (to credit nobody, clear it)'
      );
      await refused({ version, decision: 'correct', speaker: 42 }, 'speaker: must be a string');
      await refused(
        { version, decision: 'correct', speaker: 'Budi\nSantoso' },
        'speaker: must be one line of plain text'
      );
      await refused(
        { version, decision: 'correct', speaker: 'B'.repeat(201) },
        'speaker: at most 200 characters'
      );
      await refused(
        { version, decision: 'clear', speaker: 'Budi' },
        'speaker: is only sent with the decision "correct"'
      );
      await refused(
        { version, decision: 'clear', speakerConfirmed: false },
        'speakerConfirmed: unknown field'
      );
      await refused([], 'body: must be a JSON object with version and decision');
      expect(await stored(quoteIds.unsure)).toEqual(before);

      // Confirming a quote that names nobody: nothing to confirm.
      const empty = await quoteOf(quoteIds.withRole);
      await refused(
        { version: empty.version, decision: 'confirm' },
        'decision: the quote names no speaker to confirm; correct or clear it',
        quoteIds.withRole
      );
      // Another article's quote, an unknown one, a malformed id.
      const other = await decide(
        quoteIds.unsure,
        { version, decision: 'clear' },
        superAdmin,
        seededId
      );
      expect(other.status).toBe(404);
      expect(
        (await decide('zzzzzzzzzzzzzzzzzzzzzzzz', { version, decision: 'clear' })).status
      ).toBe(404);
      expect((await decide('not-an-id!', { version, decision: 'clear' })).status).toBe(400);
      expect(await stored(quoteIds.unsure)).toEqual(before);
    });

    it('keeps a decision on a draft story in draft, and publishes it with the story', async () => {
      const n = newsroom(app.strapi);
      const draft = await n.createArticle({
        title: 'Draf Dengan Kutipan Untuk Dikoreksi',
        paragraphs: ['"Besok hujan," ujar Sari.'],
        publish: false,
      });
      const created = await (app.strapi.documents(QUOTE as any) as any).create({
        data: {
          article: draft.documentId,
          paragraphId: draft.body[0].id,
          text: 'Besok hujan,',
          speaker: 'Besok',
          kind: 'full',
        },
      });
      const [quote] = await quotesOf(draft.documentId);
      const response = await decide(
        created.documentId,
        { version: quote.version, decision: 'correct', speaker: 'Sari Dewi' },
        superAdmin,
        draft.documentId
      );
      expect(response.status).toBe(200);
      expect(response.body.meta).toEqual({ live: false });
      expect((await stored(created.documentId)).map((r) => r.live)).toEqual([false]);

      const cm = `/content-manager/collection-types/${ARTICLE}/${draft.documentId}/actions/publish`;
      expect(
        (await app.request(cm, { method: 'POST', body: {}, headers: superAdmin })).status
      ).toBe(200);
      const rows = await stored(created.documentId);
      expect(rows.map((r) => [r.live, r.speaker, r.speakerConfirmed])).toEqual([
        [true, 'Sari Dewi', true],
        [false, 'Sari Dewi', true],
      ]);
    });

    it("moves the credits older imports made public into suggestions, once, and leaves editors' alone", async () => {
      const n = newsroom(app.strapi);
      const old = await n.createArticle({
        title: 'Kutipan Dari Impor Lama',
        paragraphs: ['"Jalan ditutup," kata Bupati Sleman Joko Prasetyo.'],
      });
      const docs = app.strapi.documents(QUOTE as any) as any;
      const [admin] = await app.strapi.db.query('admin::user').findMany({ limit: 1 });
      const quote = async (speaker: string, by: Record<string, unknown> = {}) => {
        const { documentId } = await docs.create({
          data: {
            article: old.documentId,
            paragraphId: old.body[0].id,
            text: 'Jalan ditutup,',
            kind: 'full',
          },
        });
        await docs.publish({ documentId });
        // As an older version stored it: a public credit, unconfirmed.
        await app.strapi.db
          .query(QUOTE)
          .updateMany({ where: { documentId }, data: { speaker, speakerRole: 'Bupati', ...by } });
        return documentId as string;
      };
      // The importer made it (no user), and one it made that an editor touched since.
      const imported = await quote('Joko Prasetyo');
      const touched = await quote('Joko Prasetyo', { updatedBy: admin.id });
      // An editor made this one in the content manager.
      const editors = await quote('Joko P.', { createdBy: admin.id, updatedBy: admin.id });
      const done = app.strapi.store({
        type: 'plugin',
        name: 'newsroom',
        key: 'migrations.suggested-credits',
      });
      await done.delete({});

      // Both rows of each importer quote, draft and published (and any other test's quote
      // written without a user: the rule is the database's, not this story's).
      expect(await moveImportedCreditsToSuggestions(app.strapi)).toBeGreaterThanOrEqual(4);
      const rows = await app.strapi.db.query(QUOTE).findMany({
        where: { documentId: { $in: [imported, touched, editors] } },
        select: ['documentId', 'speaker', 'speakerRole', 'suggestedSpeaker', 'suggestedRole'],
      });
      const name = (id: string) =>
        id === imported ? 'imported' : id === touched ? 'touched' : 'editors';
      expect(
        rows
          .map((r: any) => [
            name(r.documentId),
            r.speaker,
            r.speakerRole,
            r.suggestedSpeaker,
            r.suggestedRole,
          ])
          .sort()
      ).toEqual(
        [
          ['imported', null, null, 'Joko Prasetyo', 'Bupati'],
          ['imported', null, null, 'Joko Prasetyo', 'Bupati'],
          ['touched', null, null, 'Joko Prasetyo', 'Bupati'],
          ['touched', null, null, 'Joko Prasetyo', 'Bupati'],
          ['editors', 'Joko P.', 'Bupati', null, null],
          ['editors', 'Joko P.', 'Bupati', null, null],
        ].sort()
      );
      const readers = await app.request(`/api/newsroom/articles/${old.slug}`);
      expect(readers.body.data.quotes.map((q: any) => q.speaker).sort()).toEqual([
        'Joko P.',
        null,
        null,
      ]);
      // Once per database: a script's own write afterwards is left alone.
      await app.strapi.db
        .query(QUOTE)
        .updateMany({ where: { documentId: imported }, data: { speaker: 'Lewat Skrip' } });
      expect(await moveImportedCreditsToSuggestions(app.strapi)).toBe(0);
    });
  });
});
