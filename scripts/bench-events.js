#!/usr/bin/env node
'use strict';
/**
 * npm run bench:events: reader events under load. POST /api/newsroom/events at
 * BENCH_CONNECTIONS (10) for BENCH_DURATION seconds (10), each request a batch of 20 events
 * (10 views of one story, 10 clicks on its Baca Juga links), with the periodic flush on,
 * beside the floor (GET /api/newsroom/ping) in the same run. Prints requests/s and events/s,
 * p50/p99, SQL statements per request and per flush, and checks that the stored counts equal
 * what the server accepted: nothing lost, nothing counted twice. Figures, not pass/fail.
 * BENCH_DBS=sqlite,postgres (default sqlite). Run `npm run build` (or `npm test`) first.
 */
const crypto = require('node:crypto');
const autocannon = require('autocannon');
const { scratchDatabase } = require('./lib/scratch');
const { startPostgres, stopPostgres } = require('../tests/integration/helpers/postgres');
const { adminLogin, benchEnv, log, startServer } = require('./bench/start');

const DBS = (process.env.BENCH_DBS || 'sqlite').split(',');
const DURATION = Number(process.env.BENCH_DURATION || 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
const FLUSH_MS = 2000;

const runOne = async (db, pg) => {
  const name = `newsroom_events_${crypto.randomBytes(3).toString('hex')}`;
  const database = await scratchDatabase({ pg: db === 'postgres' ? pg : null, name });
  const server = await startServer(
    benchEnv(database, {
      // One client sends everything here: the per-address limit would refuse it.
      NEWSROOM_EVENTS_PER_MINUTE: '0',
      NEWSROOM_EVENTS_FLUSH_MS: String(FLUSH_MS),
      BENCH_COUNT: '200',
    })
  );
  try {
    const { port, slug, documentId } = server.ready;
    const base = `http://127.0.0.1:${port}`;
    const story = await (await fetch(`${base}/api/newsroom/articles/${slug}`)).json();
    const links = story.data.body.filter((b) => b.type === 'baca-juga').map((b) => b.link);
    if (links.length === 0) throw new Error('the bench story has no Baca Juga links');
    const events = [
      ...Array.from({ length: 10 }, () => ({ type: 'view', article: documentId })),
      ...Array.from({ length: 10 }, (_, i) => ({ type: 'click', link: links[i % links.length] })),
    ];

    const floor = await autocannon({
      url: `${base}/api/newsroom/ping`,
      connections: CONNECTIONS,
      duration: DURATION,
    });
    const before = (await server.ask('queries')).count;
    const run = await autocannon({
      url: `${base}/api/newsroom/events`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ events }),
      connections: CONNECTIONS,
      duration: DURATION,
    });
    const during = (await server.ask('queries')).count - before;
    // Let the last interval's counts be written, then read them back as the manager does.
    await new Promise((resolve) => setTimeout(resolve, FLUSH_MS * 2));
    const flushes = Math.ceil((DURATION * 1000) / FLUSH_MS) + 1;
    const token = await adminLogin(base, {
      email: 'admin@newsroom.local',
      password: 'Newsroom-dev-1',
    });
    const stats = await (
      await fetch(`${base}/newsroom/articles/${documentId}/link-stats?days=1`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json();
    // Requests still in flight when the run stopped were taken too, only not timed.
    const accepted = run.requests.sent;
    const clicks = stats.data.links.reduce((sum, l) => sum + l.clicks.total, 0);
    const ratio = run.requests.average / floor.requests.average;
    log(`${db}: floor GET /ping ${floor.requests.average.toFixed(0)} req/s`);
    log(
      `${db}: POST /events ${run.requests.average.toFixed(0)} req/s ` +
        `(${(run.requests.average * events.length).toFixed(0)} events/s, ${ratio.toFixed(2)}x the floor), ` +
        `p50 ${run.latency.p50} ms, p99 ${run.latency.p99} ms, ${run.non2xx + run.errors} failed`
    );
    log(
      `${db}: SQL ${(during / run.requests.total).toFixed(2)} statements a request ` +
        `(the permission check; the flushes add ${flushes} × 3 at most)`
    );
    log(
      `${db}: stored views ${stats.data.views.total} of ${accepted * 10} sent, ` +
        `clicks ${clicks} of ${accepted * 10} (${run['2xx']} requests answered 202 within the run)`
    );
  } finally {
    server.child.send('stop');
    await new Promise((resolve) => server.child.once('exit', resolve));
    await database.drop();
  }
};

const main = async () => {
  const pg = DBS.includes('postgres') ? await startPostgres() : null;
  try {
    for (const db of DBS) await runOne(db, pg);
  } finally {
    if (pg) await stopPostgres(pg);
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
