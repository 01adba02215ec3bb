/**
 * Links and quotes through the newsroom workflow: deleting a story leaves no orphans,
 * discarding its draft restores its parts, and a link to a target that was not yet published
 * comes back in place once the target is published.
 */
import { DB, adminToken, startStrapi, type TestApp } from './helpers/strapi';
import { ARTICLE, LINK, QUOTE, newsroom, unchangedPlacement } from './helpers/newsroom';

describe(`links and quotes through draft, publish and delete (${DB})`, () => {
  let app: TestApp;
  let headers: Record<string, string>;
  const cm = `/content-manager/collection-types/${ARTICLE}`;

  beforeAll(async () => {
    app = await startStrapi({ seed: false });
    headers = { authorization: `Bearer ${await adminToken(app)}` };
  });
  afterAll(async () => {
    await app?.stop();
  });

  /** Rows of one link or quote document, draft and published. */
  const countOf = async (uid: string, documentId: string) =>
    app.strapi.db.query(uid as any).count({ where: { documentId } });
  const publicLabels = async (slug: string) => {
    const { body } = await app.request(`/api/newsroom/articles/${slug}`);
    return (body.data?.body ?? [])
      .filter((b: any) => b.type === 'baca-juga')
      .map((b: any) => b.label);
  };

  it('deleting a story deletes its links and quotes, never the links pointing at it', async () => {
    const n = newsroom(app.strapi);
    const story = await n.createArticle({ title: 'Cerita Dihapus', paragraphs: ['Satu.'] });
    const target = await n.createArticle({ title: 'Target Tetap' });
    const pointing = await n.createArticle({ title: 'Menunjuk Cerita', paragraphs: ['A.'] });
    const own = await n.addLink(story, target);
    const quote = await n.addQuote(story, 'Satu.', 'Juru bicara');
    const incoming = await n.addLink(pointing, story);

    const response = await app.request(`${cm}/${story.documentId}`, { method: 'DELETE', headers });
    expect(response.status).toBe(200);
    // by documentId: the delete itself drops the rows' relation to the story, so counting
    // through that relation would read 0 even with orphan rows left behind
    expect(await countOf(LINK, own.documentId)).toBe(0);
    expect(await countOf(QUOTE, quote.documentId)).toBe(0);
    // the link elsewhere stays, marked broken for its editor
    expect(await countOf(LINK, incoming.documentId)).toBe(2);
    const placement = await app.request(`/newsroom/articles/${pointing.documentId}/placement`, {
      headers,
    });
    expect(placement.body.data.links.map((l: any) => l.health)).toEqual(['target-deleted']);
  });

  it('bulk delete from the content manager list leaves no orphans either', async () => {
    const n = newsroom(app.strapi);
    const a = await n.createArticle({ title: 'Bulk Satu', paragraphs: ['Satu.'] });
    const b = await n.createArticle({ title: 'Bulk Dua', paragraphs: ['Dua.'] });
    const owned = [await n.addLink(a, b), await n.addLink(b, a)];
    const quote = await n.addQuote(a, 'Satu.');
    const response = await app.request(`${cm}/actions/bulkDelete`, {
      method: 'POST',
      headers,
      body: { documentIds: [a.documentId, b.documentId] },
    });
    expect(response.status).toBe(200);
    for (const { documentId } of owned) expect(await countOf(LINK, documentId)).toBe(0);
    expect(await countOf(QUOTE, quote.documentId)).toBe(0);
  });

  it('a link to a draft target is left out until the target is published, then comes back in place', async () => {
    const n = newsroom(app.strapi);
    const story = await n.createArticle({
      title: 'Cerita Menunggu',
      paragraphs: ['Satu.', 'Dua.'],
    });
    const later = await n.createArticle({ title: 'Terbit Belakangan', publish: false });
    const now = await n.createArticle({ title: 'Sudah Terbit' });
    await n.addLink(story, later, { after: 0 });
    await n.addLink(story, now, { after: 1 });
    expect(await publicLabels(story.slug)).toEqual(['Sudah Terbit']);

    await n.publish(ARTICLE, later.documentId);
    expect(await publicLabels(story.slug)).toEqual(['Terbit Belakangan', 'Sudah Terbit']);

    // unpublish and republish the target: out, then back in the same place
    await n.unpublish(ARTICLE, later.documentId);
    expect(await publicLabels(story.slug)).toEqual(['Sudah Terbit']);
    await n.publish(ARTICLE, later.documentId);
    expect(await publicLabels(story.slug)).toEqual(['Terbit Belakangan', 'Sudah Terbit']);
  });

  it("a target's new title and slug reach every link at once", async () => {
    const n = newsroom(app.strapi);
    const story = await n.createArticle({ title: 'Cerita Judul', paragraphs: ['Satu.'] });
    const target = await n.createArticle({ title: 'Judul Lama' });
    await n.addLink(story, target);
    await n.update(ARTICLE, target.documentId, { title: 'Judul Baru', slug: 'judul-baru' });
    await n.publish(ARTICLE, target.documentId);
    const { body } = await app.request(`/api/newsroom/articles/${story.slug}`);
    const block = body.data.body.find((b: any) => b.type === 'baca-juga');
    expect([block.label, block.href]).toEqual(['Judul Baru', '/berita/judul-baru']);
  });

  it('discarding a story draft discards its links drafts and removes links never published', async () => {
    const n = newsroom(app.strapi);
    const story = await n.createArticle({ title: 'Cerita Dibuang', paragraphs: ['Satu.'] });
    const kept = await n.createArticle({ title: 'Tautan Lama' });
    const added = await n.createArticle({ title: 'Tautan Baru' });
    const link = await n.addLink(story, kept, { label: 'Label terbit' });
    await n.update(LINK, link.documentId, { label: 'Label draf' });
    await n.addLink(story, added, { after: 0, publish: false });
    await n.update(ARTICLE, story.documentId, { lead: 'Lead draf' });

    const response = await app.request(`${cm}/${story.documentId}/actions/discard`, {
      method: 'POST',
      headers,
      body: {},
    });
    expect(response.status).toBe(200);
    const placement = await app.request(`/newsroom/articles/${story.documentId}/placement`, {
      headers,
    });
    expect(placement.body.data.links.map((l: any) => l.label)).toEqual(['Label terbit']);
  });

  // Regressions found by the workflow model (workflow-model.test.ts).
  it('unpublishing and republishing a story brings its links and quotes back', async () => {
    const n = newsroom(app.strapi);
    const story = await n.createArticle({ title: 'Cerita Ditarik', paragraphs: ['Satu.'] });
    const target = await n.createArticle({ title: 'Target Cerita Ditarik' });
    await n.addLink(story, target);
    await n.addQuote(story, 'Satu.', 'Menteri');
    await n.unpublish(ARTICLE, story.documentId);
    await n.publish(ARTICLE, story.documentId);
    const { body } = await app.request(`/api/newsroom/articles/${story.slug}`);
    expect(
      body.data.body.filter((b: any) => b.type === 'baca-juga').map((b: any) => b.label)
    ).toEqual(['Target Cerita Ditarik']);
    expect(body.data.quotes.map((q: any) => q.speaker)).toEqual(['Menteri']);
  });

  it('discarding a story draft while a target is unpublished keeps the link to that target', async () => {
    const n = newsroom(app.strapi);
    const story = await n.createArticle({ title: 'Cerita Buang Draf', paragraphs: ['Satu.'] });
    const target = await n.createArticle({ title: 'Target Ditarik Sementara' });
    await n.addLink(story, target);
    await n.unpublish(ARTICLE, target.documentId);
    const discard = await app.request(`${cm}/${story.documentId}/actions/discard`, {
      method: 'POST',
      headers,
      body: {},
    });
    expect(discard.status).toBe(200);
    const placement = await app.request(`/newsroom/articles/${story.documentId}/placement`, {
      headers,
    });
    expect(placement.body.data.links.map((l: any) => [l.targetArticle?.title, l.health])).toEqual([
      ['Target Ditarik Sementara', 'target-unpublished'],
    ]);
    await n.publish(ARTICLE, target.documentId);
    expect(await publicLabels(story.slug)).toEqual(['Target Ditarik Sementara']);
  });

  it('a target republished later does not push a draft-only move of the link live', async () => {
    const n = newsroom(app.strapi);
    const story = await n.createArticle({
      title: 'Cerita Geser Draf',
      paragraphs: ['Satu.', 'Dua.'],
    });
    const target = await n.createArticle({ title: 'Target Geser Draf' });
    const link = await n.addLink(story, target, { after: 1 });
    // moved in the draft only (content manager, not published)
    await n.update(LINK, link.documentId, { afterParagraphId: 'start' });
    await n.unpublish(ARTICLE, target.documentId);
    await n.publish(ARTICLE, target.documentId);
    const { body } = await app.request(`/api/newsroom/articles/${story.slug}`);
    expect(body.data.body.map((b: any) => b.type)).toEqual(['paragraph', 'paragraph', 'baca-juga']);
  });

  it('two links whose targets were deleted can both be kept through a save', async () => {
    const n = newsroom(app.strapi);
    const story = await n.createArticle({ title: 'Cerita Dua Yatim', paragraphs: ['Satu.'] });
    for (const title of ['Hilang Satu', 'Hilang Dua']) {
      const target = await n.createArticle({ title });
      await n.addLink(story, target);
      await app.strapi.documents(ARTICLE as any).delete({ documentId: target.documentId });
    }
    const read = await app.request(`/newsroom/articles/${story.documentId}/placement`, { headers });
    const body = unchangedPlacement(read.body.data);
    body.links.reverse();
    const saved = await app.request(`/newsroom/articles/${story.documentId}/placement`, {
      method: 'PUT',
      headers,
      body,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.data.links.map((l: any) => l.health)).toEqual([
      'target-deleted',
      'target-deleted',
    ]);
  });

  describe('links and quotes follow their paragraph', () => {
    const body = async (documentId: string) =>
      (await app.strapi.documents(ARTICLE as any).findOne({ documentId, status: 'draft' } as any))!
        .body as { id: string; text: string }[];
    const saveBody = (documentId: string, paragraphs: unknown[]) =>
      app.request(`${cm}/${documentId}`, { method: 'PUT', headers, body: { body: paragraphs } });
    const placementOf = async (documentId: string) =>
      (await app.request(`/newsroom/articles/${documentId}/placement`, { headers })).body.data;
    const anchorsOf = async (documentId: string) => {
      const data = await placementOf(documentId);
      const text = new Map<string, string>(data.paragraphs.map((p: any) => [p.id, p.text]));
      return {
        links: data.links.map((l: any) => [
          text.get(l.afterParagraphId) ?? l.afterParagraphId,
          l.needsReview,
        ]),
        quotes: data.quotes.map((q: any) => [q.text, text.get(q.paragraphId)]),
      };
    };

    let story: any;
    beforeEach(async () => {
      const n = newsroom(app.strapi);
      story = await n.createArticle({
        title: `Cerita Paragraf ${Math.random()}`,
        paragraphs: ['Satu.', 'Dua.', 'Tiga.'],
      });
      const a = await n.createArticle({ title: `Target A ${Math.random()}` });
      const b = await n.createArticle({ title: `Target B ${Math.random()}` });
      await n.addLink(story, a, { after: 1 });
      await n.addLink(story, b, { after: 2 });
      await app.strapi.documents(QUOTE as any).create({
        data: {
          article: story.documentId,
          text: 'Dua.',
          paragraphId: story.body[1].id,
          kind: 'full',
        },
      } as any);
    });

    it('editing, inserting and reordering paragraphs keeps each link and quote after its paragraph', async () => {
      const [one, two, three] = await body(story.documentId);
      const response = await saveBody(story.documentId, [
        { text: 'Baru di depan.' },
        { ...three },
        { ...one, text: 'Satu, disunting.' },
        { text: 'Baru di tengah.' },
        { ...two },
      ]);
      expect(response.status).toBe(200);
      expect(await anchorsOf(story.documentId)).toEqual({
        links: [
          ['Tiga.', false],
          ['Dua.', false],
        ],
        quotes: [['Dua.', 'Dua.']],
      });
    });

    it('deleting the anchor paragraph moves its links and quotes to the paragraph before, marked for review', async () => {
      const [one, , three] = await body(story.documentId);
      expect((await saveBody(story.documentId, [one, three])).status).toBe(200);
      expect(await anchorsOf(story.documentId)).toEqual({
        links: [
          ['Satu.', true],
          ['Tiga.', false],
        ],
        quotes: [['Dua.', 'Satu.']],
      });
      // readers keep the published story (and its anchors) until the story is published again
      expect(await publicLabels(story.slug)).toHaveLength(2);
      await newsroom(app.strapi).publish(ARTICLE, story.documentId);
      const { body: rendered } = await app.request(`/api/newsroom/articles/${story.slug}`);
      expect(rendered.data.body.map((b: any) => b.type)).toEqual([
        'paragraph',
        'baca-juga',
        'paragraph',
        'baca-juga',
      ]);

      // a save from the manager clears the mark
      const data = await placementOf(story.documentId);
      const saved = await app.request(`/newsroom/articles/${story.documentId}/placement`, {
        method: 'PUT',
        headers,
        body: {
          version: data.version,
          links: data.links.map((l: any) => ({
            documentId: l.documentId,
            targetDocumentId: l.targetArticle.documentId,
            afterParagraphId: l.afterParagraphId,
          })),
        },
      });
      expect(saved.body.data.links.map((l: any) => l.needsReview)).toEqual([false, false]);
    });

    it('deleting the first paragraph moves its links to the start', async () => {
      const [one, two, three] = await body(story.documentId);
      await newsroom(app.strapi).addLink(
        { documentId: story.documentId, body: [one] },
        await newsroom(app.strapi).createArticle({ title: `Target C ${Math.random()}` }),
        { after: 0 }
      );
      expect((await saveBody(story.documentId, [two, three])).status).toBe(200);
      const data = await placementOf(story.documentId);
      expect(
        data.links.map((l: any) => [l.afterParagraphId === 'start' ? 'start' : 'p', l.needsReview])
      ).toEqual([
        ['start', true],
        ['p', false],
        ['p', false],
      ]);
    });
  });
});
