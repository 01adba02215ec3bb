'use strict';
/**
 * A real, throw-away PostgreSQL server for the integration tests: Debian's `postgresql`
 * binaries, a cluster in a temporary folder, started and stopped by the test run itself.
 * When run as root (CI), the server runs as the `postgres` system user, as PostgreSQL requires.
 */
const { execFile, execFileSync } = require('node:child_process');
const { promisify } = require('node:util');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const findBinDir = () => {
  const candidates = [];
  if (process.env.PG_BIN_DIR) candidates.push(process.env.PG_BIN_DIR);
  const base = '/usr/lib/postgresql';
  if (fs.existsSync(base)) {
    for (const v of fs.readdirSync(base).sort((a, b) => Number(b) - Number(a))) {
      candidates.push(path.join(base, v, 'bin'));
    }
  }
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'initdb')));
  if (!found) {
    throw new Error(
      'PostgreSQL server binaries not found (initdb). Install them: apt-get install -y postgresql ' +
        '(or set PG_BIN_DIR). The integration suite runs on PostgreSQL as well as SQLite.'
    );
  }
  return found;
};

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

const asServerUser = (binary, args, run = execFileSync) => {
  if (isRoot()) return run('runuser', ['-u', 'postgres', '--', binary, ...args], { stdio: 'pipe' });
  return run(binary, args, { stdio: 'pipe' });
};

async function startPostgres() {
  const binDir = findBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-pg-'));
  if (isRoot()) execFileSync('chown', ['-R', 'postgres', dir]);
  fs.chmodSync(dir, 0o700);
  const dataDir = path.join(dir, 'data');
  const port = await freePort();
  asServerUser(path.join(binDir, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ]);
  const info = { binDir, dir, dataDir, port, host: '127.0.0.1', user: 'postgres' };
  serve(info);
  return info;
}

/** Starts the cluster's server and waits until it accepts connections. */
const serve = (info, run) =>
  asServerUser(
    path.join(info.binDir, 'pg_ctl'),
    [
      '-D',
      info.dataDir,
      '-l',
      path.join(info.dir, 'server.log'),
      '-w',
      'start',
      '-o',
      `-p ${info.port} -k ${info.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
    ],
    run
  );

function stopPostgres(info) {
  try {
    asServerUser(path.join(info.binDir, 'pg_ctl'), [
      '-D',
      info.dataDir,
      '-m',
      'immediate',
      '-w',
      'stop',
    ]);
  } finally {
    fs.rmSync(info.dir, { recursive: true, force: true });
  }
}

/**
 * Restarts the server as an outage would (connections cut, then back): a fast shutdown, which
 * ends every client's connection, then a start on the same data and port. Resolves once the
 * server accepts connections again (`-w`); returns when it stopped and when it was back.
 */
async function restartPostgres(info) {
  // Without blocking the test process: the load it sends goes on meanwhile.
  const run = promisify(execFile);
  await asServerUser(
    path.join(info.binDir, 'pg_ctl'),
    ['-D', info.dataDir, '-m', 'fast', '-w', 'stop'],
    run
  );
  const stoppedAt = Date.now();
  await serve(info, run);
  return { stoppedAt, backAt: Date.now() };
}

module.exports = { startPostgres, stopPostgres, restartPostgres };
