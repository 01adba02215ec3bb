'use strict';
/**
 * A receiver of the newsroom.invalidate webhook that purges a cache by tag: Varnish with xkey
 * (varnish/newsroom.vcl beside this file), Cloudflare (Cache-Tag) or Fastly (Surrogate-Key).
 * It checks the webhook's shared secret, purges the event's tags, and answers 200 only once
 * the cache has taken the purge, so that one it did not take is retried by the plugin.
 *
 *   PURGE_SECRET=... PURGE_TARGET=varnish VARNISH_URL=http://127.0.0.1:6081 node purge-receiver.js
 *   PURGE_SECRET=... PURGE_TARGET=cloudflare CLOUDFLARE_ZONE_ID=... CLOUDFLARE_API_TOKEN=... node purge-receiver.js
 *   PURGE_SECRET=... PURGE_TARGET=fastly FASTLY_SERVICE_ID=... FASTLY_API_TOKEN=... node purge-receiver.js
 *
 * (PORT, 8787 by default.) Then create the webhook in Strapi (admin API, POST /admin/webhooks):
 *   { "name": "purge", "url": "https://<this host>/", "headers": { "x-purge-secret": "..." },
 *     "events": ["newsroom.invalidate"] }
 *
 * Node 18 or later, no dependencies. docs/recipes/README.md says how each purger was tried.
 */
const crypto = require('node:crypto');
const http = require('node:http');

/** Keys are plain tokens (nr-a-<documentId>, nr-list, nr-sitemap); anything else is dropped. */
const KEY = /^[A-Za-z0-9_-]{1,80}$/;

/** Constant-time comparison of the secret (equal lengths first: timingSafeEqual needs them). */
const sameSecret = (given, expected) => {
  const a = Buffer.from(String(given ?? ''));
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
};

const readBody = (req, limit = 1 << 20) =>
  new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) reject(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

/** The tags in groups of at most `size`: each cache takes a bounded number per request. */
const groups = (tags, size) => {
  const out = [];
  for (let i = 0; i < tags.length; i += size) out.push(tags.slice(i, i + size));
  return out;
};

/** Sends one purge request; throws unless the cache answered 2xx. */
const send = async (url, init) => {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 200)}`);
  return response.status;
};

/** How each cache is purged by tag. */
const purgers = {
  /** Varnish with xkey, through the project VCL: `PURGE /` with the keys in `xkey-purge`. */
  varnish:
    ({ url }) =>
    async (tags) => {
      for (const group of groups(tags, 100)) {
        await send(`${url}/`, { method: 'PURGE', headers: { 'xkey-purge': group.join(' ') } });
      }
    },
  /** Cloudflare: purge_cache by tags, at most 100 per request (its limit for every plan). */
  cloudflare:
    ({ zoneId, token, apiBase = 'https://api.cloudflare.com/client/v4' }) =>
    async (tags) => {
      for (const group of groups(tags, 100)) {
        await send(`${apiBase}/zones/${encodeURIComponent(zoneId)}/purge_cache`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ tags: group }),
        });
      }
    },
  /** Fastly: a batch purge by surrogate key, at most 256 keys per request. */
  fastly:
    ({ serviceId, token, apiBase = 'https://api.fastly.com' }) =>
    async (tags) => {
      for (const group of groups(tags, 256)) {
        await send(`${apiBase}/service/${encodeURIComponent(serviceId)}/purge`, {
          method: 'POST',
          headers: { 'fastly-key': token, 'surrogate-key': group.join(' ') },
        });
      }
    },
};

/**
 * An HTTP server that purges with `purge(tags, event)` for each event. `onPurged({ event, at })`
 * is called once a purge was taken (for logs and tests).
 */
const createPurgeReceiver = ({ secret, purge, onPurged = () => {} }) =>
  http.createServer(async (req, res) => {
    const answer = (status, text) => {
      res.statusCode = status;
      res.end(text);
    };
    if (req.method !== 'POST') return answer(405, 'POST only');
    if (!sameSecret(req.headers['x-purge-secret'], secret)) return answer(401, 'bad secret');
    let event;
    try {
      event = JSON.parse(await readBody(req));
    } catch {
      return answer(400, 'not JSON');
    }
    if (event?.event !== 'newsroom.invalidate') return answer(200, 'ignored');
    const tags = [...new Set(event.tags ?? [])].filter((tag) => KEY.test(tag));
    if (tags.length === 0) return answer(200, 'nothing to purge');
    try {
      await purge(tags, event);
      onPurged({ event, at: Date.now() });
      return answer(200, `purged ${tags.length} tags`);
    } catch (error) {
      // The plugin retries a delivery that is not answered 2xx.
      return answer(502, `purge failed: ${error.message}`);
    }
  });

module.exports = { createPurgeReceiver, purgers };

if (require.main === module) {
  const env = process.env;
  if (!env.PURGE_SECRET)
    throw new Error('set PURGE_SECRET (the webhook sends it as x-purge-secret)');
  const target = env.PURGE_TARGET || 'varnish';
  const purge = {
    varnish: () => purgers.varnish({ url: env.VARNISH_URL || 'http://127.0.0.1:6081' }),
    cloudflare: () =>
      purgers.cloudflare({ zoneId: env.CLOUDFLARE_ZONE_ID, token: env.CLOUDFLARE_API_TOKEN }),
    fastly: () => purgers.fastly({ serviceId: env.FASTLY_SERVICE_ID, token: env.FASTLY_API_TOKEN }),
  }[target];
  if (!purge) throw new Error(`PURGE_TARGET must be varnish, cloudflare or fastly, not ${target}`);
  const port = Number(env.PORT || 8787);
  createPurgeReceiver({
    secret: env.PURGE_SECRET,
    purge: purge(),
    onPurged: ({ event }) =>
      console.log(`${new Date().toISOString()} ${event.reason}: ${event.tags.join(' ')}`),
  }).listen(port, () => console.log(`purge receiver for ${target} on :${port}`));
}
