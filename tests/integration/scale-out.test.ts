/**
 * Scale-out: two Strapi instances of the playground on ONE PostgreSQL database answer the same
 * right after an edit made through either of them. Each instance caches published responses in
 * its own memory and checks the content generation (table newsroom_freshness) on every request;
 * a write that changes published content bumps it. Strapi keeps a global, so each instance runs
 * in a child process (helpers/instance.js). Before every write, both instances' caches are
 * warmed on every endpoint, so that a cache serving what it held before fails the test.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import {
  DB,
  adminToken,
  freshSecrets,
  PLAYGROUND,
  prepareDatabase,
  requester,
  type TestApp,
} from './helpers/strapi';
import { ARTICLE, SEEDED_SLUG, unchangedPlacement } from './helpers/newsroom';

const { restartPostgres } = require('./helpers/postgres');

jest.setTimeout(90_000);

const INSTANCE_SCRIPT = path.join(__dirname, 'helpers', 'instance.js');
const CM = `/content-manager/collection-types/${ARTICLE}`;
/** A word both test articles carry in their titles, and the seeded story does not. */
const WORD = 'semeru';

interface Instance {
  name: string;
  request: TestApp['request'];
  stop: () => Promise<void>;
  /** Ends the process at once (SIGKILL), as a crash or an OOM kill would; resolves once gone. */
  kill: () => Promise<void>;
  /** What the instance has logged (its last 20,000 characters). */
  output: () => string;
}

/** Every instance started, stopped in afterAll even when a later boot fails. */
const running: Instance['stop'][] = [];

/** Boots the playground in a child process with `env`; resolves once it listens. */
const startInstance = (name: string, env: NodeJS.ProcessEnv): Promise<Instance> =>
  new Promise((resolve, reject) => {
    const child = fork(INSTANCE_SCRIPT, [], { env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const stop = async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (child.connected) child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    };
    running.push(stop);
    child.once('message', (message: any) => {
      if (message?.type === 'ready') {
        resolve({
          name,
          request: requester(`http://127.0.0.1:${message.port}`),
          stop,
          kill: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
            await exited;
          },
          output: () => output,
        });
      } else {
        reject(new Error(`instance ${name} failed to boot: ${message?.message}\n${output}`));
      }
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`instance ${name} exited (${code ?? signal}) before listening\n${output}`))
    );
  });

const suite = DB === 'postgres' ? describe : describe.skip;
const suiteName =
  DB === 'postgres'
    ? 'two Strapi instances on one PostgreSQL answer the same after every edit'
    : 'two Strapi instances on one database (skipped on SQLite: one file serves one process; runs with NEWSROOM_TEST_DB=postgres)';

suite(suiteName, () => {
  let A: Instance;
  let B: Instance;
  let drop: (() => Promise<void>) | undefined;
  let databaseEnv: Record<string, string>;
  let auth: Record<string, string>;
  /** The environment the instances boot with (database, secrets). */
  let instanceEnv: NodeJS.ProcessEnv;

  const first = {
    title: 'Lahar dingin Semeru terjang jembatan Gladak Perak di Lumajang',
    lead: 'Banjir lahar dingin Gunung Semeru memutus jembatan Gladak Perak, jalur Lumajang-Malang.',
    tags: ['Semeru', 'Lumajang'],
    paragraphs: [
      'Banjir lahar dingin dari Gunung Semeru menerjang jembatan Gladak Perak di Lumajang.',
      'Jalur Lumajang-Malang ditutup sementara karena lahar dingin masih mengalir.',
    ],
    reportedAt: '2026-11-20',
  };
  const second = {
    title: 'Ratusan warga Lumajang mengungsi akibat lahar dingin Semeru',
    lead: 'Lahar dingin Gunung Semeru memaksa ratusan warga Lumajang mengungsi.',
    tags: ['Semeru', 'Lumajang'],
    paragraphs: [
      'Ratusan warga Lumajang mengungsi setelah banjir lahar dingin Gunung Semeru.',
      'Jembatan Gladak Perak yang putus membuat pengungsi memutar lewat jalur lain.',
    ],
    reportedAt: '2026-11-21',
  };
  const NEW_TITLE = 'Lahar dingin Semeru putuskan jembatan Gladak Perak, Lumajang terisolasi';

  let a1: { documentId: string; slug: string };
  let a2: { documentId: string; slug: string };

  const render = (on: Instance, slug: string) => on.request(`/api/newsroom/articles/${slug}`);
  const list = (on: Instance) => on.request(`/api/newsroom/articles?q=${WORD}&pageSize=20`);
  const related = (on: Instance, slug: string) =>
    on.request(`/api/newsroom/articles/${slug}/related?limit=5`);
  const adminList = (on: Instance) => on.request(`/newsroom/articles?q=${WORD}`, { headers: auth });

  const ids = (items: any[]) => items.map((item) => item.documentId ?? item.target?.documentId);
  const rowOf = (rows: any[], documentId: string) =>
    rows.find((row) => row.documentId === documentId);
  const relatedTo = (items: any[], documentId: string) =>
    items.filter((item) => item.target?.documentId === documentId);
  const blocks = (body: any) => body.data.body.filter((b: any) => b.type === 'baca-juga');

  /**
   * Requests every endpoint on both instances, so that each holds a cached answer computed
   * before the write that follows.
   */
  const warm = async () => {
    const paths = [
      `/api/newsroom/articles/${SEEDED_SLUG}`,
      `/api/newsroom/articles?q=${WORD}&pageSize=20`,
      ...[a1, a2].flatMap((a) =>
        a
          ? [`/api/newsroom/articles/${a.slug}`, `/api/newsroom/articles/${a.slug}/related?limit=5`]
          : []
      ),
    ];
    for (const on of [A, B]) {
      for (const pathname of paths) {
        // Twice: the second answer comes from the cache the first one filled.
        const once = await on.request(pathname);
        const twice = await on.request(pathname);
        expect([pathname, twice.status, twice.body]).toEqual([pathname, once.status, once.body]);
      }
      expect((await adminList(on)).status).toBe(200);
    }
  };

  /**
   * Retires every cached response on both instances, as a write to published content does:
   * after a draft edit (which leaves the generation alone) the next reads are then fresh
   * renders, not the answers warm() cached before it.
   */
  const retireCaches = () =>
    sql('UPDATE newsroom_freshness SET generation = generation + 1 WHERE id = 1');

  /** Runs statements on the instances' database, beside them. */
  const sql = async (...statements: string[]) => {
    const { Client } = require(require.resolve('pg', { paths: [PLAYGROUND] }));
    const client = new Client({
      host: databaseEnv.DATABASE_HOST,
      port: Number(databaseEnv.DATABASE_PORT),
      user: databaseEnv.DATABASE_USERNAME,
      database: databaseEnv.DATABASE_NAME,
    });
    await client.connect();
    try {
      for (const statement of statements) await client.query(statement);
    } finally {
      await client.end();
    }
  };

  const cmCreateAndPublish = async (on: Instance, input: typeof first) => {
    const created = await on.request(CM, {
      method: 'POST',
      headers: auth,
      body: {
        title: input.title,
        lead: input.lead,
        tags: input.tags,
        body: input.paragraphs.map((text) => ({ text })),
        reportedAt: input.reportedAt,
      },
    });
    expect(created.status).toBe(201);
    const { documentId, slug } = created.body.data;
    const published = await on.request(`${CM}/${documentId}/actions/publish`, {
      method: 'POST',
      headers: auth,
      body: {},
    });
    expect(published.status).toBe(200);
    return { documentId: documentId as string, slug: slug as string };
  };

  beforeAll(async () => {
    const started = Date.now();
    const database = await prepareDatabase();
    drop = database.drop;
    databaseEnv = database.env;
    const env = (instanceEnv = {
      ...process.env,
      STRAPI_TELEMETRY_DISABLED: 'true',
      NODE_ENV: 'test',
      STRAPI_LOG_LEVEL: 'error',
      ...freshSecrets(),
      ...database.env,
    });
    // The first boot creates the schema and seeds the story; the second finds them there.
    A = await startInstance('A', { ...env, NEWSROOM_SKIP_SEED: 'false' });
    const firstBoot = Date.now();
    B = await startInstance('B', { ...env, NEWSROOM_SKIP_SEED: 'true' });
    console.log(
      `[scale-out] instance A booted in ${firstBoot - started} ms, B in ${Date.now() - firstBoot} ms`
    );
    // Logged in on A; the token works on B, which shares ADMIN_JWT_SECRET.
    auth = { authorization: `Bearer ${await adminToken(A)}` };
  });

  afterAll(async () => {
    await Promise.all(running.map((stop) => stop()));
    await drop?.();
  });

  it('both instances serve the seeded story, and the admin token of A works on B', async () => {
    for (const on of [A, B]) {
      const { status, body } = await render(on, SEEDED_SLUG);
      expect([on.name, status]).toEqual([on.name, 200]);
      expect(body.data.slug).toBe(SEEDED_SLUG);
      expect([on.name, (await adminList(on)).status]).toEqual([on.name, 200]);
    }
  });

  it('articles created and published through A are served by B at once', async () => {
    await warm();
    const emptyList = (await list(B)).body;
    expect(emptyList.data).toEqual([]);

    a1 = await cmCreateAndPublish(A, first);
    a2 = await cmCreateAndPublish(A, second);

    const one = await render(B, a1.slug);
    expect(one.status).toBe(200);
    expect(one.body.data.title).toBe(first.title);
    expect((await render(B, a2.slug)).body.data.title).toBe(second.title);

    const listed = (await list(B)).body.data;
    expect(ids(listed).sort()).toEqual([a1.documentId, a2.documentId].sort());

    const forSecond = (await related(B, a2.slug)).body.data;
    expect(relatedTo(forSecond, a1.documentId)).toEqual([
      expect.objectContaining({ source: 'suggestion', label: first.title }),
    ]);
    const forFirst = (await related(B, a1.slug)).body.data;
    expect(relatedTo(forFirst, a2.documentId)).toEqual([
      expect.objectContaining({ source: 'suggestion', label: second.title }),
    ]);

    const rows = (await adminList(B)).body.data;
    expect(rowOf(rows, a1.documentId)).toMatchObject({ title: first.title, status: 'published' });
    expect(rowOf(rows, a2.documentId)).toMatchObject({ title: second.title, status: 'published' });
  });

  it('a draft edit through B reaches no reader on A, and shows in A’s admin list', async () => {
    await warm();
    const edited = await B.request(`${CM}/${a1.documentId}`, {
      method: 'PUT',
      headers: auth,
      body: { title: NEW_TITLE },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.data.title).toBe(NEW_TITLE);

    await retireCaches();
    for (const on of [A, B]) {
      const { body } = await render(on, a1.slug);
      expect([on.name, body.data.title]).toEqual([on.name, first.title]);
    }
    expect(rowOf((await list(A)).body.data, a1.documentId).title).toBe(first.title);
    expect(relatedTo((await related(A, a2.slug)).body.data, a1.documentId)[0].label).toBe(
      first.title
    );
    expect(rowOf((await adminList(A)).body.data, a1.documentId)).toMatchObject({
      title: NEW_TITLE,
      status: 'modified',
    });
  });

  it('publishing through B shows the new title on A at the very next request', async () => {
    await warm();
    const before = await render(A, a1.slug);
    expect(before.body.data.title).toBe(first.title);

    const published = await B.request(`${CM}/${a1.documentId}/actions/publish`, {
      method: 'POST',
      headers: auth,
      body: {},
    });
    expect(published.status).toBe(200);

    const after = await render(A, a1.slug);
    expect(after.status).toBe(200);
    expect(after.body.data.title).toBe(NEW_TITLE);
    // The rest of the story is as it was: only the title changed.
    expect(after.body.data.lead).toBe(first.lead);
    expect(after.headers.get('etag')).toBeTruthy();
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));

    expect(rowOf((await list(A)).body.data, a1.documentId).title).toBe(NEW_TITLE);
    expect(relatedTo((await related(A, a2.slug)).body.data, a1.documentId)).toEqual([
      expect.objectContaining({
        source: 'suggestion',
        label: NEW_TITLE,
        target: expect.objectContaining({ title: NEW_TITLE, slug: a1.slug }),
      }),
    ]);
    expect(rowOf((await adminList(A)).body.data, a1.documentId)).toMatchObject({
      title: NEW_TITLE,
      status: 'published',
    });
    // And B, which published, agrees.
    expect((await render(B, a1.slug)).body).toEqual(after.body);
  });

  it('a Baca Juga link placed through A is rendered and leads the related list on B', async () => {
    await warm();
    const read = await A.request(`/newsroom/articles/${a2.documentId}/placement`, {
      headers: auth,
    });
    expect(read.status).toBe(200);
    const current = unchangedPlacement(read.body.data);
    const saved = await A.request(`/newsroom/articles/${a2.documentId}/placement`, {
      method: 'PUT',
      headers: auth,
      body: {
        ...current,
        links: [
          ...current.links,
          {
            targetDocumentId: a1.documentId,
            afterParagraphId: read.body.data.paragraphs[0].id,
          },
        ],
      },
    });
    expect(saved.status).toBe(200);

    const story = await render(B, a2.slug);
    expect(blocks(story.body)).toEqual([
      expect.objectContaining({
        type: 'baca-juga',
        label: NEW_TITLE,
        target: expect.objectContaining({ documentId: a1.documentId }),
      }),
    ]);

    const items = (await related(B, a2.slug)).body.data;
    expect(items[0]).toMatchObject({
      source: 'editor',
      label: NEW_TITLE,
      target: { documentId: a1.documentId },
    });
    // Linked by an editor, it is not suggested again.
    expect(relatedTo(items, a1.documentId)).toHaveLength(1);
  });

  it('unpublishing through A takes the article off every answer of B at once', async () => {
    await warm();
    const unpublished = await A.request(`${CM}/${a1.documentId}/actions/unpublish`, {
      method: 'POST',
      headers: auth,
      body: {},
    });
    expect(unpublished.status).toBe(200);

    expect((await render(B, a1.slug)).status).toBe(404);
    expect((await related(B, a1.slug)).status).toBe(404);
    expect(ids((await list(B)).body.data)).toEqual([a2.documentId]);
    expect(relatedTo((await related(B, a2.slug)).body.data, a1.documentId)).toEqual([]);
    const story = await render(B, a2.slug);
    expect(story.status).toBe(200);
    expect(blocks(story.body)).toEqual([]);
    expect(rowOf((await adminList(B)).body.data, a1.documentId)).toMatchObject({
      status: 'draft',
    });
  });

  it('PostgreSQL restarted under load: every read succeeds once it is back, no prepared-statement errors', async () => {
    await warm();
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const paths = [
      `/api/newsroom/articles/${a2.slug}`,
      `/api/newsroom/articles/${SEEDED_SLUG}`,
      `/api/newsroom/articles?q=${WORD}&pageSize=20`,
      `/api/newsroom/articles/${a2.slug}/related?limit=5`,
    ];
    // Four readers per instance, through the restart; misses too (the generation moves on).
    const outcomes: { at: number; status: number; path: string }[] = [];
    let loading = true;
    const reader = async (on: Instance, offset: number) => {
      for (let i = offset; loading; i += 1) {
        const path = paths[i % paths.length];
        const at = Date.now();
        const { status } = await on.request(path).catch(() => ({ status: 0 }));
        outcomes.push({ at, status, path: `${on.name} ${path}` });
      }
    };
    const load = [A, B].flatMap((on) => [0, 1, 2, 3].map((offset) => reader(on, offset)));
    await sleep(300);
    const logged = { A: A.output().length, B: B.output().length };
    const { stoppedAt, backAt } = await restartPostgres(JSON.parse(process.env.NEWSROOM_TEST_PG!));
    // The very first reads after it is back, on both instances.
    const first = await Promise.all([A, B].map((on) => render(on, a2.slug)));
    const firstAfter = Date.now() - backAt;
    await sleep(1_500);
    loading = false;
    await Promise.all(load);

    const after = outcomes.filter((o) => o.at >= backAt);
    console.log(
      `[scale-out] PostgreSQL down ${backAt - stoppedAt} ms; first reads ${firstAfter} ms after it ` +
        `was back; ${after.length} reads after it, ${after.filter((o) => o.status === 200).length} ok`
    );
    expect(first.map((r) => r.status)).toEqual([200, 200]);
    expect(after.length).toBeGreaterThan(20);
    expect(after.filter((o) => o.status !== 200)).toEqual([]);
    for (const on of [A, B]) {
      const since = on.output().slice(on === A ? logged.A : logged.B);
      expect([on.name, since.match(/prepared statement.*/i)?.[0] ?? null]).toEqual([on.name, null]);
    }

    // And writes bump the generation again: a publish through A is served by B at once.
    await warm();
    const republished = await A.request(`${CM}/${a1.documentId}/actions/publish`, {
      method: 'POST',
      headers: auth,
      body: {},
    });
    expect(republished.status).toBe(200);
    expect((await render(B, a1.slug)).status).toBe(200);
  });

  it('a publish through A whose index write fails is served by B at once, and B indexes it later', async () => {
    await warm();
    const TITLE = 'Ratusan warga Lumajang mengungsi, jembatan darurat dibangun';
    // The suggestion index refuses writes (a fault beside the instances, in the database).
    await sql(
      `CREATE OR REPLACE FUNCTION newsroom_test_fail() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'injected: index refused'; END $$ LANGUAGE plpgsql`,
      `CREATE TRIGGER newsroom_test_fail BEFORE INSERT OR DELETE ON newsroom_search_docs
       FOR EACH STATEMENT EXECUTE FUNCTION newsroom_test_fail()`
    );
    try {
      const edited = await A.request(`${CM}/${a2.documentId}`, {
        method: 'PUT',
        headers: auth,
        body: { title: TITLE },
      });
      expect(edited.status).toBe(200);
      const published = await A.request(`${CM}/${a2.documentId}/actions/publish`, {
        method: 'POST',
        headers: auth,
        body: {},
      });
      expect(published.status).toBe(200);
      expect((await render(B, a2.slug)).body.data.title).toBe(TITLE);
      const status = await B.request('/newsroom/status', { headers: auth });
      expect(status.body.data.pendingEffects).toMatchObject({ failing: 1 });
    } finally {
      await sql('DROP TRIGGER IF EXISTS newsroom_test_fail ON newsroom_search_docs');
    }
    // A goes away; B retries from the record and the suggestion index follows the publish.
    await A.stop();
    const suggested = async () =>
      relatedTo((await related(B, a1.slug)).body.data, a2.documentId)[0]?.label;
    const deadline = Date.now() + 15_000;
    while ((await suggested()) !== TITLE && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(await suggested()).toBe(TITLE);
    expect(
      (await B.request('/newsroom/status', { headers: auth })).body.data.pendingEffects
    ).toMatchObject({
      pending: 0,
    });
  });
  it('an instance killed (SIGKILL) in the middle of placement saves leaves every story old or new, never half', async () => {
    // Each link row written takes 150 ms (a trigger beside the instances), so a save of two
    // new links holds its transaction open for 300 ms or more and a kill 60 or 200 ms after
    // the request lands inside it. The last round kills once both saves have answered: the
    // check below must then see them whole (it can tell new from old).
    await sql(
      `CREATE OR REPLACE FUNCTION newsroom_test_slow() RETURNS trigger AS $$
       BEGIN PERFORM pg_sleep(0.15); RETURN NEW; END $$ LANGUAGE plpgsql`,
      `CREATE TRIGGER newsroom_test_slow BEFORE INSERT ON newsroom_related_links
       FOR EACH ROW EXECUTE FUNCTION newsroom_test_slow()`
    );
    const stories = [a1, a2];
    /** What an editor and a reader see of a story's links, in order. */
    const placed = async (story: { documentId: string; slug: string }) => {
      const read = await B.request(`/newsroom/articles/${story.documentId}/placement`, {
        headers: auth,
      });
      expect(read.status).toBe(200);
      const rendered = await render(B, story.slug);
      expect(rendered.status).toBe(200);
      return {
        read: read.body.data,
        draft: read.body.data.links.map((l: any) => l.url ?? l.targetArticle?.documentId),
        published: blocks(rendered.body).map((b: any) => b.href ?? b.target?.documentId),
      };
    };
    const outcomes: string[] = [];
    try {
      for (const [round, killAfter] of [60, 200, 'answered'].entries()) {
        const before = await Promise.all(stories.map(placed));
        const C = await startInstance(`C${round}`, { ...instanceEnv, NEWSROOM_SKIP_SEED: 'true' });
        const saves = stories.map((story, i) => {
          const current = unchangedPlacement(before[i].read);
          const p = before[i].read.paragraphs;
          return C.request(`/newsroom/articles/${story.documentId}/placement`, {
            method: 'PUT',
            headers: auth,
            body: {
              ...current,
              links: [
                ...current.links,
                ...[0, 1].map((n) => ({
                  url: `https://example.org/kill-${round}-${i}-${n}`,
                  label: `Baca juga: laporan ${round}-${i}-${n}`,
                  afterParagraphId: p[n].id,
                })),
              ],
            },
          }).catch(() => ({ status: 0 }));
        });
        if (killAfter === 'answered') await Promise.all(saves);
        else await new Promise((resolve) => setTimeout(resolve, killAfter as number));
        await C.kill();
        await Promise.all(saves);
        for (const [i, story] of stories.entries()) {
          const old = before[i];
          const added = [0, 1].map((n) => `https://example.org/kill-${round}-${i}-${n}`);
          const now = await placed(story);
          const isOld =
            JSON.stringify([now.draft, now.published]) ===
            JSON.stringify([old.draft, old.published]);
          const isNew =
            JSON.stringify(now.draft) === JSON.stringify([...old.draft, ...added]) &&
            added.every((url) => now.published.includes(url)) &&
            now.published.length === old.published.length + 2;
          outcomes.push(isOld ? 'old' : isNew ? 'new' : 'HALF');
          expect([round, i, isOld || isNew]).toEqual([round, i, true]);
        }
      }
    } finally {
      await sql('DROP TRIGGER IF EXISTS newsroom_test_slow ON newsroom_related_links');
    }
    console.log(`[scale-out] placement saves killed mid-way: ${outcomes.join(', ')}`);
    // The kills inside the transactions left the stories as they were; the saves that
    // answered before the kill stand whole.
    expect(outcomes).toEqual(['old', 'old', 'old', 'old', 'new', 'new']);
  });
});
