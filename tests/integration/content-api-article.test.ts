import { DB, adminToken, startStrapi, type TestApp } from './helpers/strapi';
import { ARTICLE, QUOTE, SEEDED_SLUG, newsroom, fillPlaceholders } from './helpers/newsroom';
import { pngBytes, uploadPicture } from './helpers/png';

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

  describe('lead image', () => {
    const upload = (name: string, alt: string, size?: [number, number]) =>
      uploadPicture(app.strapi, name, alt, size);
    const setImage = async (documentId: string, file: { id: number } | null, publish = true) => {
      const n = newsroom(app.strapi);
      await n.update(ARTICLE, documentId, { image: file ? file.id : null });
      if (publish) await n.publish(ARTICLE, documentId);
    };
    const blockOf = (data: any, documentId: string) =>
      data.body.find((b: any) => b.type === 'baca-juga' && b.target?.documentId === documentId);
    const image = (alt: string) => ({
      url: expect.stringMatching(/^\/uploads\/.+\.png$/),
      alternativeText: alt,
      width: 600,
      height: 400,
      formats: {
        thumbnail: {
          url: expect.stringMatching(/^\/uploads\/thumbnail_/),
          width: 234,
          height: 156,
        },
        small: { url: expect.stringMatching(/^\/uploads\/small_/), width: 500, height: 333 },
      },
    });

    it("serves the story's image and each target's published image in the render, related and JSON-LD", async () => {
      const n = newsroom(app.strapi);
      const target = await n.createArticle({ title: 'Banjir Rob Rendam Pesisir Utara' });
      await setImage(target.documentId, await upload('rob.png', 'Air laut di jalan pesisir'));
      const source = await n.createArticle({ title: 'Tanggul Laut Mulai Dibangun' });
      await n.addLink(source, target);
      await setImage(source.documentId, await upload('tanggul.png', 'Tanggul laut'));

      const { body } = await article(source.slug);
      expect(body.data.image).toEqual(image('Tanggul laut'));
      expect(blockOf(body.data, target.documentId).target).toEqual({
        documentId: target.documentId,
        slug: target.slug,
        title: 'Banjir Rob Rendam Pesisir Utara',
        image: image('Air laut di jalan pesisir'),
      });
      // A target without an image, and a small picture the upload plugin made no formats of.
      const plain = await n.createArticle({ title: 'Pasang Surut Pekan Ini' });
      await n.addLink(await n.seeded(), plain, { after: 2 });
      expect(blockOf((await article(SEEDED_SLUG)).body.data, plain.documentId).target.image).toBe(
        null
      );
      await setImage(plain.documentId, await upload('kecil.png', '', [40, 30]));
      expect(
        blockOf((await article(SEEDED_SLUG)).body.data, plain.documentId).target.image
      ).toEqual({
        url: expect.stringMatching(/^\/uploads\//),
        alternativeText: null,
        width: 40,
        height: 30,
        formats: { thumbnail: null, small: null },
      });

      const related = await app.request(`/api/newsroom/articles/${source.slug}/related`);
      expect(related.body.data[0]).toMatchObject({
        source: 'editor',
        target: { documentId: target.documentId, image: image('Air laut di jalan pesisir') },
      });
      for (const entry of related.body.data) expect(entry.target).toHaveProperty('image');
      // A suggestion's target carries its published image too.
      const suggested = await app.request(`/api/newsroom/articles/${SEEDED_SLUG}/related?limit=20`);
      const rob = suggested.body.data.find(
        (e: any) => e.source === 'suggestion' && e.target.documentId === target.documentId
      );
      if (rob) expect(rob.target.image).toEqual(image('Air laut di jalan pesisir'));

      const jsonld = await app.request(`/api/newsroom/articles/${source.slug}/jsonld`);
      expect(jsonld.body.image).toEqual({
        '@type': 'ImageObject',
        url: body.data.image.url,
        width: 600,
        height: 400,
      });
      expect(
        (await app.request(`/api/newsroom/articles/${target.slug}/jsonld`)).body.image
      ).toEqual(
        expect.objectContaining({ url: blockOf(body.data, target.documentId).target.image.url })
      );
    });

    it('never shows readers an image only the draft carries', async () => {
      const n = newsroom(app.strapi);
      const target = await n.createArticle({ title: 'Harga Cabai Turun' });
      const source = await n.createArticle({ title: 'Inflasi Pangan Melandai' });
      await n.addLink(source, target);
      await setImage(target.documentId, await upload('cabai.png', 'Cabai di pasar'), false);
      await setImage(source.documentId, await upload('pasar.png', 'Pasar induk'), false);

      const { body } = await article(source.slug);
      expect(body.data.image).toBeNull();
      expect(blockOf(body.data, target.documentId).target.image).toBeNull();
      expect(
        (await app.request(`/api/newsroom/articles/${source.slug}/jsonld`)).body
      ).not.toHaveProperty('image');
      const related = await app.request(`/api/newsroom/articles/${source.slug}/related`);
      expect(related.body.data[0].target.image).toBeNull();
      // A preview shows the story's own draft image; its link's target stays the published one.
      const draft = await app.strapi
        .plugin('newsroom')
        .service('render')
        .findBySlug(source.slug, 'draft');
      expect(draft.image).toEqual(image('Pasar induk'));
      expect(blockOf(draft, target.documentId).target.image).toBeNull();
    });

    it("purges the pages showing a target when the target's image changes, as a title change does", async () => {
      const n = newsroom(app.strapi);
      const target = await n.createArticle({ title: 'Gempa Guncang Sulawesi Barat' });
      await setImage(target.documentId, await upload('gempa.png', 'Rumah retak'));
      const source = await n.createArticle({ title: 'Bantuan Tiba di Mamuju' });
      await n.addLink(source, target);

      const first = await article(source.slug);
      const firstRelated = await app.request(`/api/newsroom/articles/${source.slug}/related`);
      const was = blockOf(first.body.data, target.documentId).target.image.url;
      await setImage(target.documentId, await upload('pengungsi.png', 'Tenda pengungsi'));

      const second = await article(source.slug);
      expect(second.headers.get('etag')).not.toBe(first.headers.get('etag'));
      const now = blockOf(second.body.data, target.documentId).target.image;
      expect(now).toEqual(image('Tenda pengungsi'));
      expect(now.url).not.toBe(was);
      const secondRelated = await app.request(`/api/newsroom/articles/${source.slug}/related`);
      expect(secondRelated.headers.get('etag')).not.toBe(firstRelated.headers.get('etag'));
      expect(secondRelated.body.data[0].target.image).toEqual(image('Tenda pengungsi'));

      await setImage(target.documentId, null);
      expect(blockOf((await article(source.slug)).body.data, target.documentId).target.image).toBe(
        null
      );
    });

    it("shows a picture's edits in the media library at once wherever the story shows: alt text, a new file, none once deleted", async () => {
      const n = newsroom(app.strapi);
      const target = await n.createArticle({ title: 'Longsor Tutup Jalan Trans Sulawesi' });
      const file = await upload('longsor.png', 'Tanah menutup jalan');
      await setImage(target.documentId, file);
      const source = await n.createArticle({ title: 'Jalur Alternatif Dibuka' });
      await n.addLink(source, target);
      const admin = { authorization: `Bearer ${await adminToken(app)}` };
      /** What readers get: the source's page, its related list, the target's page and JSON-LD. */
      const read = async () => {
        const page = await article(source.slug);
        const related = await app.request(`/api/newsroom/articles/${source.slug}/related`);
        const own = await article(target.slug);
        const jsonld = await app.request(`/api/newsroom/articles/${target.slug}/jsonld`);
        return {
          etags: [page, related, own, jsonld].map((answer) => answer.headers.get('etag')),
          block: blockOf(page.body.data, target.documentId).target.image,
          related: related.body.data[0].target.image,
          own: own.body.data.image,
          jsonld: jsonld.body.image,
        };
      };
      const changedEtags = (was: (string | null)[], now: (string | null)[]) =>
        now.filter((etag, i) => etag !== was[i]).length;

      const first = await read();
      expect(first.block).toEqual(image('Tanah menutup jalan'));

      // The upload plugin's service, as the AI metadata job and other plugins call it.
      await app.strapi
        .plugin('upload')
        .service('upload')
        .updateFileInfo(file.id, { alternativeText: 'Alat berat membuka jalan' });
      const second = await read();
      for (const shown of [second.block, second.related, second.own]) {
        expect(shown).toEqual(image('Alat berat membuka jalan'));
      }
      // The JSON-LD carries no alt text: the same body, the same ETag.
      expect(changedEtags(first.etags, second.etags)).toBe(3);

      // The media library's dialog: its alt text, then a new file in place of the old one.
      const post = (form: FormData) =>
        fetch(`${app.baseUrl}/upload?id=${file.id}`, {
          method: 'POST',
          headers: admin,
          body: form,
        });
      const info = new FormData();
      info.append('fileInfo', JSON.stringify({ alternativeText: 'Jalan kembali dibuka' }));
      expect((await post(info)).status).toBe(200);
      const third = await read();
      expect(third.block).toEqual(image('Jalan kembali dibuka'));
      expect(third.related).toEqual(image('Jalan kembali dibuka'));
      expect(changedEtags(second.etags, third.etags)).toBe(3);

      const replacement = new FormData();
      replacement.append(
        'files',
        new Blob([pngBytes(640, 480, [30, 140, 60])], { type: 'image/png' }),
        'longsor-baru.png'
      );
      replacement.append('fileInfo', JSON.stringify({ alternativeText: 'Jalan kembali dibuka' }));
      expect((await post(replacement)).status).toBe(200);
      const fourth = await read();
      // The upload plugin keeps the URL of a replaced file: its size says it is another.
      expect(fourth.block).toMatchObject({ url: third.block.url, width: 640, height: 480 });
      expect(fourth.related).toEqual(fourth.block);
      expect(fourth.jsonld).toMatchObject({ width: 640, height: 480 });
      expect(changedEtags(third.etags, fourth.etags)).toBe(4);

      // Deleted from the media library: no picture anywhere, at once.
      const removed = await app.request(`/upload/files/${file.id}`, {
        method: 'DELETE',
        headers: admin,
      });
      expect(removed.status).toBe(200);
      const fifth = await read();
      expect([fifth.block, fifth.related, fifth.own]).toEqual([null, null, null]);
      expect(fifth.jsonld).toBeUndefined();
      expect(changedEtags(fourth.etags, fifth.etags)).toBe(4);
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
