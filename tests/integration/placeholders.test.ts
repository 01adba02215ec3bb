/**
 * Placeholders: a Baca Juga title that matches no article becomes a draft awaiting its copy.
 * No public route lists, searches, suggests or serves it; the story's link to it renders as
 * its label without a link; importing its copy fills it in place (same documentId), and the
 * link then leads to it. The seed takes this path.
 */
import { DB, adminToken, startStrapi, type TestApp } from './helpers/strapi';
import { ARTICLE, LINK, SEEDED_SLUG } from './helpers/newsroom';

const FIRST = 'Kenal Lewat Aplikasi, Gadis Palembang Dinikahi Bule Rusia';
const SECOND = 'AS Serukan Hal Mencekam Ini ke Rusia';

describe(`placeholders awaiting copy (${DB})`, () => {
  let app: TestApp;
  let placeholders: { documentId: string; slug: string; title: string }[];

  const importer = () => app.strapi.plugin('newsroom').service('importer');
  const publishedRows = (documentId: string) =>
    app.strapi.db.query(ARTICLE).count({ where: { documentId, publishedAt: { $notNull: true } } });
  /** The publish is refused, and no published row is left behind. */
  const refusesToPublish = async (documentId: string) => {
    await expect(app.strapi.documents(ARTICLE as any).publish({ documentId })).rejects.toThrow(
      /at least one paragraph/
    );
    expect(await publishedRows(documentId)).toBe(0);
  };
  const bacaJuga = async (slug = SEEDED_SLUG) =>
    (await app.request(`/api/newsroom/articles/${slug}`)).body.data.body.filter(
      (b: any) => b.type === 'baca-juga'
    );

  beforeAll(async () => {
    app = await startStrapi();
    placeholders = await app.strapi.db.query(ARTICLE).findMany({
      where: { placeholder: true },
      select: ['documentId', 'slug', 'title', 'publishedAt', 'body'],
      orderBy: { title: 'asc' },
    });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('the seed makes each unmatched Baca Juga title a draft placeholder, never a published one', async () => {
    expect(placeholders.map((p) => p.title)).toEqual([SECOND, FIRST]);
    for (const p of placeholders) {
      expect((p as any).publishedAt).toBeNull();
      expect((p as any).body).toEqual([]);
    }
    // No article is published without paragraphs.
    const published = await app.strapi.db
      .query(ARTICLE)
      .findMany({ where: { publishedAt: { $notNull: true } }, select: ['title', 'body'] });
    expect(published.length).toBeGreaterThan(0);
    for (const row of published) expect((row.body as unknown[]).length).toBeGreaterThan(0);
  });

  it('the seeded story still renders both links, as their labels without a link', async () => {
    expect(await bacaJuga()).toEqual([
      {
        type: 'baca-juga',
        link: expect.any(String),
        label: FIRST,
        href: null,
        target: null,
        awaitingCopy: true,
        variant: null,
      },
      {
        type: 'baca-juga',
        link: expect.any(String),
        label: SECOND,
        href: null,
        target: null,
        awaitingCopy: true,
        variant: null,
      },
    ]);
    const jsonld = await app.request(`/api/newsroom/articles/${SEEDED_SLUG}/jsonld`);
    expect(JSON.stringify(jsonld.body)).not.toContain('null');
    const related = await app.request(`/api/newsroom/articles/${SEEDED_SLUG}/related`);
    const titles = related.body.data.map((r: any) => r.label);
    expect(titles).not.toContain(FIRST);
    expect(titles).not.toContain(SECOND);
  });

  it('no public route lists, searches, serves or suggests a placeholder', async () => {
    for (const p of placeholders) {
      for (const path of [
        `/api/newsroom/articles/${p.slug}`,
        `/api/newsroom/articles/${p.slug}/jsonld`,
        `/api/newsroom/articles/${p.slug}/related`,
        `/api/newsroom/documents/articles/${p.documentId}`,
      ]) {
        expect([path, (await app.request(path)).status]).toEqual([path, 404]);
      }
      const word = p.title.split(' ')[0];
      for (const path of [
        '/api/newsroom/articles?pageSize=100',
        `/api/newsroom/articles?q=${encodeURIComponent(word)}`,
        '/api/newsroom/documents/articles?pagination[pageSize]=100',
      ]) {
        const { status, body } = await app.request(path);
        expect(status).toBe(200);
        expect(JSON.stringify(body)).not.toContain(p.documentId);
      }
    }
    const gql = await app.request('/graphql', {
      method: 'POST',
      body: { query: '{ newsroomArticles(pagination: { limit: 100 }) { documentId title } }' },
    });
    expect(gql.status).toBe(200);
    const listed = JSON.stringify(gql.body.data);
    for (const p of placeholders) expect(listed).not.toContain(p.documentId);

    // Suggestions (the engine ranks published stories only).
    const seeded = await app.strapi.db
      .query(ARTICLE)
      .findOne({ where: { slug: SEEDED_SLUG, publishedAt: null }, select: ['documentId'] });
    const ranked = await app.strapi
      .plugin('newsroom')
      .service('suggestions')
      .forArticle(seeded.documentId, 20, null);
    const suggested = JSON.stringify(ranked);
    for (const p of placeholders) expect(suggested).not.toContain(p.documentId);
  });

  it('refuses to publish a placeholder, or any story without paragraphs', async () => {
    const [first] = placeholders;
    await refusesToPublish(first.documentId);
    // Not only placeholders: any draft without paragraphs
    const empty = await app.strapi
      .documents(ARTICLE as any)
      .create({ data: { title: 'Berita Tanpa Paragraf' } as any });
    expect((empty as any).placeholder).not.toBe(true);
    await refusesToPublish(empty.documentId);
    // gone again: the lists and counts below know the placeholders only
    await app.strapi.documents(ARTICLE as any).delete({ documentId: empty.documentId });
  });

  it('refuses to publish a placeholder whose only paragraph is invisible characters', async () => {
    const [first] = placeholders;
    const INVISIBLES = ['\u200b', '\u00ad', '\u2060', '\u00a0\ufeff\u200d'];
    // The content manager's Publish: it saves the draft it is sent, then publishes it.
    const headers = { authorization: `Bearer ${await adminToken(app)}` };
    const cm = `/content-manager/collection-types/${ARTICLE}/${first.documentId}`;
    for (const text of INVISIBLES) {
      const response = await app.request(`${cm}/actions/publish`, {
        method: 'POST',
        headers,
        body: { title: first.title, body: [{ text }] },
      });
      expect([text, response.status]).toEqual([text, 400]);
      // The story is named first (a batch's error must say which); the field is the body.
      expect(response.body.error.message).toMatch(/^"[^"]+": body/);
      expect(response.body.error.details.errors[0].path[0]).toBe('body');
      expect(await publishedRows(first.documentId)).toBe(0);
    }
    // The Document Service's publish of such a draft, stored before the rule existed.
    for (const text of INVISIBLES) {
      await app.strapi.db.query(ARTICLE).update({
        where: { documentId: first.documentId, publishedAt: null },
        data: { body: [{ id: 'p-0123456789ab', text }] },
      });
      await refusesToPublish(first.documentId);
    }
    // The plugin's own publish, the importer's: copy of invisible lines for this title.
    await expect(
      importer().importStory(INVISIBLES.join('\n'), { title: first.title })
    ).rejects.toThrow(/no paragraphs/);
    expect(await publishedRows(first.documentId)).toBe(0);
    // Still the placeholder it was, for the tests below.
    await app.strapi.db.query(ARTICLE).update({
      where: { documentId: first.documentId, publishedAt: null },
      data: { body: [] },
    });
  });

  it('importing the copy fills the placeholder in place, and the link then leads to it', async () => {
    const placeholder = placeholders.find((p) => p.title === SECOND)!;
    const inbound = await app.strapi.db.query(LINK).count({
      where: { targetArticle: { documentId: placeholder.documentId } },
    });
    expect(inbound).toBeGreaterThan(0);

    // The copy's headline differs in case and punctuation: the placeholder is still found.
    const result = await importer().importStory(
      'Jakarta - Amerika Serikat menyerukan Rusia menahan diri.\n"Kami mendesak Moskow berhenti," kata juru bicara Gedung Putih Karen Hale.',
      { title: 'AS serukan hal mencekam ini ke Rusia!', slug: 'as-serukan-hal-mencekam' }
    );
    expect(result.documentId).toBe(placeholder.documentId);
    expect(result.created).toBe(false);

    const row = await app.strapi.db.query(ARTICLE).findOne({
      where: { documentId: placeholder.documentId, publishedAt: { $notNull: true } },
      select: ['placeholder', 'slug', 'title'],
    });
    expect(row).toMatchObject({ placeholder: false, slug: 'as-serukan-hal-mencekam' });
    expect(
      await app.strapi.db.query(LINK).count({
        where: { targetArticle: { documentId: placeholder.documentId } },
      })
    ).toBe(inbound * 2); // the draft link row, and now the published one too

    const links = await bacaJuga();
    expect(links[0]).toMatchObject({ label: FIRST, href: null, awaitingCopy: true });
    expect(links[1]).toMatchObject({
      label: SECOND,
      href: '/berita/as-serukan-hal-mencekam',
      awaitingCopy: false,
      target: { documentId: placeholder.documentId, slug: 'as-serukan-hal-mencekam' },
    });
    const story = await app.request('/api/newsroom/articles/as-serukan-hal-mencekam');
    expect(story.status).toBe(200);
    expect(story.body.data.linkedFrom.map((b: any) => b.slug)).toEqual([SEEDED_SLUG]);

    // Re-seeding does not turn the story back into a placeholder, nor make a new one.
    await app.strapi
      .plugin('newsroom')
      .service('seed')
      .seed({ onProgress: () => {} });
    expect(
      await app.strapi.db.query(ARTICLE).count({ where: { placeholder: true, publishedAt: null } })
    ).toBe(1);
    expect((await bacaJuga())[1]).toMatchObject({ href: '/berita/as-serukan-hal-mencekam' });
  });

  it('a Baca Juga line with a URL becomes an external link, not a placeholder', async () => {
    const before = await app.strapi.db.query(ARTICLE).count({ where: { placeholder: true } });
    await importer().importStory(
      [
        'Jakarta - Paragraf pertama berita uji.',
        'Baca Juga: Harga Beras Naik Lagi https://www.example-news.id/read/2024/11/13/beras',
        'Paragraf kedua berita uji.',
        'Baca juga:',
        'Gempa Guncang Sulawesi',
        'https://www.example-news.id/read/gempa',
        'Paragraf ketiga.',
      ].join('\n'),
      { title: 'Berita Uji Tautan Luar', slug: 'berita-uji-tautan-luar' }
    );
    expect(await app.strapi.db.query(ARTICLE).count({ where: { placeholder: true } })).toBe(before);
    expect(await bacaJuga('berita-uji-tautan-luar')).toEqual([
      {
        type: 'baca-juga',
        link: expect.any(String),
        label: 'Harga Beras Naik Lagi',
        href: 'https://www.example-news.id/read/2024/11/13/beras',
        target: null,
        awaitingCopy: false,
        variant: null,
      },
      {
        type: 'baca-juga',
        link: expect.any(String),
        label: 'Gempa Guncang Sulawesi',
        href: 'https://www.example-news.id/read/gempa',
        target: null,
        awaitingCopy: false,
        variant: null,
      },
    ]);
  });

  it('the manager lists placeholders as awaiting copy, with a filter, and counts their links', async () => {
    const headers = { authorization: `Bearer ${await adminToken(app)}` };
    const list = await app.request('/newsroom/articles?filter=awaiting-copy', { headers });
    expect(list.status).toBe(200);
    expect(list.body.data.map((r: any) => [r.title, r.placeholder])).toEqual([[FIRST, true]]);
    // A placeholder is neither a draft being written nor a story without links.
    for (const filter of ['drafts', 'no-links']) {
      const other = await app.request(`/newsroom/articles?filter=${filter}&pageSize=100`, {
        headers,
      });
      expect(other.status).toBe(200);
      expect(other.body.data.map((r: any) => r.title)).not.toContain(FIRST);
    }
    const health = await app.request('/newsroom/link-health', { headers });
    // The seeded story's first link awaits its copy, its second leads to a live story; the
    // test story's two links are external.
    expect(health.body.data.counts).toEqual({
      ok: 1,
      external: 2,
      'awaiting-copy': 1,
      'target-draft': 0,
      'target-unpublished': 0,
      'target-deleted': 0,
    });
  });
});
