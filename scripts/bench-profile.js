#!/usr/bin/env node
'use strict';
/**
 * npm run bench:profile: where a miss spends its CPU. Boots the bench server on a synthetic
 * corpus (BENCH_COUNT, default 10,000; BENCH_DBS=sqlite or postgres) with the response cache
 * off, loads one route at a time with autocannon at 10 connections for BENCH_DURATION seconds
 * (default 10) while the V8 profiler runs in the server (the load only, not boot or seed), and
 * prints the top frames by self time and the time per package.
 * Profiles: $TMPDIR/newsroom-cpu-profiles/<route>.cpuprofile (open in Chrome DevTools).
 */
const crypto = require('node:crypto');
const os = require('node:os');
const path = require('node:path');
const autocannon = require('autocannon');
const { ROOT } = require('./lib/env');
const { scratchDatabase } = require('./lib/scratch');
const { startPostgres, stopPostgres } = require('../tests/integration/helpers/postgres');
const { benchEnv, keepProfile, log, startServer } = require('./bench/start');

const COUNT = Number(process.env.BENCH_COUNT || 10000);
const DB = process.env.BENCH_DBS || 'sqlite';
const DURATION = Number(process.env.BENCH_DURATION || 10);
const TOP = 12;
const OUT = path.join(os.tmpdir(), 'newsroom-cpu-profiles');

const ROUTES = [
  { key: 'render', path: (slug) => `/api/newsroom/articles/${slug}` },
  { key: 'list', path: () => '/api/newsroom/articles?pageSize=10' },
];

/** Where a frame's code lives, short: the plugin's own files, or the package. */
const where = (url) => {
  if (!url) return '(native)';
  const file = url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (file.includes('/dist/server/')) return 'plugin';
  return pkg ? pkg[1] : path.relative(ROOT, file) || file;
};

/** Self and total time per function (name, package, line) from a .cpuprofile. */
const summarise = (profile) => {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const interval = new Map();
  // Sample time: each sample lasts until the next one.
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    interval.set(id, (interval.get(id) ?? 0) + dt);
  });
  const total = [...interval.values()].reduce((a, b) => a + b, 0);
  const keyOf = (node) => {
    const { functionName, url, lineNumber } = node.callFrame;
    return `${functionName || '(anonymous)'} ${where(url)}:${lineNumber + 1}`;
  };
  for (const [id, time] of interval) {
    const key = keyOf(byId.get(id));
    self.set(key, (self.get(key) ?? 0) + time);
  }
  const rows = [...self]
    .map(([frame, time]) => ({ frame, share: time / total }))
    .sort((a, b) => b.share - a.share);
  // By package: what a miss costs in Strapi, koa, knex, the driver, the plugin, V8.
  const packages = new Map();
  for (const [id, time] of interval) {
    const pkg = where(byId.get(id).callFrame.url);
    packages.set(pkg, (packages.get(pkg) ?? 0) + time);
  }
  return {
    frames: rows.slice(0, TOP),
    packages: [...packages]
      .map(([pkg, time]) => ({ pkg, share: time / total }))
      .sort((a, b) => b.share - a.share)
      .slice(0, 8),
  };
};

const profileRoutes = async (pg) => {
  const name = `newsroom_profile_${crypto.randomBytes(3).toString('hex')}`;
  const database = await scratchDatabase({ pg, name, prefix: 'newsroom-profile-' });
  const server = await startServer(benchEnv(database, { BENCH_COUNT: String(COUNT) }));
  const out = [];
  try {
    await server.ask('cache-off', 'cache');
    for (const route of ROUTES) {
      const url = `http://127.0.0.1:${server.ready.port}${route.path(server.ready.slug)}`;
      await autocannon({ url, connections: 10, duration: 2 }); // warm: JIT, statement cache
      await server.ask('profile-start', 'profile');
      const result = await autocannon({ url, connections: 10, duration: DURATION });
      const { profile } = await server.ask('profile-stop', 'profile');
      log(
        `${route.key}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms`
      );
      const file = keepProfile(OUT, route.key, profile);
      out.push({ route: route.key, file, ...summarise(profile) });
    }
  } finally {
    server.child.removeAllListeners('exit');
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await database.drop();
  }
  return out;
};

const main = async () => {
  const pg = DB === 'postgres' ? await startPostgres() : null;
  try {
    for (const { route, file, frames, packages } of await profileRoutes(pg)) {
      console.log(`\n${route} on a miss (${DB}, ${COUNT} articles): ${file}`);
      console.log('| self time | frame |\n|---:|---|');
      for (const f of frames) console.log(`| ${(f.share * 100).toFixed(1)}% | \`${f.frame}\` |`);
      console.log('\n| self time | code |\n|---:|---|');
      for (const p of packages) console.log(`| ${(p.share * 100).toFixed(1)}% | ${p.pkg} |`);
    }
  } finally {
    if (pg) stopPostgres(pg);
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
