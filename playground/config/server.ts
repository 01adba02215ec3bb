export default ({ env }: { env: any }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  app: { keys: env.array('APP_KEYS') },
  // Behind a reverse proxy (docs/DEPLOYMENT.md, "Behind a proxy"): trust its X-Forwarded-For,
  // counting NEWSROOM_PROXY_HOPS proxies from the right, so limits count per reader.
  proxy: {
    koa: env.bool('NEWSROOM_TRUST_PROXY', false),
    maxIpsCount: env.int('NEWSROOM_PROXY_HOPS', 0),
  },
});
