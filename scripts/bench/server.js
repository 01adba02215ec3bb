'use strict';
/**
 * One Strapi of the playground for the benchmark, in a process of its own so that its memory
 * and its SQL are measured apart from the load generator. Seeds BENCH_COUNT synthetic stories,
 * then answers the parent over IPC:
 *   { type: 'ready', port, slug, documentId, seedSeconds, indexSeconds }
 *   'queries' -> { type: 'queries', count }   (statements sent so far, from knex query events)
 *   'memory'  -> { type: 'memory', rss, heapUsed }  (after a full GC)
 *   'cache'   -> { type: 'cache', entries, bytes, hits, misses }  (the response cache)
 *   'cache-off' / 'cache-on' -> the same reply, after turning the response cache off or on
 *   'cold'    -> the same reply, after a new content generation (every entry stale)
 *   { type: 'cache-size', maxEntries, maxBytes } -> the 'cache' reply, under these bounds
 *               (a new, empty cache); { type: 'cache-size' } alone puts the configured ones back
 * With BENCH_ATTACH=1 it seeds nothing: a second instance on the database another one seeded
 * (the writer on an instance of its own, as an editor's behind a load balancer); its ready
 * message has the port alone.
 *   { type: 'writer', mode: 'draft' | 'publish', slug } -> { type: 'writer' }: from now on, twice
 *               a second, that story's lead is edited (a draft edit), and published too in
 *               'publish' mode; { type: 'writer', mode: null } stops it and replies with
 *               { writes, failed, msPerWrite } since it started
 *   'slugs'   -> { type: 'slugs', slugs }  (every story's slug, in corpus order)
 *   'profile-start' / 'profile-stop' -> { type: 'profile', profile }  (a V8 CPU profile of
 *               what ran in between, from the inspector: the load only, not boot and seed)
 */
const inspector = require('node:inspector');
const path = require('node:path');
const { generate, insert } = require('./synthetic');

const ROOT = path.resolve(__dirname, '..', '..');
const PLAYGROUND = path.join(ROOT, 'playground');
const ARTICLE = 'plugin::newsroom.article';
const LINK = 'plugin::newsroom.related-link';
const QUOTE = 'plugin::newsroom.quote';

const progress = (label) => {
  let last = 0;
  return (stage, done, total) => {
    if (done === total || Date.now() - last > 1000) {
      last = Date.now();
      process.send({ type: 'progress', text: `${label}: ${stage} ${done}/${total}` });
    }
  };
};

/**
 * b) Strapi's own way: the Document Service's findFirst and findMany with populate, as a
 * plugin or app would write it without hand-made SQL (the article, its links with their
 * targets, its quotes). Registered without auth, like the floor, so it pays no permission query.
 */
const coreArticleRoute = (strapi) => ({
  method: 'GET',
  path: '/api/bench/core-article/:slug',
  config: { auth: false },
  handler: async (ctx) => {
    const article = await strapi.documents(ARTICLE).findFirst({
      status: 'published',
      filters: { slug: ctx.params.slug },
    });
    if (!article) return ctx.notFound();
    const [links, quotes] = await Promise.all([
      strapi.documents(LINK).findMany({
        status: 'published',
        filters: { sourceArticle: { documentId: article.documentId } },
        populate: { targetArticle: { fields: ['documentId', 'slug', 'title'] } },
      }),
      strapi.documents(QUOTE).findMany({
        status: 'published',
        filters: { article: { documentId: article.documentId } },
      }),
    ]);
    ctx.body = { data: { ...article, links, quotes } };
  },
});

const main = async () => {
  const count = Number(process.env.BENCH_COUNT || 1000);
  const { createStrapi } = require(require.resolve('@strapi/strapi', { paths: [PLAYGROUND] }));
  const strapi = await createStrapi({
    appDir: PLAYGROUND,
    distDir: path.join(PLAYGROUND, 'dist'),
  }).load();
  strapi.log.level = 'warn';
  strapi.server.routes([coreArticleRoute(strapi)]);

  let queries = 0;
  strapi.db.connection.on('query', () => {
    queries += 1;
  });
  // BENCH_SLOW_SQL=ms: every statement that took at least that long, with its time, logged
  // (for finding the statement behind a slow route or write).
  const slow = Number(process.env.BENCH_SLOW_SQL || 0);
  if (slow > 0) {
    const sent = new Map();
    const { performance } = require('node:perf_hooks');
    strapi.db.connection.on('query', (q) => sent.set(q.__knexQueryUid, performance.now()));
    strapi.db.connection.on('query-response', (_r, q) => {
      const ms = performance.now() - (sent.get(q.__knexQueryUid) ?? performance.now());
      sent.delete(q.__knexQueryUid);
      if (ms < slow) return;
      process.send({ type: 'progress', text: `slow SQL ${ms.toFixed(1)} ms: ${q.sql}` });
    });
  }

  // The corpus streams from the generator into the database: only what the runs ask for is
  // kept (every slug and documentId, and how many stories link to each), so the process's
  // memory (RSS) is the plugin's and Strapi's alone.
  const slugs = [];
  const documentIds = [];
  const backlinks = new Uint32Array(count);
  function* keeping(stories) {
    for (const s of stories) {
      slugs.push(s.slug);
      documentIds.push(s.documentId);
      for (const link of s.links) backlinks[link.target] += 1;
      yield s;
    }
  }
  /** Seeds the corpus, indexes it and adds the editor the admin routes log in as. */
  const seed = async () => {
    let started = Date.now();
    await insert(strapi, keeping(generate(count)), count, progress(`seed ${count}`));
    // The story measured: an ordinary one, neither first nor last, and linked to by as many
    // stories as the corpus's median one (the middle story alone had 5 at 10,000 and none at
    // 100,000, and a render reads and writes its backlinks: the sizes did not compare).
    const median = [...backlinks].sort((x, y) => x - y)[Math.floor(count / 2)];
    let measured = Math.floor(count / 2);
    while (measured < count - 1 && backlinks[measured] !== median) measured += 1;
    const story = { slug: slugs[measured], documentId: documentIds[measured] };
    const seedSeconds = (Date.now() - started) / 1000;
    started = Date.now();
    const report = progress(`index ${count}`);
    await strapi
      .plugin('newsroom')
      .service('searchIndex')
      .rebuild((done, total) => report('articles', done, total));
    const indexSeconds = (Date.now() - started) / 1000;
    // A live database's steady state: autovacuum has set the visibility map by then.
    if (strapi.db.dialect.client === 'postgres') await strapi.db.connection.raw('VACUUM ANALYZE');
    await strapi.plugin('newsroom').service('freshness').bump();

    // The admin routes are measured as a newsroom editor sees them: a role with the plugin's
    // two actions. (A super admin's every request builds an ability from hundreds of
    // permissions first; docs/BENCHMARKS.md gives that cost too.)
    const role = await strapi.service('admin::role').create({
      name: 'Baca Juga editor',
      description: 'benchmark: plugin::newsroom.read and manage',
    });
    await strapi.service('admin::role').assignPermissions(
      role.id,
      ['plugin::newsroom.read', 'plugin::newsroom.manage'].map((action) => ({
        action,
        subject: null,
        properties: {},
        conditions: [],
      }))
    );
    const editor = { email: 'bench-editor@newsroom.local', password: 'Bench-editor-1' };
    await strapi.service('admin::user').create({
      ...editor,
      firstname: 'Bench',
      lastname: 'Editor',
      isActive: true,
      registrationToken: null,
      roles: [role.id],
    });
    return { story, median, seedSeconds, indexSeconds, editor };
  };
  const attached = process.env.BENCH_ATTACH === '1';
  const seeded = attached ? null : await seed();

  // For comparison: every publish retires every kept response, as before freshness per key.
  if (process.env.BENCH_GLOBAL_FRESHNESS === '1') {
    strapi.plugin('newsroom').service('freshness').untouched = async () => false;
  }

  await new Promise((resolve) => strapi.server.listen(0, '127.0.0.1', resolve));
  const { port } = strapi.server.httpServer.address();
  const profiler = new inspector.Session();
  const cacheConfig = `plugin::newsroom.responseCache`;
  const configured = strapi.config.get(cacheConfig);
  const cacheReply = () => ({
    type: 'cache',
    ...strapi.plugin('newsroom').service('responseCache').usage(),
  });
  /** The writer of the freshness rows: one story edited (and published) twice a second. */
  let writer = null;
  const startWriter = async (mode, slug) => {
    // An attached instance seeded nothing: it finds the story in the database.
    const known = slugs.indexOf(slug);
    const documentId =
      known >= 0
        ? documentIds[known]
        : (await strapi.documents(ARTICLE).findFirst({ filters: { slug }, fields: ['documentId'] }))
            .documentId;
    const state = { writes: 0, failed: 0, ms: 0, busy: false, timer: null };
    const docs = strapi.documents(ARTICLE);
    state.timer = setInterval(async () => {
      if (state.busy) return; // a slow write is not overlapped: the rate drops instead
      state.busy = true;
      const started = Date.now();
      try {
        await docs.update({ documentId, data: { lead: `Diperbarui ${Date.now()}.` } });
        if (mode === 'publish') await docs.publish({ documentId });
        state.writes += 1;
      } catch (error) {
        state.failed += 1;
        process.send({ type: 'progress', text: `writer: ${error.message}` });
      } finally {
        state.ms += Date.now() - started;
        state.busy = false;
      }
    }, 500);
    return state;
  };
  process.on('message', async (message) => {
    if (message?.type === 'cache-size') {
      strapi.config.set(cacheConfig, {
        ...configured,
        ...(message.maxEntries ? { maxEntries: message.maxEntries } : {}),
        ...(message.maxBytes ? { maxBytes: message.maxBytes } : {}),
      });
      // The cache is rebuilt for new bounds on its next use (services/response-cache).
      process.send(cacheReply());
    }
    if (message?.type === 'writer') {
      const stopped = writer;
      if (stopped) {
        clearInterval(stopped.timer);
        while (stopped.busy) await new Promise((resolve) => setTimeout(resolve, 20));
        writer = null;
      }
      if (message.mode) writer = await startWriter(message.mode, message.slug);
      process.send({
        type: 'writer',
        writes: stopped?.writes ?? 0,
        failed: stopped?.failed ?? 0,
        msPerWrite: stopped ? stopped.ms / Math.max(1, stopped.writes + stopped.failed) : 0,
      });
    }
    if (message === 'queries') process.send({ type: 'queries', count: queries });
    if (message === 'slugs') process.send({ type: 'slugs', slugs });
    if (message === 'cache') process.send(cacheReply());
    if (message === 'cache-off' || message === 'cache-on') {
      // Read on every request (services/response-cache), so this takes effect at once.
      strapi.config.set(cacheConfig, {
        ...configured,
        maxEntries: message === 'cache-off' ? 0 : configured.maxEntries,
      });
      process.send(cacheReply());
    }
    if (message === 'profile-start' || message === 'profile-stop') {
      const post = (method) =>
        new Promise((resolve, reject) =>
          profiler.post(method, (error, result) => (error ? reject(error) : resolve(result)))
        );
      if (message === 'profile-start') {
        profiler.connect();
        await post('Profiler.enable');
        await post('Profiler.start');
        process.send({ type: 'profile', profile: null });
      } else {
        const { profile } = await post('Profiler.stop');
        profiler.disconnect();
        process.send({ type: 'profile', profile });
      }
    }
    if (message === 'cold') {
      await strapi.plugin('newsroom').service('freshness').bump();
      process.send(cacheReply());
    }
    if (message === 'memory') {
      // After a full collection: what is retained, not what awaits collection.
      global.gc?.();
      const { rss, heapUsed } = process.memoryUsage();
      process.send({ type: 'memory', rss, heapUsed });
    }
    if (message === 'stop') strapi.destroy().then(() => process.exit(0));
  });
  process.send(
    seeded
      ? {
          type: 'ready',
          port,
          slug: seeded.story.slug,
          documentId: seeded.story.documentId,
          backlinks: seeded.median,
          seedSeconds: seeded.seedSeconds,
          indexSeconds: seeded.indexSeconds,
          editor: seeded.editor,
        }
      : { type: 'ready', port }
  );
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
