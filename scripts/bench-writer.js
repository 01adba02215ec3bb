#!/usr/bin/env node
'use strict';
/**
 * npm run bench:writer: what one write costs the process that serves readers, with no load.
 * Boots the bench server on a synthetic corpus (BENCH_COUNT, default 2,000; the write's cost
 * does not grow with the corpus since the cascade reads from the story's side), then for each
 * mode in turn, draft edits ('draft') and edits published ('publish'), lets the bench's writer
 * run twice a second for BENCH_DURATION seconds (default 15) after a 5 s warm-up, and prints
 * per write: SQL statements sent (knex's query events: BEGIN and COMMIT count on SQLite, not
 * on PostgreSQL), the CPU the process spent (a V8 CPU profile's non-idle time: JavaScript,
 * the SQLite driver's native work, GC) and the wall time of one write.
 * BENCH_DBS=sqlite,postgres (default sqlite). Run `npm run build` (or `npm test`) first.
 * The statements a write sends: `BENCH_SLOW_SQL=0.001 npm run bench:writer`.
 * BENCH_WRITER_PROFILES=DIR keeps each mode's CPU profile there (<db>-<mode>.cpuprofile, for
 * Chrome DevTools).
 */
const crypto = require('node:crypto');
const { scratchDatabase } = require('./lib/scratch');
const { startPostgres, stopPostgres } = require('../tests/integration/helpers/postgres');
const { benchEnv, keepProfile, log, startServer } = require('./bench/start');

const DBS = (process.env.BENCH_DBS || 'sqlite').split(',');
const COUNT = Number(process.env.BENCH_COUNT || 2000);
const DURATION = Number(process.env.BENCH_DURATION || 15);
const MODES = ['draft', 'publish'];
const PROFILES = process.env.BENCH_WRITER_PROFILES;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Non-idle time of a V8 CPU profile, in ms. */
const busyMs = (profile) => {
  const idle = new Set(
    profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id)
  );
  let busy = 0;
  profile.samples.forEach((id, i) => {
    if (!idle.has(id)) busy += profile.timeDeltas[i + 1] ?? 0;
  });
  return busy / 1000;
};

const runOne = async (db, pg) => {
  const name = `newsroom_writer_${crypto.randomBytes(3).toString('hex')}`;
  const database = await scratchDatabase({ pg: db === 'postgres' ? pg : null, name });
  const server = await startServer(benchEnv(database, { BENCH_COUNT: String(COUNT) }));
  const rows = [];
  try {
    const { slug } = server.ready;
    const writer = (mode) => server.ask({ type: 'writer', mode, slug }, 'writer');
    for (const mode of MODES) {
      await writer(mode);
      await sleep(5000); // warm-up: JIT, statement caches
      await writer(null);
      const before = (await server.ask('queries')).count;
      await server.ask('profile-start', 'profile');
      await writer(mode);
      await sleep(DURATION * 1000);
      const done = await writer(null);
      const { profile } = await server.ask('profile-stop', 'profile');
      const statements = (await server.ask('queries')).count - before;
      if (PROFILES) keepProfile(PROFILES, `${db}-${mode}`, profile);
      const writes = Math.max(1, done.writes);
      rows.push({
        mode,
        writes: done.writes,
        failed: done.failed,
        statements: statements / writes,
        cpuMs: busyMs(profile) / writes,
        wallMs: done.msPerWrite,
      });
    }
  } finally {
    server.child.removeAllListeners('exit');
    server.child.kill('SIGTERM');
    await sleep(500);
    await database.drop();
  }
  return rows;
};

const main = async () => {
  const pg = DBS.includes('postgres') ? await startPostgres() : null;
  try {
    for (const db of DBS) {
      const rows = await runOne(db, pg);
      console.log(`\nOne write, no load (${db}, ${COUNT} stories, ${DURATION} s per mode)`);
      console.log('| write | writes | statements | CPU ms | wall ms |\n|---|---:|---:|---:|---:|');
      for (const r of rows) {
        console.log(
          `| ${r.mode === 'draft' ? 'draft edit' : 'edit and publish'} | ${r.writes}` +
            `${r.failed ? ` (${r.failed} failed)` : ''} | ${r.statements.toFixed(1)} | ` +
            `${r.cpuMs.toFixed(1)} | ${r.wallMs.toFixed(1)} |`
        );
      }
    }
  } finally {
    if (pg) stopPostgres(pg);
  }
};

main().catch((error) => {
  log(error.stack);
  process.exit(1);
});
