'use strict';
/**
 * npm run bench: figures, not pass/fail. For each database (SQLite, PostgreSQL) and corpus size
 * (1,000 and 10,000 synthetic stories) it boots the playground in a child process, seeds it in
 * bulk, then loads each route with autocannon, one after another in the same run:
 *   a) floor       GET /api/newsroom/ping (constant JSON, no auth, no SQL)
 *   b) core        Strapi's Document Service findFirst/findMany with populate (bench-only route)
 *   c) render      GET /api/newsroom/articles/:slug
 *   d) list        GET /api/newsroom/articles
 *   e) admin list  GET /newsroom/articles?pageSize=25 (admin token)
 *   f) related     GET /api/newsroom/articles/:slug/related?limit=5 (response cache)
 *   f') engine     GET /newsroom/articles/:documentId/suggestions?limit=5 (admin; no cache,
 *                  the engine ranks on every request)
 * and prints requests/s, p50/p99 latency, SQL statements per request (from the child's knex
 * query events) and RSS, then writes docs/BENCHMARKS.md.
 *
 * Options (env): BENCH_SIZES=1000,10000  BENCH_DBS=sqlite,postgres  BENCH_DURATION=10 (s)
 * BENCH_CONNECTIONS=10  BENCH_OUT=docs/BENCHMARKS.md (BENCH_OUT=- prints only)
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const autocannon = require('autocannon');
const { ROOT } = require('./lib/env');
const { buildForServer } = require('./lib/run');
const { scratchDatabase } = require('./lib/scratch');
const { startPostgres, stopPostgres } = require('../tests/integration/helpers/postgres');
const { adminLogin, benchEnv, log, startServer } = require('./bench/start');

const SIZES = (process.env.BENCH_SIZES || '1000,10000').split(',').map(Number);
const DBS = (process.env.BENCH_DBS || 'sqlite,postgres').split(',');
const DURATION = Number(process.env.BENCH_DURATION || 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
const SQL_SAMPLES = 20;
const OUT = process.env.BENCH_OUT || path.join(ROOT, 'docs', 'BENCHMARKS.md');

/** Peak resident memory of a process so far, from the kernel (MB). */
const peakRssMb = (pid) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024;
};
const rssMb = (pid) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
};

const measure = async (server, base, route) => {
  const url = base + route.path;
  // SQL per request: sequential requests after one warm-up, counted by the server.
  await fetch(url, { headers: route.headers });
  const before = (await server.ask('queries')).count;
  for (let i = 0; i < SQL_SAMPLES; i += 1) {
    const response = await fetch(url, { headers: route.headers });
    if (response.status !== 200)
      throw new Error(`${route.key}: ${url} answered ${response.status}`);
    await response.arrayBuffer();
  }
  const sql = ((await server.ask('queries')).count - before) / SQL_SAMPLES;

  let maxRss = rssMb(server.child.pid);
  const sampler = setInterval(() => {
    maxRss = Math.max(maxRss, rssMb(server.child.pid));
  }, 200);
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    headers: route.headers,
  });
  // Editors' routes also at one connection: the time one request takes, with no queue.
  const alone = route.serial
    ? await autocannon({
        url,
        connections: 1,
        duration: Math.max(2, DURATION / 2),
        headers: route.headers,
      })
    : null;
  clearInterval(sampler);
  const failed =
    result.non2xx + result.errors + result.timeouts + (alone ? alone.non2xx + alone.errors : 0);
  return {
    key: route.key,
    label: route.label,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    aloneP50: alone ? alone.latency.p50 : null,
    sql,
    rss: maxRss,
    failed,
  };
};

const runOne = async (db, size, pg) => {
  const name = `newsroom_bench_${size}_${crypto.randomBytes(3).toString('hex')}`;
  const database = await scratchDatabase({
    pg: db === 'postgres' ? pg : null,
    name,
    prefix: 'newsroom-bench-',
  });
  const env = benchEnv(database, { BENCH_COUNT: String(size) });
  log(`${db}, ${size} articles: booting and seeding`);
  const server = await startServer(env);
  try {
    const { port, slug, documentId, seedSeconds, indexSeconds } = server.ready;
    log(
      `${db}, ${size}: seeded in ${seedSeconds.toFixed(1)} s, indexed in ${indexSeconds.toFixed(1)} s`
    );
    const base = `http://127.0.0.1:${port}`;
    const admin = { authorization: `Bearer ${await adminLogin(base, server.ready.editor)}` };
    const superAdmin = {
      authorization: `Bearer ${await adminLogin(base, {
        email: 'admin@newsroom.local',
        password: 'Newsroom-dev-1',
      })}`,
    };
    const routes = [
      { key: 'a', label: 'floor: constant JSON', path: '/api/newsroom/ping' },
      {
        key: 'b',
        label: 'Strapi findFirst/findMany + populate',
        path: `/api/bench/core-article/${slug}`,
      },
      { key: 'c', label: 'render-ready article', path: `/api/newsroom/articles/${slug}` },
      { key: 'd', label: 'article list', path: '/api/newsroom/articles?pageSize=10' },
      {
        key: "a'",
        label: 'admin floor: GET /admin/users/me',
        path: '/admin/users/me',
        headers: admin,
        serial: true,
      },
      {
        key: 'e',
        label: 'admin list, 25 rows',
        path: '/newsroom/articles?pageSize=25',
        headers: admin,
        serial: true,
      },
      {
        key: 'e*',
        label: 'admin list, 25 rows, as super admin',
        path: '/newsroom/articles?pageSize=25',
        headers: superAdmin,
        serial: true,
      },
      {
        key: 'f',
        label: 'related (cached)',
        path: `/api/newsroom/articles/${slug}/related?limit=5`,
      },
      {
        key: "f'",
        label: 'suggestions (engine, uncached)',
        path: `/newsroom/articles/${documentId}/suggestions?limit=5`,
        headers: admin,
        serial: true,
      },
    ];
    const rows = [];
    let engineHeap = null;
    for (const route of routes) {
      // The engine's own memory: heap retained after its route, over the heap before it.
      const before = route.key === "f'" ? (await server.ask('memory')).heapUsed : null;
      const row = await measure(server, base, route);
      if (before !== null) engineHeap = ((await server.ask('memory')).heapUsed - before) / 2 ** 20;
      rows.push(row);
      log(
        `${db} ${size} ${row.key}) ${row.label}: ${row.rps.toFixed(0)} req/s, p50 ${row.p50} ms, ` +
          `p99 ${row.p99} ms, ${row.aloneP50 === null ? '' : `p50 alone ${row.aloneP50} ms, `}` +
          `${row.sql.toFixed(1)} SQL/req, RSS ${row.rss.toFixed(0)} MB` +
          (row.failed ? `, ${row.failed} failed` : '')
      );
    }
    log(`${db} ${size}: suggestion engine heap retained ${engineHeap.toFixed(1)} MB`);
    return {
      db,
      size,
      seedSeconds,
      indexSeconds,
      engineHeap,
      peakRss: peakRssMb(server.child.pid),
      rows,
    };
  } finally {
    server.child.removeAllListeners('exit');
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await database.drop();
  }
};

const table = (result) => {
  const by = Object.fromEntries(result.rows.map((r) => [r.key, r]));
  const lines = [
    `### ${result.db === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, ${result.size.toLocaleString('en')} articles`,
    '',
    `Seeded in ${result.seedSeconds.toFixed(1)} s (articles, links, quotes) and the suggestion index built in ${result.indexSeconds.toFixed(1)} s: ${(result.seedSeconds + result.indexSeconds).toFixed(1)} s in all. Peak RSS of the Strapi process ${result.peakRss.toFixed(0)} MB; heap the suggestion engine retained after its run ${result.engineHeap.toFixed(1)} MB.`,
    '',
    `| route | req/s | p50 ms | p99 ms | p50 ms, 1 connection | SQL/req | RSS MB |`,
    '|---|---:|---:|---:|---:|---:|---:|',
    ...result.rows.map(
      (r) =>
        `| ${r.key}) ${r.label} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.aloneP50 ?? ''} | ${r.sql.toFixed(1)} | ${r.rss.toFixed(0)} |`
    ),
    '',
    `Ratios in this run: c/a = ${(by.c.rps / by.a.rps).toFixed(2)}, c/b = ${(by.c.rps / by.b.rps).toFixed(1)}, b/a = ${(by.b.rps / by.a.rps).toFixed(3)}.`,
    '',
  ];
  return lines.join('\n');
};

const main = async () => {
  buildForServer({ env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' } });
  const pg = DBS.includes('postgres') ? await startPostgres() : null;
  const results = [];
  try {
    for (const db of DBS) for (const size of SIZES) results.push(await runOne(db, size, pg));
  } finally {
    if (pg) stopPostgres(pg);
  }
  const cpu = os.cpus();
  const report = [
    '# Benchmarks',
    '',
    'Figures, not pass/fail: written by `npm run bench` (scripts/bench.js), which seeds a',
    'synthetic newsroom and loads each route with autocannon, one route after another in the',
    'same run, so ratios compare like with like. See the end of this page for how to read them.',
    '',
    `- Run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, \`npm run bench\``,
    `- Machine: ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.type()} ${os.release()}`,
    `- Load: autocannon, ${CONNECTIONS} connections, ${DURATION} s per route, on the same machine as Strapi`,
    `- Corpus: synthetic stories of 8 paragraphs, 5 Baca Juga links, 3 quotes each; the measured story is the middle one`,
    '',
    ...results.map(table),
  ].join('\n');
  if (OUT === '-') return console.log(report);
  const existing = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
  const notes = existing.includes('<!-- notes -->')
    ? existing.slice(existing.indexOf('<!-- notes -->'))
    : '';
  fs.writeFileSync(OUT, report + '\n' + (notes || '<!-- notes -->\n'));
  log(`wrote ${path.relative(ROOT, OUT)}`);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
