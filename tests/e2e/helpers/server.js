'use strict';
/**
 * Starts the BUILT playground (`strapi start`, admin panel included) as a child process for
 * the browser tests, on a free port and a fresh SQLite file (or the database `databaseEnv`
 * names), and stops it again. Nothing is built here: `npm run test:e2e` (or `npm test`) runs
 * `strapi build` first.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');
const { ADMIN } = require('./config');
const { freshSecrets } = require('../../../scripts/lib/scratch');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const PLAYGROUND = path.join(ROOT, 'playground');
const STRAPI = path.join(ROOT, 'node_modules', '.bin', 'strapi');
// Kept after the run (overwritten by the next one) so a failing test's server side can be read.
const LAST_LOG = path.join(os.tmpdir(), 'newsroom-e2e-server.log');

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const readLog = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '(no log)');

/** Polls `url` until it answers `ok(status)`, the child exits, or the deadline passes. */
async function waitFor(url, ok, child, deadline) {
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited early (${child.exitCode ?? child.signalCode})`);
    }
    try {
      const response = await globalThis.fetch(url, { redirect: 'manual' });
      if (ok(response.status)) return response;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`no answer from ${url} in time`);
}

/**
 * Starts the server; resolves to its state once /_health and /admin answer. `databaseEnv`:
 * the playground's DATABASE_* variables for a database the caller made (PostgreSQL).
 */
async function startServer({ timeoutMs = 120000, databaseEnv = null } = {}) {
  if (!fs.existsSync(path.join(PLAYGROUND, 'dist', 'build', 'index.html'))) {
    throw new Error(
      'playground/dist/build is missing: the admin panel is not built. Run `npm run test:e2e`, ' +
        'which builds it (strapi build) before the browser tests.'
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-e2e-'));
  const logFile = path.join(dir, 'server.log');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    // development, not test: the dev admin is created and the story seeded on first start.
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    ...(databaseEnv ?? {
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: path.join(dir, 'e2e.db'),
    }),
    STRAPI_TELEMETRY_DISABLED: 'true',
    ADMIN_RATE_LIMIT_ENABLED: 'false',
    NEWSROOM_SKIP_SEED: 'false',
    NEWSROOM_ADMIN_EMAIL: ADMIN.email,
    NEWSROOM_ADMIN_PASSWORD: ADMIN.password,
    // Fresh secrets; they win over playground/.env, which dotenv never lets override.
    ...freshSecrets(),
  };
  const log = fs.openSync(logFile, 'a');
  const started = Date.now();
  // detached: its own process group, so teardown can stop strapi and anything it forked.
  const child = spawn(STRAPI, ['start'], {
    cwd: PLAYGROUND,
    env,
    detached: true,
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const state = { pid: child.pid, dir, logFile, baseUrl, admin: ADMIN };
  try {
    const deadline = started + timeoutMs;
    await waitFor(`${baseUrl}/_health`, (s) => s === 204 || s === 200, child, deadline);
    // /_health answers before the admin panel is known to be served: check it too.
    await waitFor(`${baseUrl}/admin`, (s) => s === 200, child, deadline);
  } catch (error) {
    console.error(`\n[e2e] the playground did not start: ${error.message}\n--- server log ---`);
    console.error(readLog(logFile));
    await stopServer(state);
    throw error;
  }
  state.bootMs = Date.now() - started;
  return state;
}

/** Stops the server's process group (SIGTERM, then SIGKILL) and removes its temp dir. */
async function stopServer(state) {
  if (!state) return;
  const alive = () => {
    try {
      process.kill(-state.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const signal = (name) => {
    try {
      process.kill(-state.pid, name);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  for (let i = 0; i < 40 && alive(); i += 1) await sleep(250);
  if (alive()) signal('SIGKILL');
  if (fs.existsSync(state.logFile)) fs.copyFileSync(state.logFile, LAST_LOG);
  fs.rmSync(state.dir, { recursive: true, force: true });
}

module.exports = { LAST_LOG, startServer, stopServer };
