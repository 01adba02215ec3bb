/**
 * A real Varnish for the tests: Debian's `varnishd` with varnish-modules' xkey, running the
 * project's own VCL (docs/recipes/varnish/newsroom.vcl) in front of a test Strapi, in a work
 * folder of its own, started and stopped by the test itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const VCL = path.resolve(
  __dirname,
  '..',
  '..',
  '..',
  'docs',
  'recipes',
  'varnish',
  'newsroom.vcl'
);
const VARNISHD = ['/usr/sbin/varnishd', '/usr/local/sbin/varnishd'].find((p) => fs.existsSync(p));

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

const accepting = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });

export interface Varnish {
  url: string;
  pid: number;
  stop: () => Promise<void>;
}

export const startVarnish = async (backendPort: number): Promise<Varnish> => {
  if (!VARNISHD) {
    throw new Error(
      'varnishd not found. Install it: apt-get install -y varnish varnish-modules ' +
        '(the edge test runs the project VCL in a real Varnish with xkey).'
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-varnish-'));
  // The project's VCL as documented, pointed at this test's Strapi.
  const vcl = fs.readFileSync(VCL, 'utf8').replace('.port = "1337";', `.port = "${backendPort}";`);
  fs.writeFileSync(path.join(dir, 'newsroom.vcl'), vcl);
  const port = await freePort();
  const child: ChildProcess = spawn(
    VARNISHD,
    [
      '-F',
      '-j',
      'none',
      '-n',
      path.join(dir, 'work'),
      '-a',
      `127.0.0.1:${port}`,
      '-T',
      'none',
      '-f',
      path.join(dir, 'newsroom.vcl'),
      '-s',
      'malloc,64m',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] }
  );
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 20_000;
  while (!(await accepting(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`varnishd did not start: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      child.stdout?.destroy();
      child.stderr?.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
};
