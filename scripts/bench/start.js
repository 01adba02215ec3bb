'use strict';
/** Starting the bench server (scripts/bench/server.js), logging in to it and keeping its CPU profiles: shared by the benchmarks. */
const { fork } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { freshSecrets } = require('../lib/scratch');

/**
 * The environment of a bench server: quiet, unseeded (it seeds its own corpus), no admin
 * login limit, fresh secrets, `extra` settings and its own database.
 */
const benchEnv = (database, extra = {}) => ({
  ...process.env,
  STRAPI_TELEMETRY_DISABLED: 'true',
  NODE_ENV: 'test',
  STRAPI_LOG_LEVEL: 'warn',
  NEWSROOM_SKIP_SEED: 'true',
  ADMIN_RATE_LIMIT_ENABLED: 'false',
  ...freshSecrets(),
  ...extra,
  ...database.env,
});

const log = (text) => process.stdout.write(`[bench] ${text}\n`);

/**
 * Starts the bench server; resolves with its ready message and an IPC helper. `execArgv`
 * adds Node flags (the profiler's `--cpu-prof`).
 */
const startServer = (env, { execArgv = [] } = {}) =>
  new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'server.js'), [], {
      env,
      execArgv: ['--expose-gc', ...execArgv],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const waiting = new Map();
    /** Sends `type`; resolves with the reply of type `reply` (the same, unless told). */
    const ask = (type, reply = type) =>
      new Promise((res) => {
        waiting.set(reply, res);
        child.send(type);
      });
    child.on('message', (message) => {
      if (message.type === 'progress') log(message.text);
      else if (message.type === 'ready') resolve({ child, ready: message, ask });
      else waiting.get(message.type)?.(message);
    });
    child.on('exit', (code) => reject(new Error(`bench server exited (${code})`)));
  });

const adminLogin = async (base, credentials) => {
  const response = await fetch(`${base}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (response.status !== 200) throw new Error(`admin login: ${response.status}`);
  return (await response.json()).data.token;
};

/** Keeps a V8 CPU profile as DIR/NAME.cpuprofile (for Chrome DevTools); returns its path. */
const keepProfile = (dir, name, profile) => {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.cpuprofile`);
  fs.writeFileSync(file, JSON.stringify(profile));
  return file;
};

module.exports = { adminLogin, benchEnv, keepProfile, log, startServer };
