import { DB, startStrapi, type TestApp } from './helpers/strapi';
import { ARTICLE, newsroom, fillPlaceholders } from './helpers/newsroom';

const CACHE_CONTROL = 'public, max-age=5, s-maxage=30';
const SUMMARY_KEYS = [
  'documentId',
  'href',
  'lead',
  'outlet',
  'publishedAt',
  'reportedAt',
  'slug',
  'tags',
  'title',
].sort();

describe(`GET /api/newsroom/articles (${DB})`, () => {
  let app: TestApp;
  let draft: { documentId: string; slug: string };

  const list = (query = '') => app.request(`/api/newsroom/articles${query}`);
  const slugs = async (query: string) => {
    const { status, body } = await list(query);
    expect(status).toBe(200);
    return (body.data as { slug: string }[]).map((a) => a.slug);
  };

  beforeAll(async () => {
    // The seed gives three published articles: the story and its two Baca Juga targets.
    app = await startStrapi({ env: { NEWSROOM_CACHE_CONTROL: CACHE_CONTROL } });
    // The seed's Baca Juga targets, written and published: links to live stories.
    await fillPlaceholders(app.strapi);
    const n = newsroom(app.strapi);
    await n.createArticle({
      title: 'Harga Beras Naik di Jakarta',
      lead: 'Pedagang pasar mengeluhkan pasokan.',
      tags: ['Ekonomi', 'Pangan'],
      reportedAt: '2024-10-01',
    });
    await n.createArticle({
      title: 'Banjir Rendam Semarang',
      tags: ['Bencana'],
      reportedAt: '2024-12-01',
    });
    await n.createArticle({ title: 'Diskon 50% untuk Tiket Kereta', tags: ['Transportasi'] });
    await n.createArticle({
      title: 'Ekonomi Korea Selatan Melambat',
      tags: ['Korea Selatan', 'Ekonomi'],
      reportedAt: '2024-11-20',
    });
    draft = await n.createArticle({
      title: 'Rahasia Redaksi Korea',
      lead: 'Belum terbit.',
      tags: ['Korea Utara', 'Ekonomi'],
      publish: false,
    });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('lists published summaries, newest first, with Strapi-style pagination meta', async () => {
    const { status, body, headers } = await list();
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    expect(body.meta.pagination).toEqual({ page: 1, pageSize: 10, pageCount: 1, total: 7 });
    expect(body.data).toHaveLength(7);
    for (const summary of body.data) {
      expect(Object.keys(summary).sort()).toEqual(SUMMARY_KEYS);
      expect(summary.href).toBe(`/berita/${summary.slug}`);
    }
    const published = body.data.map((a: any) => Date.parse(a.publishedAt));
    expect(published).toEqual([...published].sort((a, b) => b - a));
    expect(body.data[0].title).toBe('Ekonomi Korea Selatan Melambat');
  });

  it('never lists a draft, and lists it once published, until unpublished again', async () => {
    expect(await slugs('?pageSize=100')).not.toContain(draft.slug);
    const n = newsroom(app.strapi);
    await n.publish(ARTICLE, draft.documentId);
    expect(await slugs('?pageSize=100')).toContain(draft.slug);
    await n.unpublish(ARTICLE, draft.documentId);
    expect(await slugs('?pageSize=100')).not.toContain(draft.slug);
  });

  it('pages without overlap or gaps', async () => {
    const { body } = await list('?page=2&pageSize=2');
    expect(body.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 4, total: 7 });
    const seen: string[] = [];
    for (let page = 1; page <= 4; page += 1)
      seen.push(...(await slugs(`?page=${page}&pageSize=2`)));
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    const beyond = await list('?page=9&pageSize=2');
    expect(beyond.body.data).toEqual([]);
    expect(beyond.body.meta.pagination.total).toBe(7);
  });

  it('searches title and lead case-insensitively, every word required', async () => {
    expect(new Set(await slugs('?q=KOREA'))).toEqual(
      new Set([
        'korea-utara-sahkan-perjanjian-pertahanan-dengan-rusia',
        'ekonomi-korea-selatan-melambat',
      ])
    );
    expect(await slugs('?q=korea%20rusia')).toEqual([
      'korea-utara-sahkan-perjanjian-pertahanan-dengan-rusia',
    ]);
    expect(await slugs('?q=pedagang')).toEqual(['harga-beras-naik-di-jakarta']);
    expect(await slugs('?q=zzzz')).toEqual([]);
  });

  it('treats LIKE wildcards in q as plain characters', async () => {
    expect(await slugs('?q=%25')).toEqual(['diskon-50-persen-untuk-tiket-kereta']);
    expect(await slugs('?q=50%25')).toEqual(['diskon-50-persen-untuk-tiket-kereta']);
    expect(await slugs('?q=_')).toEqual([]);
  });

  it('filters by one whole tag, case-insensitively', async () => {
    expect(new Set(await slugs('?tag=EKONOMI'))).toEqual(
      new Set(['harga-beras-naik-di-jakarta', 'ekonomi-korea-selatan-melambat'])
    );
    expect(await slugs('?tag=korea%20utara')).toEqual([
      'korea-utara-sahkan-perjanjian-pertahanan-dengan-rusia',
    ]);
    // A tag is matched whole: "Korea" is neither "Korea Utara" nor "Korea Selatan".
    expect(await slugs('?tag=Korea')).toEqual([]);
    expect(await slugs('?tag=ekonomi&q=beras')).toEqual(['harga-beras-naik-di-jakarta']);
  });

  it('filters a non-ASCII tag case-insensitively, by the rule the input de-duplicates with', async () => {
    const story = await newsroom(app.strapi).createArticle({
      title: 'Zona Euro Melambat',
      tags: ['Économie', 'ÖZİL'],
    });
    try {
      // SQLite's LOWER() is ASCII-only: "économie" did not find "Économie", nor "özil" "ÖZİL".
      for (const tag of ['économie', 'ÉCONOMIE', 'E\u0301conomie', 'özil', 'Özil', 'ÖZİL']) {
        expect([tag, await slugs(`?tag=${encodeURIComponent(tag)}`)]).toEqual([tag, [story.slug]]);
      }
      // Case, not accents: "economie" is another tag.
      expect(await slugs('?tag=economie')).toEqual([]);
    } finally {
      await (app.strapi.documents(ARTICLE as any) as any).delete({ documentId: story.documentId });
    }
  });

  it('sorts by title, reportedAt and publishedAt in both directions', async () => {
    const titles = await slugs('?sort=title:asc');
    expect(titles[0]).toBe('as-serukan-hal-mencekam-ini-ke-rusia');
    expect(titles.slice(1, 4)).toEqual([
      'banjir-rendam-semarang',
      'diskon-50-persen-untuk-tiket-kereta',
      'ekonomi-korea-selatan-melambat',
    ]);
    expect(await slugs('?sort=title:desc')).toEqual([...titles].reverse());
    expect(await slugs('?sort=title')).toEqual(titles);

    const dated = [
      'harga-beras-naik-di-jakarta',
      'korea-utara-sahkan-perjanjian-pertahanan-dengan-rusia',
      'ekonomi-korea-selatan-melambat',
      'banjir-rendam-semarang',
    ];
    const newestFirst = await slugs('?sort=publishedAt:desc');
    const undated = newestFirst.filter((s) => !dated.includes(s));
    expect(undated).toHaveLength(3);
    // Dated stories first, then the undated ones by publishedAt, the same on both databases.
    expect(await slugs('?sort=reportedAt:asc')).toEqual([...dated, ...[...undated].reverse()]);
    expect(await slugs('?sort=reportedAt')).toEqual([...[...dated].reverse(), ...undated]);

    expect(await slugs('?sort=publishedAt:asc')).toEqual([...newestFirst].reverse());
  });

  it('cuts pages across dated and undated stories when sorting by reportedAt', async () => {
    const whole = await slugs('?sort=reportedAt&pageSize=100');
    const paged: string[] = [];
    for (let page = 1; page <= 3; page += 1) {
      const { body } = await list(`?sort=reportedAt&pageSize=3&page=${page}`);
      expect(body.meta.pagination).toMatchObject({ page, pageSize: 3, total: whole.length });
      paged.push(...body.data.map((a: { slug: string }) => a.slug));
    }
    expect(paged).toEqual(whole);
    expect(await slugs('?sort=reportedAt&tag=ekonomi')).toEqual([
      'ekonomi-korea-selatan-melambat',
      'harga-beras-naik-di-jakarta',
    ]);
  });

  it('serves each page and its total in one statement; only a page past the end counts apart', async () => {
    const listing = app.strapi.plugin('newsroom').service('listing');
    const knex = app.strapi.db.connection;
    // The statements that read articles: Strapi's own background work reads other tables.
    const statements: string[] = [];
    const record = (q: { sql: string }) => {
      if (/newsroom_articles/.test(q.sql)) statements.push(q.sql);
    };
    const counted = async (query: Record<string, unknown>) => {
      statements.length = 0;
      knex.on('query', record);
      try {
        return { page: await listing.list(query), sql: [...statements] };
      } finally {
        knex.off('query', record);
      }
    };
    const sorts = ['publishedAt:desc', 'publishedAt:asc', 'reportedAt:desc', 'reportedAt:asc'];
    const queries = [
      ...sorts.flatMap((sort) =>
        [1, 2, 3, 4].map((page) => ({ page, pageSize: 2, tag: null, terms: [], sort }))
      ),
      { page: 1, pageSize: 10, tag: null, terms: [], sort: 'title:asc' },
      { page: 1, pageSize: 10, tag: null, terms: [], sort: 'title:desc' },
      { page: 1, pageSize: 10, tag: 'ekonomi', terms: [], sort: 'reportedAt:desc' },
      { page: 1, pageSize: 10, tag: null, terms: ['korea', 'ekonomi'], sort: 'publishedAt:desc' },
      { page: 1, pageSize: 10, tag: null, terms: ['50%'], sort: 'publishedAt:desc' },
    ];
    for (const query of queries) {
      const { page, sql } = await counted(query);
      expect(page.data.length).toBeGreaterThan(0);
      expect(sql).toHaveLength(1);
      // The page is its slice of the whole list, with the whole list's total.
      const whole = await listing.list({ ...query, page: 1, pageSize: 100 });
      const start = (query.page - 1) * query.pageSize;
      expect(page.data).toEqual(whole.data.slice(start, start + query.pageSize));
      expect(page.meta.pagination.total).toBe(whole.data.length);
    }
    // Past the end no row carries the total: it is counted in a second statement.
    const past = await counted({ ...queries[0], page: 9, pageSize: 10 });
    expect(past.page.data).toEqual([]);
    expect(past.page.meta.pagination.total).toBe(7);
    expect(past.sql).toHaveLength(2);
  });

  it.each([
    ['pageSize=0', 'pageSize'],
    ['pageSize=101', 'pageSize'],
    ['pageSize=-1', 'pageSize'],
    ['pageSize=abc', 'pageSize'],
    ['pageSize=1.5', 'pageSize'],
    ['page=0', 'page'],
    ['page=abc', 'page'],
    ['page=1&page=2', 'page'],
    ['sort=password:asc', 'sort'],
    ['sort=createdBy', 'sort'],
    ['sort=title:sideways', 'sort'],
    ['tag=', 'tag'],
    ['q=<201 characters>', 'q'],
    ['q=a%00b', 'q'],
    ['tag=a%00b', 'tag'],
    ['status=bogus', 'status'],
    ['filters[title][$eq]=x', 'filters'],
    ['populate=*', 'populate'],
    ['where[title]=x', 'where'],
    ['lookup=x', 'lookup'],
    ['pagination[page]=2', 'pagination'],
  ])('refuses ?%s with a 400 naming %s', async (query, param) => {
    const { status, body } = await list(`?${query.replace('<201 characters>', 'a'.repeat(201))}`);
    expect(status).toBe(400);
    expect(body.error.name).toBe('ValidationError');
    expect(body.error.message.startsWith(`${param}:`)).toBe(true);
    expect(body.error.details.param).toBe(param);
  });

  it('sends a strong ETag and the configured Cache-Control, and 304 when unchanged', async () => {
    const first = await list('?tag=ekonomi');
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{16,}"$/);
    expect(first.headers.get('cache-control')).toBe(CACHE_CONTROL);

    const again = await app.request('/api/newsroom/articles?tag=ekonomi', {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toBe(CACHE_CONTROL);

    // Publishing another article tagged Ekonomi changes the page, so the validator changes.
    await newsroom(app.strapi).createArticle({ title: 'Rupiah Menguat', tags: ['ekonomi'] });
    const changed = await app.request('/api/newsroom/articles?tag=ekonomi', {
      headers: { 'if-none-match': etag },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(changed.body.meta.pagination.total).toBe(3);
  });
});
