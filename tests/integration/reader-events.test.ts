/**
 * Reader events: frontends report views of a story and clicks on its Baca Juga links (each
 * render block names its link). Counts per link, per variant and per day; nothing about the
 * reader stored; buffered so a burst is not a burst of SQL; unknown ids dropped silently;
 * bounded and rate-limited; exact when two instances write to one database at once.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DB, RETRIER_POLL, adminToken, startStrapi, type TestApp } from './helpers/strapi';
import { maxHealthWait } from './helpers/health-wait';
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
    // Behind a proxy, as a newsroom runs it: the limit counts the address the proxy appended.
    app = await startStrapi({
      env: { NEWSROOM_EVENTS_FLUSH_MS: '3600000', NEWSROOM_TRUST_PROXY: 'true' },
    });
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
    const onQuery = (q: { sql: string }) => {
      if (!RETRIER_POLL.test(q.sql)) statements.push(q.sql);
    };
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
      // The flush: which ids exist (articles, links), then one transaction: begin, was this
      // chunk written already, its id, the upsert, commit.
      expect(statements.map((sql) => sql.split(' ')[0].toLowerCase())).toEqual([
        'select',
        'select',
        'begin;',
        'select',
        'insert',
        'insert',
        'commit;',
      ]);
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

  /**
   * Hostile bodies, as an attacker or a broken frontend sends them (issue 25's attack sent 74):
   * raw JSON text, so duplicate keys, `__proto__` and malformed text reach the server as
   * written. `ART` and `LNK` stand for the seeded story and one of its links. Each gets the
   * answer its row says, never a 500, and only the valid events of the accepted ones count:
   * `counted` is how many hits each adds (ids that name nothing are accepted and dropped).
   */
  const view = '{"type":"view","article":"ART"}';
  const deep = (depth: number, inner: string) => '{"a":'.repeat(depth) + inner + '}'.repeat(depth);
  const hostile: [string, string, 202 | 400 | 413 | 415, number][] = [
    // Wrong types, at the top and in an event.
    ['null', 'null', 400, 0],
    ['a string', '"events"', 400, 0],
    ['a number', '42', 400, 0],
    ['a boolean', 'true', 400, 0],
    ['an empty list', '[]', 400, 0],
    ['an empty object', '{}', 400, 0],
    ['events null', '{"events":null}', 400, 0],
    ['events a string', '{"events":"view"}', 400, 0],
    ['events an object', '{"events":{}}', 400, 0],
    ['events array-like', `{"events":{"0":${view},"length":1}}`, 400, 0],
    ['an event null', '{"events":[null]}', 400, 0],
    ['an event a list', '{"events":[[]]}', 400, 0],
    ['an event a number', '{"events":[1]}', 400, 0],
    ['an event a string', '{"events":["view"]}', 400, 0],
    ['type null', '{"events":[{"type":null,"article":"ART"}]}', 400, 0],
    ['type a list', '{"events":[{"type":["view"],"article":"ART"}]}', 400, 0],
    ['type in capitals', '{"events":[{"type":"VIEW","article":"ART"}]}', 400, 0],
    ['type padded', '{"events":[{"type":" view","article":"ART"}]}', 400, 0],
    ['type a number', '{"events":[{"type":1,"article":"ART"}]}', 400, 0],
    ['article null', '{"events":[{"type":"view","article":null}]}', 400, 0],
    ['article a list', '{"events":[{"type":"view","article":["ART"]}]}', 400, 0],
    ['article an object', '{"events":[{"type":"view","article":{"id":"ART"}}]}', 400, 0],
    ['article a boolean', '{"events":[{"type":"view","article":true}]}', 400, 0],
    ['link null', '{"events":[{"type":"click","link":null}]}', 400, 0],
    ['a click naming an article', '{"events":[{"type":"click","article":"ART"}]}', 400, 0],
    ['variant a number', '{"events":[{"type":"view","article":"ART","variant":1}]}', 400, 0],
    ['variant in capitals', '{"events":[{"type":"view","article":"ART","variant":"A"}]}', 400, 0],
    ['variant a list', '{"events":[{"type":"view","article":"ART","variant":["a"]}]}', 400, 0],
    ['variant null', '{"events":[{"type":"view","article":"ART","variant":null}]}', 202, 1],
    // Huge numbers.
    ['an id of 1e308', '{"events":[{"type":"view","article":1e308}]}', 400, 0],
    ['an id past 2^53', '{"events":[{"type":"view","article":9007199254740993}]}', 400, 0],
    ['an id of 30 digits', `{"events":[{"type":"view","article":${'9'.repeat(30)}}]}`, 400, 0],
    ['a link of -0', '{"events":[{"type":"click","link":-0}]}', 400, 0],
    ['1e999 beside the events', `{"events":[${view}],"n":1e999}`, 400, 0],
    ['variant 1e999', '{"events":[{"type":"view","article":"ART","variant":1e999}]}', 400, 0],
    // Nesting.
    [
      'a variant 1,000 objects deep',
      `{"events":[{"type":"view","article":"ART","variant":${deep(1000, '1')}}]}`,
      400,
      0,
    ],
    [
      'a field 5,000 objects deep',
      `{"events":[{"type":"view","article":"ART","x":${deep(5000, '1')}}]}`,
      400,
      0,
    ],
    ['lists 100,000 deep', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 400, 0],
    ['events 10,000 lists deep', `{"events":${'['.repeat(10_000)}${']'.repeat(10_000)}}`, 400, 0],
    // Unknown fields.
    ['a field beside type', '{"events":[{"type":"view","article":"ART","ip":"1.2.3.4"}]}', 400, 0],
    ['meta beside the events', `{"events":[${view}],"meta":{}}`, 400, 0],
    [
      'a view naming a link too',
      '{"events":[{"type":"view","article":"ART","link":"LNK"}]}',
      202,
      1,
    ],
    [
      'a click naming an article too',
      '{"events":[{"type":"click","link":"LNK","article":"ART"}]}',
      202,
      1,
    ],
    ['an empty key', '{"events":[{"type":"view","article":"ART","":1}]}', 400, 0],
    // Prototype pollution.
    ['__proto__ beside the events', `{"__proto__":{"polluted":1},"events":[${view}]}`, 400, 0],
    ['__proto__ in an event', '{"events":[{"__proto__":{"type":"view"},"article":"ART"}]}', 400, 0],
    [
      '__proto__ beside type',
      '{"events":[{"type":"view","article":"ART","__proto__":{"polluted":1}}]}',
      400,
      0,
    ],
    [
      'constructor.prototype',
      `{"constructor":{"prototype":{"polluted":1}},"events":[${view}]}`,
      400,
      0,
    ],
    [
      'constructor in an event',
      '{"events":[{"type":"view","article":"ART","constructor":{"prototype":{"polluted":1}}}]}',
      400,
      0,
    ],
    ['an article called __proto__', '{"events":[{"type":"view","article":"__proto__"}]}', 400, 0],
    [
      'an article called constructor',
      '{"events":[{"type":"view","article":"constructor"}]}',
      202,
      0,
    ],
    [
      'a link called hasOwnProperty',
      '{"events":[{"type":"click","link":"hasOwnProperty"}]}',
      202,
      0,
    ],
    ['an article called toString', '{"events":[{"type":"view","article":"toString"}]}', 202, 0],
    ['a type called __proto__', '{"events":[{"type":"__proto__","article":"ART"}]}', 400, 0],
    ['a type called constructor', '{"events":[{"type":"constructor","article":"ART"}]}', 400, 0],
    // Unicode.
    ['a full-width id', '{"events":[{"type":"view","article":"ＡＢＣ"}]}', 400, 0],
    ['an id with NUL', '{"events":[{"type":"view","article":"ART\\u0000"}]}', 400, 0],
    [
      'an id with a zero-width space',
      '{"events":[{"type":"view","article":"ART\\u200b"}]}',
      400,
      0,
    ],
    ['an id with a lone surrogate', '{"events":[{"type":"view","article":"\\ud800"}]}', 400, 0],
    ['an id with the Kelvin sign', '{"events":[{"type":"view","article":"\\u212a"}]}', 400, 0],
    ['an id with a long s', '{"events":[{"type":"view","article":"\\u017f"}]}', 400, 0],
    ['a type with a Cyrillic e', '{"events":[{"type":"vi\\u0435w","article":"ART"}]}', 400, 0],
    [
      'a type with a zero-width joiner',
      '{"events":[{"type":"vi\\u200dew","article":"ART"}]}',
      400,
      0,
    ],
    ['an emoji variant', '{"events":[{"type":"view","article":"ART","variant":"🅰"}]}', 400, 0],
    [
      'an RTL mark in the variant',
      '{"events":[{"type":"view","article":"ART","variant":"\\u200fa"}]}',
      400,
      0,
    ],
    // Duplicate keys: JSON's last one wins, and is what is checked.
    ['events twice', `{"events":[{"type":"click","link":"LNK"}],"events":[${view}]}`, 202, 1],
    [
      'type twice, the last unknown',
      '{"events":[{"type":"view","article":"ART","type":"like"}]}',
      400,
      0,
    ],
    [
      'type twice, the last a view',
      '{"events":[{"type":"like","type":"view","article":"ART"}]}',
      202,
      1,
    ],
    [
      'article twice, the last bad',
      '{"events":[{"type":"view","article":"ART","article":"a b"}]}',
      400,
      0,
    ],
    // Lists of nulls, and sizes.
    ['three nulls', '{"events":[null,null,null]}', 400, 0],
    ['50 nulls', `{"events":[${Array(50).fill('null').join(',')}]}`, 400, 0],
    ['10,000 nulls', `{"events":[${Array(10_000).fill('null').join(',')}]}`, 400, 0],
    ['a valid event then a null', `{"events":[${view},null]}`, 400, 0],
    [
      '49 valid events and a bad one',
      `{"events":[${Array(49).fill(view).join(',')},{"type":"view"}]}`,
      400,
      0,
    ],
    ['50 valid events', `{"events":[${Array(50).fill(view).join(',')}]}`, 202, 50],
    ['2 MB in one field', `{"events":[${view}],"x":"${'x'.repeat(2 * 1024 * 1024)}"}`, 413, 0],
    // Not JSON.
    ['cut short', '{"events":[', 400, 0],
    ['unquoted keys', '{events:[]}', 400, 0],
    ['single quotes', "{'events':[]}", 400, 0],
    ['text after the JSON', `{"events":[${view}]}garbage`, 400, 0],
    ['NaN', '{"events":NaN}', 400, 0],
    ['nothing at all', '', 400, 0],
  ];

  it(`answers each of ${hostile.length} hostile bodies as it should, never 500, and counts only valid events`, async () => {
    expect(hostile.length).toBeGreaterThanOrEqual(70);
    const config = app.strapi.config.get('plugin::newsroom') as any;
    const limit = config.events.maxRequestsPerMinute;
    config.events.maxRequestsPerMinute = 10_000;
    const hits = async () =>
      (await rows()).reduce((sum: number, r: any) => sum + Number(r.hits), 0);
    try {
      await events().flush();
      const before = await hits();
      const answers: [string, number][] = [];
      for (const [name, text] of hostile) {
        const response = await fetch(`${app.baseUrl}/api/newsroom/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: text.split('ART').join(article).split('LNK').join(links[0]),
        });
        await response.arrayBuffer();
        answers.push([name, response.status]);
      }
      // One list, so a failure names every body answered otherwise.
      expect(answers).toEqual(hostile.map(([name, , status]) => [name, status]));
      expect(({} as any).polluted).toBeUndefined();
      await events().flush();
      expect((await hits()) - before).toBe(hostile.reduce((sum, [, , , n]) => sum + n, 0));
    } finally {
      config.events.maxRequestsPerMinute = limit;
    }
  });

  /** A reverse proxy as nginx's `proxy_add_x_forwarded_for` is: it appends the address it saw. */
  const startProxy = async () => {
    const target = new URL(app.baseUrl);
    const server = http.createServer((req, res) => {
      const seen = req.socket.remoteAddress!.replace(/^::ffff:/, '');
      const forwarded = req.headers['x-forwarded-for'];
      const upstream = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: {
            ...req.headers,
            'x-forwarded-for': forwarded ? `${forwarded}, ${seen}` : seen,
          },
        },
        (answer) => {
          res.writeHead(answer.statusCode!, answer.headers);
          answer.pipe(res);
        }
      );
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { port: (server.address() as AddressInfo).port, close: () => server.close() };
  };
  /** One request through the proxy, from the loopback address `from`, with its own header. */
  const postVia = (port: number, from: string, forwardedFor?: string) =>
    new Promise<number>((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          localAddress: from,
          method: 'POST',
          path: '/api/newsroom/events',
          headers: {
            'content-type': 'application/json',
            ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
          },
        },
        (answer) => {
          answer.resume();
          answer.on('end', () => resolve(answer.statusCode!));
        }
      );
      request.on('error', reject);
      request.end(JSON.stringify({ events: [{ type: 'view', article }] }));
    });

  it('limits each reader behind a proxy, by the address the proxy appended', async () => {
    const config = app.strapi.config.get('plugin::newsroom') as any;
    const limit = config.events.maxRequestsPerMinute;
    config.events.maxRequestsPerMinute = 2;
    const proxy = await startProxy();
    try {
      // One reader writes a new leftmost address each time: koa's `ctx.request.ip` took it,
      // so that reader was never limited.
      const spoofer = [];
      for (const fake of ['1.1.1.1', '2.2.2.2', '3.3.3.3']) {
        spoofer.push(await postVia(proxy.port, '127.0.0.2', fake));
      }
      expect(spoofer).toEqual([202, 202, 429]);
      // Another reader behind the same proxy has a limit of their own: it is not site-wide.
      expect(await postVia(proxy.port, '127.0.0.3')).toBe(202);
      // Sent straight to Strapi, the last entry is the reader's own claim and counts as one
      // address: rotating it is rotating readers, which only a proxy in front can prevent.
    } finally {
      proxy.close();
      config.events.maxRequestsPerMinute = limit;
    }
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

  it.each([
    ['no content type', undefined],
    ['XML', 'application/xml'],
    ['bytes', 'application/octet-stream'],
    ['a form', 'application/x-www-form-urlencoded'],
  ])('answers 415, not 500, to a body sent as %s', async (_, type) => {
    const response = await fetch(`${app.baseUrl}/api/newsroom/events`, {
      method: 'POST',
      headers: type ? { 'content-type': type } : {},
      body: type === undefined ? undefined : '<events><view/></events>',
    });
    expect(response.status).toBe(415);
    expect((await response.json()).error.message).toMatch(/^body: must be JSON/);
  });

  it('refuses 1 MB of events at once, without holding the server (78,000 bad events)', async () => {
    // About a megabyte: yup checked all of them, collecting every error, before the limit of
    // 50 applied; the server answered nothing else for 111 s.
    const body = JSON.stringify({ events: Array.from({ length: 78_000 }, () => ({ type: 'x' })) });
    expect(body.length).toBeLessThan(1024 * 1024);
    const { maxWaitMs, result } = await maxHealthWait(app.baseUrl, () =>
      fetch(`${app.baseUrl}/api/newsroom/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      }).then(async (r) => ({ status: r.status, body: await r.json() }))
    );
    expect(result).toMatchObject({
      status: 400,
      body: { error: { message: 'events: must hold at most 50 events' } },
    });
    expect(maxWaitMs).toBeLessThan(1000);
  });

  describe('when the database fails', () => {
    /**
     * A second instance's service whose database connection fails as `fail` says: before a
     * transaction, or after it committed (the answer lost on the way back).
     */
    const flaky = (fail: (call: number) => 'before' | 'after' | null) => {
      const knex = app.strapi.db.connection;
      let calls = 0;
      const connection = new Proxy(knex, {
        get(target, prop) {
          if (prop !== 'transaction') return Reflect.get(target, prop);
          return async (work: (trx: unknown) => Promise<unknown>) => {
            calls += 1;
            const when = fail(calls);
            if (when === 'before') throw new Error('connection refused');
            const done = await target.transaction(work as any);
            if (when === 'after') throw new Error('connection reset after commit');
            return done;
          };
        },
      });
      const db = Object.create(app.strapi.db, { connection: { value: connection } });
      return createReaderEventsService({
        strapi: {
          config: app.strapi.config,
          log: app.strapi.log,
          db,
          contentType: (uid: string) => app.strapi.contentType(uid as any),
        } as any,
      });
    };
    const testViews = async () =>
      Number(
        (
          await app.strapi.db
            .connection('newsroom_reader_test_events')
            .where({ kind: 'view', subject: article })
            .sum({ hits: 'hits' })
        )[0].hits ?? 0
      );
    // 234 counters of one story, one per minute of a variant: two chunks of 200 and 34.
    const minutes = (from: number) => Array.from({ length: 234 }, (_, i) => from + i * 60_000);

    it('adds each chunk once when a flush fails midway or loses the answer of a commit', async () => {
      const before = await testViews();
      // The first chunk commits and its answer is lost; the flush stops there.
      const service = flaky((call) => (call === 1 ? 'after' : null));
      const from = Date.parse('2020-01-01T00:00:00Z');
      for (const now of minutes(from)) {
        service.record([{ type: 'view', article, variant: 'a' }], now);
      }
      await service.flush();
      expect(service.status()).toMatchObject({ bufferedKeys: 234, lastError: expect.any(String) });
      // The retry writes both chunks; the first is known by its id and not added again.
      await service.flush();
      expect(service.status()).toMatchObject({ bufferedKeys: 0, lastError: null });
      expect((await testViews()) - before).toBe(234);
    });

    it('holds at most the configured counters while nothing can be written, counting the rest', async () => {
      const config = app.strapi.config.get('plugin::newsroom') as any;
      const bounds = { ...config.events };
      config.events.maxBufferedKeys = 100;
      let down = true;
      const service = flaky(() => (down ? 'before' : null));
      try {
        const before = await testViews();
        const from = Date.parse('2020-02-01T00:00:00Z');
        let kept = 0;
        for (const now of minutes(from)) {
          kept += service.record([{ type: 'view', article, variant: 'b' }], now);
          await service.flush();
        }
        expect(kept).toBe(100);
        expect(service.status()).toMatchObject({ bufferedKeys: 100, dropped: 134 });
        // The bound in bytes holds as well.
        config.events.maxBufferedKeys = bounds.maxBufferedKeys;
        config.events.maxBufferedBytes = service.status().bufferedBytes;
        expect(service.record([{ type: 'view', article, variant: 'b' }], from)).toBe(0);
        down = false;
        await service.flush();
        expect(service.status()).toMatchObject({ bufferedKeys: 0, bufferedBytes: 0, dropped: 135 });
        expect((await testViews()) - before).toBe(100);
      } finally {
        Object.assign(config.events, bounds);
      }
    });
  });
});
