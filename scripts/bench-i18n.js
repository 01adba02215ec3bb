'use strict';
/**
 * npm run bench:i18n: what turning i18n on costs a reader. Figures, not pass/fail. It boots
 * the built playground (run `npm start` or `npm test` once before) on a scratch SQLite
 * database with the seeded story, alternately with NEWSROOM_I18N off and on, and loads the
 * public routes with autocannon (10 connections, the response cache on, as shipped): the
 * list, a render, a render with `?locale=` (i18n on), JSON-LD and the sitemap index. Boots
 * alternate, and each route's median over the rounds is printed, because one boot's figures
 * on a small machine wander by a third from another's.
 *
 * Options (env): BENCH_ROUNDS=3 (boots per setting)  BENCH_DURATION=6 (s per route)
 */
const { spawn } = require('node:child_process');
const autocannon = require('autocannon');
const { PLAYGROUND, playgroundEnv } = require('./lib/env');
const { bin } = require('./lib/run');
const { freshSecrets, scratchDatabase } = require('./lib/scratch');

const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
const DURATION = Number(process.env.BENCH_DURATION || 6);
const PORT = 1500 + Math.floor(Math.random() * 300);
const BASE = `http://127.0.0.1:${PORT}`;
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const serving = async () => {
  for (let i = 0; i < 240; i += 1) {
    try {
      if ((await fetch(`${BASE}/api/newsroom/ping`)).ok) return;
    } catch {
      // not listening yet
    }
    await wait(500);
  }
  throw new Error('the playground did not start within 2 minutes');
};

const load = async (url) => {
  const result = await autocannon({ url, connections: 10, duration: DURATION });
  if (result.non2xx > 0) throw new Error(`${url}: ${result.non2xx} answers were not 2xx`);
  return { rps: result.requests.average, p99: result.latency.p99 };
};

/** One boot: the routes' figures with i18n `on`. */
const round = async (on) => {
  const database = await scratchDatabase({ pg: null, name: 'i18n', prefix: 'newsroom-i18n-' });
  const env = {
    ...playgroundEnv(),
    ...freshSecrets(),
    ...database.env,
    HOST: '127.0.0.1',
    PORT: String(PORT),
    NODE_ENV: 'production',
    NEWSROOM_I18N: String(on),
    NEWSROOM_SITE_URL: 'https://www.example.id',
    NEWSROOM_PUBLICATION_NAME: 'Contoh',
  };
  const server = spawn(bin('strapi'), ['start'], {
    cwd: PLAYGROUND,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  try {
    await serving();
    const { data } = await (await fetch(`${BASE}/api/newsroom/articles`)).json();
    const slug = data[0].slug;
    const routes = {
      list: '/api/newsroom/articles',
      render: `/api/newsroom/articles/${slug}`,
      ...(on ? { 'render ?locale=id': `/api/newsroom/articles/${slug}?locale=id` } : {}),
      jsonld: `/api/newsroom/articles/${slug}/jsonld`,
      'sitemap index': '/api/newsroom/sitemaps/index.xml',
    };
    await load(BASE + routes.list); // warms the process and the cache
    const figures = {};
    for (const [name, route] of Object.entries(routes)) figures[name] = await load(BASE + route);
    return figures;
  } finally {
    process.kill(-server.pid, 'SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    await database.drop();
  }
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

(async () => {
  const runs = { off: [], on: [] };
  for (let i = 0; i < ROUNDS; i += 1) {
    for (const on of [false, true]) {
      console.error(`[bench:i18n] round ${i + 1}/${ROUNDS}, i18n ${on ? 'on' : 'off'}`);
      runs[on ? 'on' : 'off'].push(await round(on));
    }
  }
  console.log(`| route | i18n off req/s (p99 ms) | i18n on req/s (p99 ms) |`);
  console.log(`| --- | ---: | ---: |`);
  for (const name of Object.keys(runs.on[0])) {
    const cell = (list) =>
      list[0][name]
        ? `${median(list.map((r) => r[name].rps)).toFixed(0)} (${median(list.map((r) => r[name].p99))})`
        : '';
    console.log(`| ${name} | ${cell(runs.off)} | ${cell(runs.on)} |`);
  }
})().catch((error) => {
  console.error(`[bench:i18n] ${error.stack ?? error}`);
  process.exit(1);
});
