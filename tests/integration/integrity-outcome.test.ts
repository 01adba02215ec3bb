/**
 * Regression tests for issue 12: the invariants are checked on what a write stored, so entry
 * points and relation shapes the per-action rules never knew (the content manager's clone,
 * many-element connects, a negative position) are refused with a 400 naming the field, and
 * nothing changes. Readers only get links and quotes where the published story has them.
 */
import { DB, adminToken, apiToken, startStrapi, type TestApp } from './helpers/strapi';
import { ARTICLE, LINK, QUOTE, newsroom, unchangedPlacement } from './helpers/newsroom';

describe(`invariants on the outcome of every write (${DB})`, () => {
  let app: TestApp;
  let headers: Record<string, string>;
  let n: ReturnType<typeof newsroom>;
  let source: any;
  let target: any;
  let other: any;

  const cm = (uid: string) => `/content-manager/collection-types/${uid}`;
  const docs = (uid: string) => app.strapi.documents(uid as any) as any;
  const snapshot = async () => ({
    articles: await app.strapi.db
      .query(ARTICLE)
      .findMany({ select: ['documentId', 'slug', 'publishedAt'], orderBy: { id: 'asc' } }),
    links: await app.strapi.db.query(LINK).findMany({
      select: ['documentId', 'url', 'label', 'afterParagraphId', 'position', 'publishedAt'],
      populate: {
        sourceArticle: { select: ['documentId'] },
        targetArticle: { select: ['documentId'] },
      },
      orderBy: { id: 'asc' },
    }),
    quotes: await app.strapi.db
      .query(QUOTE)
      .findMany({ select: ['documentId', 'text', 'paragraphId'], orderBy: { id: 'asc' } }),
  });
  const refused = async (write: Promise<unknown>, path: string[]) => {
    const error: any = await write.then(
      () => null,
      (e) => e
    );
    expect(error).toMatchObject({ name: 'ValidationError' });
    expect(error.details.errors[0].path).toEqual(path);
    return error;
  };

  beforeAll(async () => {
    app = await startStrapi({ seed: false });
    headers = { authorization: `Bearer ${await adminToken(app)}` };
    n = newsroom(app.strapi);
    source = await n.createArticle({ title: 'Sumber Hasil', paragraphs: ['Satu.', 'Dua.'] });
    target = await n.createArticle({ title: 'Target Hasil' });
    other = await n.createArticle({ title: 'Lain Hasil' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  describe('clone (content manager) is checked like any other write', () => {
    let link: any;
    beforeAll(async () => {
      link = await n.addLink(source, target, { after: 0, label: 'Baca ini' });
    });

    it.each([
      ['a javascript: url', { url: 'javascript:alert(1)', targetArticle: null }, 'url'],
      ['a label with CRLF', { label: 'a\r\nb' }, 'label'],
      ['an anchor that does not exist', { afterParagraphId: 'p-nowhere000' }, 'afterParagraphId'],
      ['a second link to the same target', {}, 'targetArticle'],
    ])('refuses a link clone with %s', async (_name, data, field) => {
      const before = await snapshot();
      const response = await app.request(`${cm(LINK)}/clone/${link.documentId}`, {
        method: 'POST',
        headers,
        body: data,
      });
      expect(response.status).toBe(400);
      expect(response.body.error.details.errors[0].path).toEqual([field]);
      expect(await snapshot()).toEqual(before);
    });

    it("refuses an article clone that keeps the live story's slug", async () => {
      const before = await snapshot();
      const response = await app.request(`${cm(ARTICLE)}/clone/${source.documentId}`, {
        method: 'POST',
        headers,
        body: { title: 'Salinan', slug: source.slug },
      });
      expect(response.status).toBe(400);
      expect(response.body.error.details.errors[0].path).toEqual(['slug']);
      expect(await snapshot()).toEqual(before);
    });

    it('repairs repeated paragraph ids in an article clone, refuses 10,000 paragraphs', async () => {
      const id = source.body[0].id;
      // The write's own normaliser gives the repeat a fresh id: the clone is stored, both
      // paragraphs kept, each with an id of its own.
      const twice = await docs(ARTICLE).clone({
        documentId: source.documentId,
        data: {
          slug: 'salinan-ganda',
          body: [
            { id, text: 'A' },
            { id, text: 'B' },
          ],
        },
      });
      const stored = await docs(ARTICLE).findOne({ documentId: twice.documentId, status: 'draft' });
      expect(stored.body.map((p: any) => p.text)).toEqual(['A', 'B']);
      expect(new Set(stored.body.map((p: any) => p.id)).size).toBe(2);
      await docs(ARTICLE).delete({ documentId: twice.documentId });
      const before = await snapshot();
      await refused(
        docs(ARTICLE).clone({
          documentId: source.documentId,
          data: {
            slug: 'salinan-besar',
            body: Array.from({ length: 10_000 }, () => ({ text: 'x' })),
          },
        }),
        ['body']
      );
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a quote clone with blank text or a missing paragraph', async () => {
      const quote = await n.addQuote(source, 'Satu.', 'KCNA');
      const before = await snapshot();
      await refused(docs(QUOTE).clone({ documentId: quote.documentId, data: { text: '   ' } }), [
        'text',
      ]);
      await refused(
        docs(QUOTE).clone({ documentId: quote.documentId, data: { paragraphId: 'p-nowhere000' } }),
        ['paragraphId']
      );
      expect(await snapshot()).toEqual(before);
    });

    it('gives a clone that names no slug a fresh one', async () => {
      const clone = await docs(ARTICLE).clone({ documentId: other.documentId, data: {} });
      const row = await docs(ARTICLE).findOne({ documentId: clone.documentId, status: 'draft' });
      expect(row.slug).not.toBe(other.slug);
      expect(row.slug.startsWith(other.slug)).toBe(true);
      await docs(ARTICLE).delete({ documentId: clone.documentId });
    });
  });

  describe('many-element connects are judged on what was stored', () => {
    it('refuses a link connected to two targets', async () => {
      const before = await snapshot();
      const response = await app.request(cm(LINK), {
        method: 'POST',
        headers,
        body: {
          sourceArticle: { connect: [{ documentId: source.documentId }] },
          targetArticle: {
            connect: [{ documentId: target.documentId }, { documentId: other.documentId }],
          },
          afterParagraphId: source.body[1].id,
        },
      });
      expect(response.status).toBe(400);
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a link whose source connects two articles', async () => {
      const before = await snapshot();
      await refused(
        docs(LINK).create({
          data: {
            sourceArticle: {
              connect: [{ documentId: other.documentId }, { documentId: source.documentId }],
            },
            url: 'https://www.antaranews.com/berita/dua-sumber',
            afterParagraphId: 'start',
          },
        }),
        ['sourceArticle']
      );
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a self link hidden as the second element of a connect', async () => {
      const before = await snapshot();
      const error = await refused(
        docs(LINK).create({
          data: {
            sourceArticle: source.documentId,
            targetArticle: {
              connect: [{ documentId: other.documentId }, { documentId: source.documentId }],
            },
            afterParagraphId: 'start',
          },
        }),
        ['targetArticle']
      );
      expect(error.details.errors.map((e: any) => e.message).join(' ')).toMatch(
        /itself|one article/
      );
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a quote hung on two articles', async () => {
      const before = await snapshot();
      await refused(
        docs(QUOTE).create({
          data: {
            article: {
              connect: [{ documentId: source.documentId }, { documentId: other.documentId }],
            },
            text: 'Kata dua artikel.',
            paragraphId: source.body[0].id,
          },
        }),
        ['article']
      );
      expect(await snapshot()).toEqual(before);
    });
  });

  it('refuses a draft link with position -5 when it is written, not at the next publish', async () => {
    const before = await snapshot();
    await refused(
      docs(LINK).create({
        data: {
          sourceArticle: source.documentId,
          url: 'https://www.antaranews.com/berita/minus',
          afterParagraphId: 'start',
          position: -5,
        },
      }),
      ['position']
    );
    expect(await snapshot()).toEqual(before);
  });

  it('refuses URLs with the bidi and separator characters labels refuse', async () => {
    for (const url of ['https://a.example/\u2028x', 'https://a.example/\u202Egnp.exe']) {
      await refused(
        docs(LINK).create({
          data: { sourceArticle: source.documentId, url, afterParagraphId: 'start' },
        }),
        ['url']
      );
    }
  });

  it('names the link at fault when a publish of its story is refused', async () => {
    const story = await n.createArticle({ title: 'Cerita Rusak', paragraphs: ['Satu.'] });
    const link = await docs(LINK).create({
      data: {
        sourceArticle: story.documentId,
        url: 'https://a.example/ok',
        afterParagraphId: 'start',
      },
    });
    // A row written past every rule (a restore, raw SQL) is found at the next publish.
    await app.strapi.db
      .query(LINK)
      .updateMany({ where: { documentId: link.documentId }, data: { url: 'javascript:alert(1)' } });
    const error = await refused(docs(ARTICLE).publish({ documentId: story.documentId }), [
      'relatedLinks',
      link.documentId,
      'url',
    ]);
    expect(error.message).toContain(link.documentId);
  });

  describe('readers see the published story', () => {
    it('keeps a link placed after a draft-only paragraph unpublished until the story is published', async () => {
      const story = await n.createArticle({
        title: 'Cerita Tumbuh',
        paragraphs: ['Satu.', 'Dua.'],
      });
      const body = [...story.body, { text: 'Paragraf baru di draf.' }];
      const updated = await n.update(ARTICLE, story.documentId, { body });
      const fresh = updated.body[2].id;

      const read = await app.request(`/newsroom/articles/${story.documentId}/placement`, {
        headers,
      });
      expect(read.body.data.publishedParagraphIds).toEqual(story.body.map((p: any) => p.id));
      const save = await app.request(`/newsroom/articles/${story.documentId}/placement`, {
        method: 'PUT',
        headers,
        body: {
          ...unchangedPlacement(read.body.data),
          links: [{ targetDocumentId: target.documentId, label: null, afterParagraphId: fresh }],
        },
      });
      expect(save.status).toBe(200);
      expect(save.body.meta).toEqual({ wentLive: 0, waitingForStory: 1 });
      expect(save.body.data.links[0]).toMatchObject({
        afterParagraphId: fresh,
        waitsForStory: true,
      });

      // Readers: no link anywhere in the published story.
      const before = await app.request(`/api/newsroom/articles/${story.slug}`);
      expect(before.body.data.body.filter((b: any) => b.type === 'baca-juga')).toEqual([]);
      // A direct publish of the link is refused, naming the anchor.
      await refused(docs(LINK).publish({ documentId: save.body.data.links[0].documentId }), [
        'afterParagraphId',
      ]);

      await n.publish(ARTICLE, story.documentId);
      const after = await app.request(`/api/newsroom/articles/${story.slug}`);
      const blocks = after.body.data.body.map((b: any) => (b.type === 'paragraph' ? b.id : 'link'));
      expect(blocks).toEqual([story.body[0].id, story.body[1].id, fresh, 'link']);
    });

    it("lets a label that was the old target's title follow the target on retarget", async () => {
      const story = await n.createArticle({ title: 'Cerita Alih', paragraphs: ['Satu.'] });
      await n.addLink(story, target, { after: 0, label: 'Target Hasil' });
      await n.addLink(story, other, { after: 0, label: 'Pilihan editor sendiri' });
      const read = await app.request(`/newsroom/articles/${story.documentId}/placement`, {
        headers,
      });
      const third = await n.createArticle({ title: 'Target Ketiga' });
      const fourth = await n.createArticle({ title: 'Target Keempat' });
      const body = unchangedPlacement(read.body.data);
      const retarget = {
        [target.documentId]: third.documentId,
        [other.documentId]: fourth.documentId,
      };
      for (const link of body.links) link.targetDocumentId = retarget[link.targetDocumentId];
      const save = await app.request(`/newsroom/articles/${story.documentId}/placement`, {
        method: 'PUT',
        headers,
        body,
      });
      expect(save.status).toBe(200);
      const labels = Object.fromEntries(
        save.body.data.links.map((l: any) => [l.targetArticle.title, l.label])
      );
      expect(labels).toEqual({ 'Target Ketiga': null, 'Target Keempat': 'Pilihan editor sendiri' });
      const render = await app.request(`/api/newsroom/articles/${story.slug}`);
      expect(
        render.body.data.body
          .filter((b: any) => b.type === 'baca-juga')
          .map((b: any) => b.label)
          .sort()
      ).toEqual(['Pilihan editor sendiri', 'Target Ketiga']);
    });
  });

  describe('bulk actions and GraphQL writes are held alike', () => {
    it('refuses a content-manager bulk publish whole when one of its links would go live out of place', async () => {
      const story = await n.createArticle({ title: 'Cerita Massal', paragraphs: ['Satu.'] });
      const updated = await n.update(ARTICLE, story.documentId, {
        body: [...story.body, { text: 'Baru di draf.' }],
      });
      const fine = await docs(LINK).create({
        data: {
          sourceArticle: story.documentId,
          url: 'https://a.example/baik',
          afterParagraphId: 'start',
        },
      });
      const early = await docs(LINK).create({
        data: {
          sourceArticle: story.documentId,
          url: 'https://a.example/terlalu-dini',
          afterParagraphId: updated.body[1].id,
        },
      });
      const before = await snapshot();
      const response = await app.request(`${cm(LINK)}/actions/bulkPublish`, {
        method: 'POST',
        headers,
        body: { documentIds: [fine.documentId, early.documentId] },
      });
      expect(response.status).toBe(400);
      // The publishes run side by side in one transaction: whichever check sees the early
      // link first refuses, naming it (plainly, or by its documentId).
      const path = response.body.error.details.errors[0].path;
      expect([
        ['afterParagraphId'],
        ['relatedLinks', early.documentId, 'afterParagraphId'],
      ]).toContainEqual(path);
      // All or nothing: the sound link was not published either.
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a GraphQL mutation that would store a javascript: url or a self link', async () => {
      const token = await apiToken(app, 'full-access');
      const before = await snapshot();
      for (const data of [
        `{ sourceArticle: "${source.documentId}", url: "javascript:alert(1)", afterParagraphId: "start" }`,
        `{ sourceArticle: "${source.documentId}", targetArticle: "${source.documentId}", afterParagraphId: "start" }`,
      ]) {
        const response = await app.request('/graphql', {
          method: 'POST',
          headers: token,
          body: { query: `mutation { createNewsroomRelatedLink(data: ${data}) { documentId } }` },
        });
        expect(JSON.stringify(response.body.errors ?? null)).toMatch(/url|targetArticle/);
        expect(response.body.data?.createNewsroomRelatedLink ?? null).toBeNull();
      }
      expect(await snapshot()).toEqual(before);
    });
  });

  it('checks an action it does not know (one Strapi may add), by what the write changed', async () => {
    const { integrityMiddleware } = await import('../../server/src/middlewares/integrity');
    const link = await docs(LINK).create({
      data: {
        sourceArticle: source.documentId,
        url: 'https://a.example/nanti',
        afterParagraphId: 'start',
      },
    });
    const before = await snapshot();
    const check = integrityMiddleware(app.strapi) as any;
    const error = await check(
      { uid: LINK, action: 'reviseInBulk', params: {}, contentType: {} },
      async () => {
        // Whatever the new action does underneath, it leaves rows edited since it began.
        await app.strapi.db.query(LINK).updateMany({
          where: { documentId: link.documentId },
          data: { url: 'javascript:alert(1)', updatedAt: new Date() },
        });
        return { count: 1 };
      }
    ).then(
      () => null,
      (e: any) => e
    );
    expect(error).toMatchObject({ name: 'ValidationError' });
    expect(error.details.errors[0].path).toEqual(['url']);
    expect(await snapshot()).toEqual(before);
  });
});
