/**
 * The plugin config's validator (server/src/config/index.ts, one yup schema): what it refuses
 * and the message the app's author reads at boot. Strapi runs it on the defaults deep-merged
 * with the app's config, so each case changes one setting of a whole config.
 */
import config from '../../server/src/config';

type Config = typeof config.default;

/** The defaults with `path` set to `value` (a deep copy: the cases do not share objects). */
const withSetting = (path: string, value: unknown): Config => {
  const copy = structuredClone(config.default) as unknown as Record<string, unknown>;
  const keys = path.split('.');
  const parent = keys.slice(0, -1).reduce((at, key) => at[key] as Record<string, unknown>, copy);
  parent[keys[keys.length - 1]] = value;
  return copy as unknown as Config;
};

const NON_NEGATIVE_INTEGERS = [
  'events.maxRequestsPerMinute',
  'events.maxBufferedKeys',
  'events.maxBufferedBytes',
  'responseCache.maxEntries',
  'responseCache.maxBytes',
  'graphql.maxDepth',
  'graphql.maxAliases',
  'graphql.maxCost',
];

describe('plugin config validator', () => {
  it('accepts the defaults, and settings at their bounds', () => {
    expect(() => config.validator(config.default)).not.toThrow();
    for (const [path, value] of [
      ['siteUrl', 'https://www.example.id'],
      ['sitemaps.publicationName', 'Kabar Harian'],
      ['sitemaps.language', 'zh-tw'],
      ['events.maxBatch', 1000],
      ['events.flushIntervalMs', 100],
      ['events.maxRequestsPerMinute', 0],
      ['responseCache.maxEntries', 0],
      ['suggestions.tagBoost', 0],
      ['suggestions.halfLifeDays', 0.5],
      ['cacheTags.cacheTag', false],
      ['cacheTags.surrogateKey', 'xkey'],
      ['invalidation.coalesceMs', 0],
      ['invalidation.coalesceMs', 5000],
    ] as const) {
      expect(() => config.validator(withSetting(path, value))).not.toThrow();
    }
  });

  it.each<[string, unknown, string]>([
    ['hrefPattern', 'berita/:slug', 'must be a site-relative path such as "/berita/:slug"'],
    ['hrefPattern', '//evil.example/:slug', 'must be a site-relative path'],
    ['hrefPattern', 42, 'must be a site-relative path'],
    ['hrefPattern', '/berita/:id', 'must contain ":slug"'],
    ['maxLinksPerArticle', 0, 'must be a positive integer'],
    ['maxLinksPerArticle', 2.5, 'must be a positive integer'],
    ['maxLinksPerArticle', '10', 'must be a positive integer'],
    ['cacheControl', 'public\r\nSet-Cookie: a=b', 'must be a non-empty Cache-Control header value'],
    ['cacheControl', '', 'must be a non-empty Cache-Control header value'],
    ['cacheTags.cacheTag', 'Cache Tag', 'cacheTags.cacheTag must be a header name'],
    ['cacheTags.surrogateKey', 'Key\r\nSet-Cookie', 'cacheTags.surrogateKey must be a header name'],
    ['cacheTags.surrogateKey', true, 'cacheTags.surrogateKey must be a header name'],
    ['cacheTags.cacheTag', null, 'cacheTags.cacheTag must be a header name'],
    ['cacheTags.cacheTag', 'ETag', 'cacheTags.cacheTag must be a header name'],
    ['cacheTags.surrogateKey', 'cache-control', 'cacheTags.surrogateKey must be a header name'],
    ['invalidation.coalesceMs', 5001, 'invalidation.coalesceMs must be an integer from 0 to 5000'],
    ['invalidation.coalesceMs', -1, 'invalidation.coalesceMs must be a non-negative integer'],
    ['invalidation.coalesceMs', '250', 'invalidation.coalesceMs must be a non-negative integer'],
    ['siteUrl', 'https://www.example.id/', 'must be an http(s) origin without a trailing slash'],
    ['siteUrl', 'ftp://example.id', 'must be an http(s) origin'],
    ['sitemaps.publicationName', '  ', 'must be null or the publication name (1-200 characters)'],
    ['sitemaps.publicationName', 'x'.repeat(201), 'must be null or the publication name'],
    ['sitemaps.language', 'Indonesian', 'must be an ISO 639 code such as "id"'],
    ['sitemaps.publicPath', '/sitemaps/', 'must be a path such as "/api/newsroom/sitemaps"'],
    ['events.maxBatch', 0, 'events.maxBatch must be 1 to 1000 and events.flushIntervalMs'],
    ['events.maxBatch', 1001, 'events.maxBatch must be 1 to 1000'],
    ['events.maxBatch', 1.5, 'events.maxBatch must be a non-negative integer'],
    ['events.flushIntervalMs', 99, 'events.flushIntervalMs at least 100'],
    ['events.flushIntervalMs', -5, 'events.flushIntervalMs must be a non-negative integer'],
    ['suggestions.halfLifeDays', 0, 'suggestions.halfLifeDays must be above 0'],
    ['suggestions.halfLifeDays', -1, 'suggestions.halfLifeDays must be a non-negative number'],
    ['suggestions.tagBoost', Infinity, 'suggestions.tagBoost must be a non-negative number'],
    ['suggestions.recencyBoost', NaN, 'suggestions.recencyBoost must be a non-negative number'],
    ...NON_NEGATIVE_INTEGERS.flatMap((path) =>
      [-1, 1.5, '5', null].map((value): [string, unknown, string] => [
        path,
        value,
        `${path} must be a non-negative integer`,
      ])
    ),
  ])('refuses %s = %p: "%s"', (path, value, message) => {
    // A message of its own names the setting; others are read within the whole message.
    const expected = message.startsWith('must') ? `newsroom: config.${path} ${message}` : message;
    expect(() => config.validator(withSetting(path, value))).toThrow(expected);
  });
});
