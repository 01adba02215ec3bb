import fs from 'fs';
import path from 'path';

/**
 * The repository root, where the plugin's package.json lives. This file is read twice: compiled
 * from playground/dist/config by the server, and from source by the admin build, so the root
 * is found by walking up rather than by a fixed number of "..".
 */
const findPluginRoot = (): string => {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (
      fs.existsSync(pkg) &&
      JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'strapi-plugin-newsroom'
    ) {
      return dir;
    }
  }
  throw new Error('playground: cannot find the strapi-plugin-newsroom package above ' + __dirname);
};

export default ({ env }: { env: any }) => ({
  // GraphQL over the same permissions as REST; limits keep hostile queries cheap.
  graphql: {
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      landingPage: false,
      depthLimit: 8,
      amountLimit: 100,
      defaultLimit: 25,
      maxLimit: 100,
    },
  },
  'users-permissions': {
    config: { jwtSecret: env('JWT_SECRET') },
  },
  // The plugin under development, loaded from the repository root (its built `dist/`).
  newsroom: {
    enabled: true,
    resolve: findPluginRoot(),
    config: {
      // NEWSROOM_I18N=true: an Indonesian newsroom with an English edition (src/locales).
      i18n: env.bool('NEWSROOM_I18N', false),
      hrefPattern: env('NEWSROOM_HREF_PATTERN', '/berita/:slug'),
      maxLinksPerArticle: env.int('NEWSROOM_MAX_LINKS', 10),
      cacheControl: env('NEWSROOM_CACHE_CONTROL', 'public, max-age=60, stale-while-revalidate=300'),
      siteUrl: env('NEWSROOM_SITE_URL', null),
      sitemaps: {
        publicationName: env('NEWSROOM_PUBLICATION_NAME', null),
        language: env('NEWSROOM_PUBLICATION_LANGUAGE', 'id'),
      },
      suggestions: {
        halfLifeDays: env.float('NEWSROOM_SUGGESTIONS_HALF_LIFE_DAYS', 30),
        tagBoost: env.float('NEWSROOM_SUGGESTIONS_TAG_BOOST', 1),
        recencyBoost: env.float('NEWSROOM_SUGGESTIONS_RECENCY_BOOST', 0.25),
      },
      events: {
        maxBatch: env.int('NEWSROOM_EVENTS_MAX_BATCH', 50),
        maxRequestsPerMinute: env.int('NEWSROOM_EVENTS_PER_MINUTE', 120),
        flushIntervalMs: env.int('NEWSROOM_EVENTS_FLUSH_MS', 2000),
        maxBufferedKeys: env.int('NEWSROOM_EVENTS_BUFFER_KEYS', 50_000),
        maxBufferedBytes: env.int('NEWSROOM_EVENTS_BUFFER_BYTES', 8 * 1024 * 1024),
      },
      responseCache: {
        maxEntries: env.int('NEWSROOM_RESPONSE_CACHE_ENTRIES', 2000),
        maxBytes: env.int('NEWSROOM_RESPONSE_CACHE_BYTES', 64 * 1024 * 1024),
      },
    },
  },
});
