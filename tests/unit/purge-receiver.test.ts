/**
 * The purge receiver recipe (docs/recipes/purge-receiver.js) against stand-ins for the
 * Cloudflare and Fastly purge APIs: the requests each CDN documents (path, auth header, where
 * the tags go, how many per request), the shared secret, and a 502 (so the plugin retries)
 * when the CDN refuses. Varnish is tried for real in tests/integration/varnish.test.ts.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const { createPurgeReceiver, purgers } = require('../../docs/recipes/purge-receiver.js');

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const listen = async (server: http.Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

describe('purge receiver recipe', () => {
  const seen: Seen[] = [];
  let status = 200;
  const api = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      res.statusCode = status;
      res.end('{}');
    });
  });
  let apiBase: string;
  const servers: http.Server[] = [api];

  beforeAll(async () => {
    apiBase = await listen(api);
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });
  beforeEach(() => {
    seen.length = 0;
    status = 200;
  });

  const receiverFor = async (purge: unknown) => {
    const server = createPurgeReceiver({ secret: 's3cret', purge });
    servers.push(server);
    return listen(server);
  };
  const post = (url: string, tags: string[], secret = 's3cret') =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-purge-secret': secret },
      body: JSON.stringify({ event: 'newsroom.invalidate', reason: 'publish', tags }),
    });
  const keys = (n: number) => [...Array(n)].map((_, i) => `nr-a-doc${i}`);

  it('purges Cloudflare by tag, 100 tags per request, with its API token', async () => {
    const url = await receiverFor(
      purgers.cloudflare({ zoneId: 'zone1', token: 'cf-token', apiBase })
    );
    const response = await post(url, [...keys(148), 'nr-list', 'nr-sitemap']);
    expect(response.status).toBe(200);
    expect(seen.map((s) => [s.method, s.url, s.headers.authorization])).toEqual([
      ['POST', '/zones/zone1/purge_cache', 'Bearer cf-token'],
      ['POST', '/zones/zone1/purge_cache', 'Bearer cf-token'],
    ]);
    const sent = seen.map((s) => JSON.parse(s.body).tags);
    expect(sent.map((t) => t.length)).toEqual([100, 50]);
    expect(sent.flat()).toEqual([...keys(148), 'nr-list', 'nr-sitemap']);
  });

  it('purges Fastly by surrogate key, 256 keys per request, with its API key', async () => {
    const url = await receiverFor(purgers.fastly({ serviceId: 'svc1', token: 'f-token', apiBase }));
    expect((await post(url, keys(300))).status).toBe(200);
    expect(seen.map((s) => [s.method, s.url, s.headers['fastly-key']])).toEqual([
      ['POST', '/service/svc1/purge', 'f-token'],
      ['POST', '/service/svc1/purge', 'f-token'],
    ]);
    expect(seen.map((s) => String(s.headers['surrogate-key']).split(' ').length)).toEqual([
      256, 44,
    ]);
  });

  it('refuses a wrong secret, drops keys that are not plain tokens, and answers 502 when the CDN refuses', async () => {
    const url = await receiverFor(purgers.fastly({ serviceId: 'svc1', token: 'f-token', apiBase }));
    expect((await post(url, ['nr-list'], 'guess')).status).toBe(401);
    expect(seen).toEqual([]);
    await post(url, ['nr-list', 'bad key\r\nX-Injected: 1', 'nr-a-x']);
    expect(seen[0].headers['surrogate-key']).toBe('nr-list nr-a-x');
    status = 503;
    expect((await post(url, ['nr-list'])).status).toBe(502);
  });
});
