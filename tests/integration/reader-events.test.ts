/**
 * Reader events: frontends report views of a story and clicks on its Baca Juga links (each
 * render block names its link). Counts per link, per variant and per day; nothing about the
 * reader stored; buffered so a burst is not a burst of SQL; unknown ids dropped silently;
 * bounded and rate-limited; exact when two instances write to one database at once.
 */
import { DB, adminToken, startStrapi, type TestApp } from './helpers/strapi';
import { SEEDED_SLUG, fillPlaceholders, newsroom } from './helpers/newsroom';
import createReaderEventsService from '../../server/src/services/reader-events';

describe(`reader events (${DB})`, () => {
  let app: TestApp;
  let admin: Record<string, string>;
  let article: string;
  let links: string[];

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    app.request('/api/newsroom/events', { method: 'POST', body, headers });
  const stats = async (days = 30) =>
    (
      await app.request(`/newsroom/articles/${article}/link-stats?days=${days}`, {
        headers: admin,
      })
    ).body.data;
  const events = () => app.strapi.plugin('newsroom').service('readerEvents');
  const rows = () => app.strapi.db.connection('newsroom_reader_events').select('*');

  beforeAll(async () => {
    // Only the tests' own flushes write: a periodic one in the middle would add statements
    // to the counted burst, or rows between a test's before and after.
    app = await startStrapi({ env: { NEWSROOM_EVENTS_FLUSH_MS: '3600000' } });
    await fillPlaceholders(app.strapi);
    admin = { authorization: `Bearer ${await adminToken(app)}` };
    article = (await newsroom(app.strapi).seeded()).documentId;
    const story = await app.request(`/api/newsroom/articles/${SEEDED_SLUG}`);
    links = story.body.data.body.filter((b: any) => b.type === 'baca-juga').map((b: any) => b.link);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('names each Baca Juga link in the render, by its RelatedLink documentId', async () => {
    expect(links).toHaveLength(2);
    const published = await app.strapi.db.query('plugin::newsroom.related-link').findMany({
      where: { sourceArticle: { documentId: article }, publishedAt: { $notNull: true } },
      select: ['documentId'],
    });
    expect([...links].sort()).toEqual(published.map((l: any) => l.documentId).sort());
  });

  it('takes a batch with 202, and counts views and clicks per link and variant', async () => {
    const response = await post({
      events: [
        { type: 'view', article },
        { type: 'view', article, variant: 'a' },
        { type: 'view', article, variant: 'b' },
        { type: 'click', link: links[0] },
        { type: 'click', link: links[0], variant: 'b' },
        { type: 'click', link: 'tidakadaidsepertiini00000' },
        { type: 'view', article: 'tidakadaidsepertiini00000' },
      ],
    });
    expect(response.status).toBe(202);
    // Unknown ids are accepted like the rest: the answer never says which ids exist.
    expect(response.body).toEqual({ data: { accepted: 7 } });
    await events().flush();

    const data = await stats();
    expect(data.days).toBe(30);
    expect(data.views).toEqual({ total: 3, a: 1, b: 1 });
    const first = data.links.find((l: any) => l.link === links[0]);
    expect(first).toEqual({
      link: links[0],
      clicks: { total: 2, a: 0, b: 1 },
      clickThrough: 2 / 3,
      test: null,
    });
    expect(data.links.find((l: any) => l.link === links[1]).clicks.total).toBe(0);

    // Stored: counts of known ids only, and nothing about the reader.
    const stored = await rows();
    expect(stored.every((r: any) => r.subject !== 'tidakadaidsepertiini00000')).toBe(true);
    expect(Object.keys(stored[0]).sort()).toEqual(['day', 'hits', 'kind', 'subject', 'variant']);
  });

  it('takes JSON sent as text/plain, as navigator.sendBeacon sends it', async () => {
    const response = await fetch(`${app.baseUrl}/api/newsroom/events`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify({ events: [{ type: 'click', link: links[1] }] }),
    });
    expect(response.status).toBe(202);
    await events().flush();
    expect((await stats()).links.find((l: any) => l.link === links[1]).clicks.total).toBe(1);
  });

  it('turns a burst of events into a few statements', async () => {
    const statements: string[] = [];
    const onQuery = (q: { sql: string }) => statements.push(q.sql);
    app.strapi.db.connection.on('query', onQuery);
    try {
      const batch = {
        events: Array.from({ length: 50 }, (_, i) =>
          i % 2 ? { type: 'view', article } : { type: 'click', link: links[i % 4 === 0 ? 0 : 1] }
        ),
      };
      const requests = 20;
      for (let i = 0; i < requests; i += 1) expect((await post(batch)).status).toBe(202);
      // Each request: the one statement of the public permission check, nothing for the events.
      expect(statements.length).toBe(requests);
      statements.length = 0;
      await events().flush();
      // The flush: which ids exist (articles, links), then one upsert of every counter.
      expect(statements).toHaveLength(3);
      expect(
        statements.filter((sql) => /^insert into .newsroom_reader_events/i.test(sql))
      ).toHaveLength(1);
    } finally {
      app.strapi.db.connection.off('query', onQuery);
    }
    const data = await stats();
    expect(data.views.total).toBe(3 + 20 * 25);
  });

  it('counts exactly when two instances write the same counters at once', async () => {
    const before = (await stats()).links.find((l: any) => l.link === links[0]).clicks.total;
    // Two services as two instances have them: buffers of their own, one database.
    const one = createReaderEventsService({ strapi: app.strapi });
    const two = createReaderEventsService({ strapi: app.strapi });
    const rounds = 10;
    await Promise.all(
      Array.from({ length: rounds }, async () => {
        one.record(
          Array.from({ length: 7 }, () => ({ type: 'click', link: links[0], variant: null }))
        );
        two.record(
          Array.from({ length: 5 }, () => ({ type: 'click', link: links[0], variant: null }))
        );
        await Promise.all([one.flush(), two.flush()]);
      })
    );
    const after = (await stats()).links.find((l: any) => l.link === links[0]).clicks.total;
    expect(after - before).toBe(rounds * 12);
  });

  // 'abc' stands for the seeded story, whose id is known only once the app runs (below)
  const one = [{ type: 'view', article: 'abc' }];
  it.each([
    ['an unknown type', { events: [{ type: 'like', article: 'abc' }] }, 'events.0.type'],
    ['a click without its link', { events: [{ type: 'click' }] }, 'events.0.link'],
    [
      'an id that is no documentId',
      { events: [{ type: 'view', article: 'a b' }] },
      'events.0.article',
    ],
    ['a field about the reader', { events: [{ ...one[0], ip: '1.2.3.4' }] }, 'events.0.ip'],
    ['an unknown variant', { events: [{ ...one[0], variant: 'c' }] }, 'events.0.variant'],
    ['no events', { events: [] }, 'events'],
    [
      'more events than a batch holds',
      { events: Array.from({ length: 51 }, () => one[0]) },
      'events',
    ],
    ['a field beside the events', { events: one, extra: 1 }, 'extra'],
    ['a list instead of an object', [1, 2], ''],
  ])('refuses %s with a 400 naming the field, and counts nothing', async (_, body, path) => {
    const before = await rows();
    // A real story id: unknown ids are dropped at the flush, so anything recorded of a batch
    // naming only those would leave the rows unchanged anyway.
    const response = await post(
      JSON.parse(JSON.stringify(body).split('"abc"').join(JSON.stringify(article)))
    );
    expect(response.status).toBe(400);
    if (path) expect(response.body.error.message.startsWith(`${path}: `)).toBe(true);
    await events().flush();
    expect(await rows()).toEqual(before);
  });

  it('answers 429 once an address sends more batches than allowed per minute', async () => {
    const config = app.strapi.config.get('plugin::newsroom') as any;
    const limit = config.events.maxRequestsPerMinute;
    config.events.maxRequestsPerMinute = 1;
    try {
      const response = await post({ events: [{ type: 'view', article }] });
      expect(response.status).toBe(429);
      expect(response.body.error.name).toBe('RateLimitError');
    } finally {
      config.events.maxRequestsPerMinute = limit;
    }
  });
});
