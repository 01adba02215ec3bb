/**
 * Slugs that never break: once an article is published under a new slug, its old slugs answer
 * 301 to the new one (article, JSON-LD, related), chains collapse to one hop, the old slugs
 * are never given to another story by slug generation (the plugin's or the content manager's),
 * and the editor sees them in the placement (the side panel). An old slug spelled with escapes
 * redirects once, not to itself; slugs a URL cannot hold are refused; the content manager's
 * availability check counts old slugs as taken. Shared slugs left by a database from before the
 * slug indexes are repaired when the indexes are built, and
 * slugs the slug rule refuses (`..`, `-`) are repaired at boot.
 */
import { DB, adminToken, startStrapi, type TestApp } from './helpers/strapi';
import { ARTICLE, newsroom } from './helpers/newsroom';
import { SLUG_INDEXES, ensureSlugIndexes } from '../../server/src/database/slug-indexes';
import { repairRefusedSlugs } from '../../server/src/database/refused-slugs';
import { slugProblem } from '../../server/src/utils/slug';

describe(`old slugs redirect (${DB})`, () => {
  let app: TestApp;
  let admin: Record<string, string>;
  let story: { documentId: string; slug: string; body: { id: string }[] };

  const get = (path: string, headers: Record<string, string> = {}) =>
    app.request(path, { redirect: 'manual', headers });
  const rename = async (slug: string, publish = true) => {
    await newsroom(app.strapi).update(ARTICLE, story.documentId, { slug });
    if (publish) await newsroom(app.strapi).publish(ARTICLE, story.documentId);
  };
  const placement = async () =>
    (
      await app.request(`/newsroom/articles/${story.documentId}/placement`, {
        headers: admin,
      })
    ).body.data;

  beforeAll(async () => {
    app = await startStrapi({ seed: false });
    admin = { authorization: `Bearer ${await adminToken(app)}` };
    story = await newsroom(app.strapi).createArticle({
      title: 'Korut Ratifikasi Pakta Pertahanan dengan Rusia',
      paragraphs: ['Paragraf satu.', 'Paragraf dua.'],
    });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('serves the article under its slug, with no old slugs yet', async () => {
    expect(story.slug).toBe('korut-ratifikasi-pakta-pertahanan-dengan-rusia');
    expect((await get(`/api/newsroom/articles/${story.slug}`)).status).toBe(200);
    expect((await placement()).oldSlugs).toEqual([]);
  });

  it('keeps the old slug live until the new one is published', async () => {
    await rename('korut-sahkan-pakta', false);
    expect((await get(`/api/newsroom/articles/${story.slug}`)).status).toBe(200);
    expect((await get('/api/newsroom/articles/korut-sahkan-pakta')).status).toBe(404);
    expect((await placement()).oldSlugs).toEqual([]);
  });

  it('answers 301 from the old slug once the new one is published, on every article route', async () => {
    await newsroom(app.strapi).publish(ARTICLE, story.documentId);
    const old = story.slug;
    const response = await get(`/api/newsroom/articles/${old}`);
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/api/newsroom/articles/korut-sahkan-pakta');
    expect(response.body).toEqual({
      data: null,
      redirect: { slug: 'korut-sahkan-pakta', href: '/berita/korut-sahkan-pakta' },
    });
    expect(response.headers.get('cache-control')).toBeTruthy();

    const jsonld = await get(`/api/newsroom/articles/${old}/jsonld`);
    expect(jsonld.status).toBe(301);
    expect(jsonld.headers.get('location')).toBe('/api/newsroom/articles/korut-sahkan-pakta/jsonld');
    const related = await get(`/api/newsroom/articles/${old}/related?limit=3`);
    expect(related.status).toBe(301);
    expect(related.headers.get('location')).toBe(
      '/api/newsroom/articles/korut-sahkan-pakta/related?limit=3'
    );
    // Followed, the redirect lands on the article.
    const followed = await app.request(`/api/newsroom/articles/${old}`);
    expect(followed.status).toBe(200);
    expect(followed.body.data.slug).toBe('korut-sahkan-pakta');
    expect((await placement()).oldSlugs).toEqual([old]);
  });

  it('collapses a chain of renames to one hop, and a rename back makes the slug live again', async () => {
    const first = story.slug;
    await rename('korut-rusia-pakta');
    for (const old of [first, 'korut-sahkan-pakta']) {
      const response = await get(`/api/newsroom/articles/${old}`);
      expect(response.status).toBe(301);
      expect(response.headers.get('location')).toBe('/api/newsroom/articles/korut-rusia-pakta');
    }
    expect((await placement()).oldSlugs).toEqual([first, 'korut-sahkan-pakta']);

    await rename('korut-sahkan-pakta');
    expect((await get('/api/newsroom/articles/korut-sahkan-pakta')).status).toBe(200);
    expect((await get('/api/newsroom/articles/korut-rusia-pakta')).headers.get('location')).toBe(
      '/api/newsroom/articles/korut-sahkan-pakta'
    );
    expect((await placement()).oldSlugs.sort()).toEqual([first, 'korut-rusia-pakta'].sort());
  });

  it('never gives an old slug to another story, from the plugin or the content manager', async () => {
    // Same title as the story's first slug: the generated slug skips it.
    const twin = await newsroom(app.strapi).createArticle({
      title: 'Korut Ratifikasi Pakta Pertahanan dengan Rusia',
    });
    expect(twin.slug).toBe('korut-ratifikasi-pakta-pertahanan-dengan-rusia-2');
    const generated = await app.request('/content-manager/uid/generate', {
      method: 'POST',
      headers: admin,
      body: {
        contentTypeUID: ARTICLE,
        field: 'slug',
        data: { title: 'Korut Rusia Pakta' },
      },
    });
    expect(generated.status).toBe(200);
    expect(generated.body.data).toBe('korut-rusia-pakta-2');
    // The old slug still leads to its own story.
    expect((await get('/api/newsroom/articles/korut-rusia-pakta')).status).toBe(301);
  });

  it('redirects nowhere once the story is not live, and never for drafts', async () => {
    await newsroom(app.strapi).unpublish(ARTICLE, story.documentId);
    expect((await get('/api/newsroom/articles/korut-rusia-pakta')).status).toBe(404);
    expect((await get('/api/newsroom/articles/korut-sahkan-pakta')).status).toBe(404);
    await newsroom(app.strapi).publish(ARTICLE, story.documentId);
    expect((await get('/api/newsroom/articles/korut-rusia-pakta')).status).toBe(301);
  });

  it("an editor may give a story another story's old slug by hand: it is live there, no redirect", async () => {
    const other = await newsroom(app.strapi).createArticle({ title: 'Berita Lain Sama Sekali' });
    await newsroom(app.strapi).update(ARTICLE, other.documentId, { slug: 'korut-rusia-pakta' });
    await newsroom(app.strapi).publish(ARTICLE, other.documentId);
    const response = await get('/api/newsroom/articles/korut-rusia-pakta');
    expect(response.status).toBe(200);
    expect(response.body.data.title).toBe('Berita Lain Sama Sekali');
    expect((await placement()).oldSlugs).not.toContain('korut-rusia-pakta');
  });
  it('redirects an old slug spelled with escapes (%7E, %61) once, to the current slug', async () => {
    await rename('korut~pakta');
    await rename('korut-pakta-terkini');
    for (const spelled of [
      'korut%7Epakta',
      'korut%7epakta',
      '%6Borut%7Epakta',
      'korut-s%61hkan-pakta',
    ]) {
      const response = await get(`/api/newsroom/articles/${spelled}/jsonld`);
      expect([spelled, response.status, response.headers.get('location')]).toEqual([
        spelled,
        301,
        '/api/newsroom/articles/korut-pakta-terkini/jsonld',
      ]);
      // Followed (fetch gives up after 20 hops), it lands on the story.
      const followed = await app.request(`/api/newsroom/articles/${spelled}`);
      expect([followed.status, followed.body.data?.slug]).toEqual([200, 'korut-pakta-terkini']);
    }
  });

  it('refuses a slug of dots or punctuation alone, or one that begins with a dot, naming slug', async () => {
    for (const slug of ['..', '.', '-', '.env']) {
      const response = await app.request(
        `/content-manager/collection-types/${ARTICLE}/${story.documentId}`,
        { method: 'PUT', headers: admin, body: { slug } }
      );
      expect([slug, response.status, response.body.error?.details?.errors?.[0]?.path]).toEqual([
        slug,
        400,
        ['slug'],
      ]);
      await expect(
        app.strapi.documents(ARTICLE as any).create({ data: { title: 'Titik', slug } as any })
      ).rejects.toMatchObject({ details: { errors: [{ path: ['slug'] }] } });
    }
    const row = await app.strapi.db
      .query(ARTICLE)
      .findOne({ where: { documentId: story.documentId, publishedAt: null }, select: ['slug'] });
    expect(row.slug).toBe('korut-pakta-terkini');
  });

  it("calls another story's old slug taken in the content manager, and proposes slugs without English symbols", async () => {
    const check = (value: string) =>
      app.request('/content-manager/uid/check-availability', {
        method: 'POST',
        headers: admin,
        body: { contentTypeUID: ARTICLE, field: 'slug', value },
      });
    // An old slug of the story (it redirects there), its live slug, and a fresh one.
    const old = await check('korut~pakta');
    expect([old.status, old.body.isAvailable]).toEqual([200, false]);
    expect(old.body.suggestion).toBe('korut~pakta-2');
    expect((await check('korut-pakta-terkini')).body.isAvailable).toBe(false);
    expect((await check('belum-pernah-dipakai')).body).toEqual({
      isAvailable: true,
      suggestion: null,
    });
    const generated = await app.request('/content-manager/uid/generate', {
      method: 'POST',
      headers: admin,
      body: {
        contentTypeUID: ARTICLE,
        field: 'slug',
        data: { title: 'Inflasi < 3% | Rupiah > 16.000' },
      },
    });
    expect(generated.body.data).toBe('inflasi-3-persen-rupiah-16000');
  });

  it('refuses a slug another story holds with the 400 naming slug, whatever the write', async () => {
    const other = await newsroom(app.strapi).createArticle({ title: 'Berita Pemilik Slug' });
    const docs = app.strapi.documents(ARTICLE as any) as any;
    for (const write of [
      () => docs.update({ documentId: other.documentId, data: { slug: 'korut-pakta-terkini' } }),
      () => docs.create({ data: { title: 'Kembar', slug: 'korut-pakta-terkini' } }),
      () => docs.clone({ documentId: other.documentId, data: { slug: 'korut-pakta-terkini' } }),
    ]) {
      await expect(write()).rejects.toMatchObject({
        details: {
          errors: [{ path: ['slug'], message: 'another article already uses this slug' }],
        },
      });
    }
  });

  it('renames the newer of stories sharing a slug from before the slug indexes, and builds them', async () => {
    const n = newsroom(app.strapi);
    const knex = app.strapi.db.connection;
    const first = await n.createArticle({ title: 'Kabar Lama Satu' });
    const second = await n.createArticle({ title: 'Kabar Lama Dua' });
    const draftOnly = await n.createArticle({ title: 'Kabar Lama Tiga', publish: false });
    // A database from before: no indexes, three stories on one slug.
    for (const name of Object.values(SLUG_INDEXES)) await knex.raw('DROP INDEX ??', [name]);
    await knex('newsroom_articles')
      .whereIn('document_id', [first.documentId, second.documentId, draftOnly.documentId])
      .update({ slug: 'kabar-lama' });
    const warnings: string[] = [];
    const warn = app.strapi.log.warn;
    (app.strapi.log as any).warn = (message: string) => warnings.push(message);
    try {
      await ensureSlugIndexes(app.strapi);
    } finally {
      (app.strapi.log as any).warn = warn;
    }
    const slugOf = async (documentId: string) =>
      (
        await knex('newsroom_articles')
          .where('document_id', documentId)
          .distinct('slug')
          .pluck('slug')
      ).sort();
    // The first live one keeps it; the others' draft and published rows move together.
    expect(await slugOf(first.documentId)).toEqual(['kabar-lama']);
    expect(await slugOf(second.documentId)).toEqual(['kabar-lama-2']);
    expect(await slugOf(draftOnly.documentId)).toEqual(['kabar-lama-3']);
    expect(warnings.filter((w) => w.includes('renamed to'))).toHaveLength(2);
    expect((await get('/api/newsroom/articles/kabar-lama-2')).body.data.documentId).toBe(
      second.documentId
    );
    // The indexes stand again: the database itself refuses a second story on the slug.
    await expect(
      knex('newsroom_articles')
        .where('document_id', second.documentId)
        .whereNull('published_at')
        .update({ slug: 'kabar-lama' })
      // Not toThrow: better-sqlite3 makes its errors in the realm of the first test file that
      // loaded it, which a later file's `instanceof Error` does not recognise.
    ).rejects.toMatchObject({ message: expect.stringMatching(/unique/i) });
  });

  it('gives each a valid unique slug from its title, keeps the old one in the history, and is idempotent', async () => {
    const n = newsroom(app.strapi);
    const knex = app.strapi.db.connection;
    const dots = await n.createArticle({ title: 'Banjir Rob di Pesisir Utara' });
    const dashes = await n.createArticle({ title: 'Harga Cabai Naik Lagi', publish: false });
    const draftOnly = await n.createArticle({ title: 'Kabar Pemilu Daerah' });
    // A story already holds the fallback slug: the repair takes the next free one.
    await n.createArticle({ title: 'Artikel' });
    const emoji = await n.createArticle({ title: 'Tajuk Sementara' });
    // Written past the rule, as a database from before it or a restore holds them.
    await knex('newsroom_articles').where('document_id', dots.documentId).update({ slug: '..' });
    await knex('newsroom_articles').where('document_id', dashes.documentId).update({ slug: '--' });
    await knex('newsroom_articles')
      .where('document_id', draftOnly.documentId)
      .whereNull('published_at')
      .update({ slug: '.kabar' });
    await knex('newsroom_articles')
      .where('document_id', emoji.documentId)
      .update({ slug: '-_.~', title: '🔥🔥' });
    await knex('newsroom_slug_history')
      .insert({
        slug: '..',
        document_id: dots.documentId,
        recorded_at: Date.now(),
      })
      .onConflict('slug')
      .ignore();

    // Two instances booting at once.
    const [a, b] = await Promise.all([
      repairRefusedSlugs(app.strapi),
      repairRefusedSlugs(app.strapi),
    ]);
    expect(a + b).toBe(4);
    expect(await repairRefusedSlugs(app.strapi)).toBe(0);

    const slugsOf = async (documentId: string) =>
      (
        await knex('newsroom_articles')
          .where('document_id', documentId)
          .distinct('slug')
          .pluck('slug')
      ).sort();
    const dotsSlug = await slugsOf(dots.documentId);
    // Its own earlier slug is free to it (the slug history names it).
    expect(dotsSlug).toEqual(['banjir-rob-di-pesisir-utara']);
    expect(await slugsOf(dashes.documentId)).toEqual(['harga-cabai-naik-lagi']);
    // The draft row takes the valid slug its published row holds.
    expect(await slugsOf(draftOnly.documentId)).toEqual([draftOnly.slug]);
    expect(await slugsOf(emoji.documentId)).toEqual(['artikel-2']);
    // No story is left on a refused slug, and no two share one.
    const all: { slug: string; documentId: string }[] = await knex('newsroom_articles').select({
      slug: 'slug',
      documentId: 'document_id',
    });
    expect(all.filter((r) => slugProblem(r.slug))).toEqual([]);
    const owners = new Map<string, Set<string>>();
    for (const r of all) owners.set(r.slug, (owners.get(r.slug) ?? new Set()).add(r.documentId));
    expect([...owners.values()].filter((s) => s.size > 1)).toEqual([]);
    // Readers reach the story at its new address; the old published slug stays its own.
    expect((await app.request(`/api/newsroom/articles/${dotsSlug[0]}`)).body.data.documentId).toBe(
      dots.documentId
    );
    expect(
      await knex('newsroom_slug_history').where('slug', '..').first('document_id')
    ).toMatchObject({ document_id: dots.documentId });
    // The editor's next save goes through: the slug it holds now passes the rule.
    await n.update(ARTICLE, dots.documentId, { lead: 'Disunting.' });
    await n.publish(ARTICLE, dots.documentId);
    expect(await slugsOf(dots.documentId)).toEqual(dotsSlug);
  });
});
