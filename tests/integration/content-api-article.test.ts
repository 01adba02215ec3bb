import { DB, startStrapi, type TestApp } from './helpers/strapi';
import { ARTICLE, QUOTE, SEEDED_SLUG, newsroom, fillPlaceholders } from './helpers/newsroom';

const STUB_SLUG = 'as-serukan-hal-mencekam-ini-ke-rusia';

describe(`render-ready article: backlinks, JSON-LD, caching (${DB})`, () => {
  let app: TestApp;

  const article = (slug: string, headers: Record<string, string> = {}) =>
    app.request(`/api/newsroom/articles/${slug}`, { headers });
  const etagOf = async (slug: string) => (await article(slug)).headers.get('etag') as string;

  beforeAll(async () => {
    app = await startStrapi();
    // The seed's Baca Juga targets, written and published: links to live stories.
    await fillPlaceholders(app.strapi);
  });
  afterAll(async () => {
    await app?.stop();
  });

  describe('linkedFrom', () => {
    it('lists the published articles whose Baca Juga links point here', async () => {
      const { body } = await article(STUB_SLUG);
      expect(body.data.linkedFrom).toEqual([
        {
          documentId: expect.any(String),
          slug: SEEDED_SLUG,
          title: 'Korea Utara Sahkan Perjanjian Pertahanan dengan Rusia',
          href: `/berita/${SEEDED_SLUG}`,
        },
      ]);
      expect((await article(SEEDED_SLUG)).body.data.linkedFrom).toEqual([]);
    });

    it('adds a new source once its link is published, and never a draft source', async () => {
      const n = newsroom(app.strapi);
      const seeded = await n.seeded();
      const source = await n.createArticle({ title: 'Putin Sambut Ratifikasi' });
      await n.addLink(source, seeded);
      const hidden = await n.createArticle({ title: 'Draf Analisis Aliansi', publish: false });
      await n.addLink(hidden, seeded, { publish: false });

      const { body } = await article(SEEDED_SLUG);
      expect(body.data.linkedFrom.map((b: any) => b.title)).toEqual(['Putin Sambut Ratifikasi']);
    });
  });

  describe('JSON-LD', () => {
    it('describes the story as a schema.org NewsArticle with its quotes and related links', async () => {
      const { status, body, headers } = await app.request(
        `/api/newsroom/articles/${SEEDED_SLUG}/jsonld`
      );
      expect(status).toBe(200);
      expect(headers.get('content-type')).toMatch(/^application\/ld\+json/);
      expect(headers.get('etag')).toMatch(/^"/);
      const rendered = (await article(SEEDED_SLUG)).body.data;

      expect(body).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        '@id': `/berita/${SEEDED_SLUG}`,
        url: `/berita/${SEEDED_SLUG}`,
        headline: 'Korea Utara Sahkan Perjanjian Pertahanan dengan Rusia',
        inLanguage: 'id',
        datePublished: '2024-11-13',
        dateModified: rendered.updatedAt,
        dateline: 'Pyonyang',
        keywords: ['Korea Utara', 'Rusia', 'Ukraina'],
        publisher: { '@type': 'Organization', name: 'Ntvnews.id' },
        isBasedOn: {
          '@type': 'NewsArticle',
          publisher: { '@type': 'Organization', name: 'Reuters' },
        },
      });
      const paragraphs = rendered.body.filter((b: any) => b.type === 'paragraph');
      expect(body.articleBody).toBe(paragraphs.map((p: any) => p.text).join('\n\n'));
      expect(body.relatedLink).toEqual(
        rendered.body.filter((b: any) => b.type === 'baca-juga').map((b: any) => b.href)
      );
      expect(body.relatedLink).toHaveLength(2);

      // One Quotation per quote, the speaker as creator, the relaying agency as publisher.
      expect(body.hasPart).toHaveLength(rendered.quotes.length);
      body.hasPart.forEach((q: any, i: number) => {
        const source = rendered.quotes[i];
        expect(q['@type']).toBe('Quotation');
        expect(q.text).toBe(source.text);
        if (source.speaker) {
          expect(q.creator.name).toBe(source.speaker);
          expect(q.spokenByCharacter).toEqual(q.creator);
        } else {
          expect(q.creator).toBeUndefined();
        }
        if (source.relayedBy)
          expect(q.publisher).toEqual({ '@type': 'Organization', name: source.relayedBy });
      });
      const kcna = body.hasPart.find((q: any) => q.publisher?.name === 'KCNA');
      expect(kcna).toBeDefined();
    });

    it('is 404 for an unknown or draft-only article and 400 for a malformed slug', async () => {
      expect((await app.request('/api/newsroom/articles/tidak-ada/jsonld')).status).toBe(404);
      const draft = await newsroom(app.strapi).createArticle({
        title: 'Belum Terbit JSON-LD',
        publish: false,
      });
      expect((await app.request(`/api/newsroom/articles/${draft.slug}/jsonld`)).status).toBe(404);
      const bad = await app.request('/api/newsroom/articles/%3Cscript%3E/jsonld');
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/^slug:/);
    });
  });

  describe('HTTP caching', () => {
    it('answers If-None-Match with 304 for the current ETag, weak or listed, and 200 otherwise', async () => {
      const first = await article(SEEDED_SLUG);
      const etag = first.headers.get('etag') as string;
      expect(etag).toMatch(/^"[A-Za-z0-9_-]{16,}"$/);
      expect(first.headers.get('cache-control')).toBe(
        'public, max-age=60, stale-while-revalidate=300'
      );

      for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
        const cached = await article(SEEDED_SLUG, { 'if-none-match': header });
        expect(cached.status).toBe(304);
        expect(cached.body).toBeNull();
        expect(cached.headers.get('etag')).toBe(etag);
      }
      expect((await article(SEEDED_SLUG, { 'if-none-match': '"stale"' })).status).toBe(200);
      // Same content, same validator: any instance computes it from the representation.
      expect(await etagOf(SEEDED_SLUG)).toBe(etag);
    });

    it('keeps the ETag while only the draft changes', async () => {
      const n = newsroom(app.strapi);
      const before = await etagOf(SEEDED_SLUG);
      const seeded = await n.seeded();
      await n.update(ARTICLE, seeded.documentId, { title: 'Judul Draf Belum Terbit' });
      // A draft edit leaves the generation alone, so the next read would be a hit on the entry
      // made before it: retire the cache, so that what follows is a fresh render.
      await app.strapi.plugin('newsroom').service('freshness').bump();
      expect(await etagOf(SEEDED_SLUG)).toBe(before);
      expect((await article(SEEDED_SLUG)).body.data.title).toBe(
        'Korea Utara Sahkan Perjanjian Pertahanan dengan Rusia'
      );
      await n.update(ARTICLE, seeded.documentId, {
        title: 'Korea Utara Sahkan Perjanjian Pertahanan dengan Rusia',
      });
    });

    it('changes the ETag when a published quote changes', async () => {
      const n = newsroom(app.strapi);
      const before = await etagOf(SEEDED_SLUG);
      const seeded = await n.seeded();
      const quote = await app.strapi.documents(QUOTE as any).findFirst({
        filters: { article: { documentId: seeded.documentId } },
        status: 'draft',
      } as any);
      await n.update(QUOTE, quote!.documentId, { speakerRole: 'Juru bicara' });
      await n.publish(QUOTE, quote!.documentId);
      expect(await etagOf(SEEDED_SLUG)).not.toBe(before);
    });

    it("changes the ETag when a link target's title or slug changes, and when it is unpublished", async () => {
      const n = newsroom(app.strapi);
      const stub = await app.strapi
        .documents(ARTICLE as any)
        .findFirst({ filters: { slug: STUB_SLUG }, status: 'draft' } as any);

      const e1 = await etagOf(SEEDED_SLUG);
      await n.update(ARTICLE, stub!.documentId, {
        title: 'AS Serukan Hal Mencekam Ini ke Rusia (Diperbarui)',
      });
      await n.publish(ARTICLE, stub!.documentId);
      const e2 = await etagOf(SEEDED_SLUG);
      expect(e2).not.toBe(e1);
      const link = (await article(SEEDED_SLUG)).body.data.body.find(
        (b: any) => b.target?.documentId === stub!.documentId
      );
      expect(link.target.title).toBe('AS Serukan Hal Mencekam Ini ke Rusia (Diperbarui)');

      await n.update(ARTICLE, stub!.documentId, { slug: 'as-serukan-rusia' });
      await n.publish(ARTICLE, stub!.documentId);
      const e3 = await etagOf(SEEDED_SLUG);
      expect(e3).not.toBe(e2);
      const moved = (await article(SEEDED_SLUG)).body.data.body.find(
        (b: any) => b.target?.documentId === stub!.documentId
      );
      expect(moved.href).toBe('/berita/as-serukan-rusia');

      await n.unpublish(ARTICLE, stub!.documentId);
      const e4 = await etagOf(SEEDED_SLUG);
      expect(e4).not.toBe(e3);
      const links = (await article(SEEDED_SLUG)).body.data.body.filter(
        (b: any) => b.type === 'baca-juga'
      );
      expect(links.map((l: any) => l.target?.documentId)).not.toContain(stub!.documentId);
    });

    it('changes the ETag when a link is added to the published article', async () => {
      const n = newsroom(app.strapi);
      const before = await etagOf(SEEDED_SLUG);
      const seeded = await n.seeded();
      const target = await n.createArticle({ title: 'Target Baru' });
      await n.addLink(seeded, target, { after: 4 });
      expect(await etagOf(SEEDED_SLUG)).not.toBe(before);
      const blocks = (await article(SEEDED_SLUG)).body.data.body;
      const index = blocks.findIndex((b: any) => b.target?.title === 'Target Baru');
      expect(blocks[index - 1]).toMatchObject({ type: 'paragraph', id: seeded.body[4].id });
    });
  });

  it('fails loud on a stored body it cannot read: a 500 naming nothing to readers, never an empty story, nothing cached', async () => {
    const story = await newsroom(app.strapi).createArticle({
      title: 'Kapal tenggelam di Selat Bali',
      paragraphs: ['Sebuah kapal tenggelam di Selat Bali.'],
    });
    const table = app.strapi.db.metadata.get(ARTICLE).tableName;
    const published = () =>
      app.strapi.db
        .connection(table)
        .where({ document_id: story.documentId })
        .whereNotNull('published_at');
    const [{ body: good }] = await published().select('body');
    const read = () => app.request(`/api/newsroom/articles/${story.slug}`);
    const render = app.strapi.plugin('newsroom').service('render');
    // A JSON column holds any JSON on both databases; only SQLite's text can hold a non-JSON body.
    const damaged = [
      '{"paragraphs": "lost"}',
      '[]',
      // Nothing a reader could see: a story of invisible characters is an empty story.
      JSON.stringify([{ id: 'p-1', text: '\u200b\u00ad' }]),
      ...(DB === 'sqlite' ? ['{"id": "p-1'] : []),
    ];
    for (const body of damaged) {
      await published().update({ body });
      const answer = await read();
      expect([body, answer.status]).toEqual([body, 500]);
      expect(JSON.stringify(answer.body)).not.toContain('Kapal');
      await expect(render.findBySlug(story.slug, 'published')).rejects.toThrow(story.documentId);
    }
    // Repaired in the database, without a write that bumps the generation: nothing was cached.
    await published().update({ body: typeof good === 'string' ? good : JSON.stringify(good) });
    const repaired = await read();
    expect(repaired.status).toBe(200);
    expect(repaired.body.data.body[0]).toMatchObject({
      type: 'paragraph',
      text: 'Sebuah kapal tenggelam di Selat Bali.',
    });
  });
});
