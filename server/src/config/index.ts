import { errors, yup } from '@strapi/utils';

/**
 * The plugin's config as one yup schema, its type inferred from it. Strapi fills what the app
 * leaves out from `default` (lodash `defaultsDeep`) before `validator` runs, so every field is
 * present: each is `defined()`, and the type has no `| undefined`. Each rule carries the
 * message the app's author reads at boot, naming the setting.
 */
const message = (name: string, rule: string) => `newsroom: config.${name} must be ${rule}`;

/** `name` must be a number, finite and at least 0 (an integer when `integer`). */
const nonNegative = (name: string, integer = false) => {
  const text = message(name, `a non-negative ${integer ? 'integer' : 'number'}`);
  const schema = yup
    .number()
    .typeError(text)
    .defined(text)
    .test(
      'non-negative',
      text,
      (value) => value === undefined || (Number.isFinite(value) && value >= 0)
    );
  return integer ? schema.integer(text) : schema;
};

/** A string matching `pattern`, with one message for whatever is wrong. */
const matching = (name: string, pattern: RegExp, rule: string) => {
  const text = message(name, rule);
  return yup.string().typeError(text).defined(text).matches(pattern, text);
};

/** Headers the plugin or HTTP itself sets: a cache tag header must not overwrite them. */
const RESERVED_HEADERS = new Set(
  [
    'cache-control',
    'content-length',
    'content-type',
    'etag',
    'location',
    'set-cookie',
    'vary',
    'age',
    'date',
    'expires',
    'last-modified',
  ].map((h) => h.toLowerCase())
);

/** An HTTP header name (an RFC 9110 token) of its own, or false: that header is not sent. */
const headerNameOrOff = (name: string) => {
  const text = message(name, 'a header name such as "Surrogate-Key" (not one HTTP sets), or false');
  return yup
    .mixed<string | false>()
    .defined(text)
    .test(
      'header-name',
      text,
      (value) =>
        value === false ||
        (typeof value === 'string' &&
          /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/.test(value) &&
          !RESERVED_HEADERS.has(value.toLowerCase()))
    );
};

const section = <S extends Record<string, yup.AnySchema>>(name: string, shape: S) =>
  yup.object(shape).typeError(message(name, 'an object')).defined(message(name, 'an object'));

const HREF_PATTERN = message('hrefPattern', 'a site-relative path such as "/berita/:slug"');
const SITE_URL = message(
  'siteUrl',
  'an http(s) origin without a trailing slash, e.g. "https://www.example.id"'
);
const EVENTS_RANGE =
  'newsroom: config.events.maxBatch must be 1 to 1000 and events.flushIntervalMs at least 100';
const PUBLICATION_NAME = message(
  'sitemaps.publicationName',
  'null or the publication name (1-200 characters)'
);

const configSchema = yup
  .object({
    /**
     * Site-relative pattern for internal article links; `:slug` is replaced. It must stay
     * site-relative: a frontend renders it as-is in an <a href>.
     */
    hrefPattern: yup
      .string()
      .typeError(HREF_PATTERN)
      .defined(HREF_PATTERN)
      .test('site-relative', HREF_PATTERN, (value) =>
        typeof value === 'string' ? value.startsWith('/') && !value.startsWith('//') : true
      )
      .test('slug', 'newsroom: config.hrefPattern must contain ":slug"', (value) =>
        typeof value === 'string' ? value.includes(':slug') : true
      ),
    /**
     * Articles in several languages (Strapi's i18n): the plugin's three types become localized,
     * each story's quotes and links living in its locale (docs/API.md "Two languages"). Off by
     * default: turning it on, or off again, migrates existing rows the way Strapi's own i18n
     * does for any content type (docs/DEPLOYMENT.md).
     */
    i18n: yup
      .boolean()
      .typeError(message('i18n', 'true or false'))
      .defined(message('i18n', 'true or false')),
    /** Upper bound of Baca Juga links one article may carry. */
    maxLinksPerArticle: yup
      .number()
      .typeError(message('maxLinksPerArticle', 'a positive integer'))
      .defined(message('maxLinksPerArticle', 'a positive integer'))
      .integer(message('maxLinksPerArticle', 'a positive integer'))
      .min(1, message('maxLinksPerArticle', 'a positive integer')),
    /**
     * Cache-Control sent with published article, list and JSON-LD responses. Printable ASCII
     * only: the value goes verbatim into a response header (no header injection).
     */
    cacheControl: matching(
      'cacheControl',
      /^[\x20-\x7e]+$/,
      'a non-empty Cache-Control header value'
    ),
    /**
     * Absolute origin of the news site (e.g. "https://www.example.id"). JSON-LD needs absolute
     * URLs; without it, JSON-LD carries site-relative ones.
     */
    siteUrl: yup
      .string()
      .nullable()
      .defined(SITE_URL)
      .typeError(SITE_URL)
      .matches(/^https?:\/\/[^/\s]+$/, SITE_URL),
    /** The suggestion engine's boosts (see services/suggestions). */
    suggestions: section('suggestions', {
      /** Days after which the boost for being close in time to the article halves. */
      halfLifeDays: nonNegative('suggestions.halfLifeDays').test(
        'above-zero',
        message('suggestions.halfLifeDays', 'above 0'),
        (value) => value === undefined || value > 0
      ),
      /** Added to the score's multiplier for each whole tag the two articles share. */
      tagBoost: nonNegative('suggestions.tagBoost'),
      /** Multiplier added for an article of the same day, fading with the half-life. */
      recencyBoost: nonNegative('suggestions.recencyBoost'),
    }),
    /** Bounds on one GraphQL request (when the app has the graphql plugin). */
    graphql: section('graphql', {
      /** Levels of nested fields. */
      maxDepth: nonNegative('graphql.maxDepth', true),
      /** Aliased fields (the cheap way to ask for one expensive thing many times). */
      maxAliases: nonNegative('graphql.maxAliases', true),
      /** Fields resolved, each counted once per item of the lists above it; a render counts 10. */
      maxCost: nonNegative('graphql.maxCost', true),
      /** Tokens in one document: parsing stops there, so a huge document costs nothing to refuse. */
      maxTokens: nonNegative('graphql.maxTokens', true),
    }),
    /** Sitemaps for search engines (GET /api/newsroom/sitemaps/...); they need `siteUrl`. */
    sitemaps: section('sitemaps', {
      /** The publication's name as Google News shows it (`news:name`); no news sitemap without it. */
      publicationName: yup
        .string()
        .nullable()
        .defined(PUBLICATION_NAME)
        .typeError(PUBLICATION_NAME)
        .test(
          'name',
          PUBLICATION_NAME,
          (value) => typeof value !== 'string' || (!!value.trim() && value.length <= 200)
        ),
      /** The publication's language, ISO 639 (`news:language`): "id", or "zh-cn" / "zh-tw". */
      language: matching(
        'sitemaps.language',
        /^([a-z]{2,3}|zh-cn|zh-tw)$/,
        'an ISO 639 code such as "id" (or "zh-cn", "zh-tw")'
      ),
      /**
       * Where the site serves these sitemaps, under `siteUrl` (the index links its pages there):
       * the plugin's own route by default; a frontend that proxies them elsewhere sets its path.
       */
      publicPath: matching(
        'sitemaps.publicPath',
        /^(\/[A-Za-z0-9._~-]+)+$/,
        'a path such as "/api/newsroom/sitemaps" (no trailing slash)'
      ),
    }),
    /** Reader events from frontends (POST /api/newsroom/events): views and link clicks. */
    events: section('events', {
      /** Most events one request may carry. */
      maxBatch: nonNegative('events.maxBatch', true).test(
        'range',
        EVENTS_RANGE,
        (value) => value === undefined || (value >= 1 && value <= 1000)
      ),
      /** Requests one client address may send per minute, per instance; 0 turns the limit off. */
      maxRequestsPerMinute: nonNegative('events.maxRequestsPerMinute', true),
      /** How often each instance writes its buffered counts (one upsert per batch). */
      flushIntervalMs: nonNegative('events.flushIntervalMs', true).test(
        'range',
        EVENTS_RANGE,
        (value) => value === undefined || value >= 100
      ),
      /**
       * Counters one instance holds unwritten at most, and their bytes: while the database is
       * down nothing is written, and events past either bound are dropped (and counted) rather
       * than taking the instance's memory.
       */
      maxBufferedKeys: nonNegative('events.maxBufferedKeys', true),
      maxBufferedBytes: nonNegative('events.maxBufferedBytes', true),
    }),
    /**
     * The headers that carry each public response's cache tags (#shared/cache-tags), for a CDN
     * or a proxy to purge by. Each is a header name, or false to leave that header out; both
     * carry the same space-separated keys. Two fields rather than a list: Strapi merges an
     * app's config into the defaults element by element, so a list could not be shortened.
     */
    cacheTags: section('cacheTags', {
      cacheTag: headerNameOrOff('cacheTags.cacheTag'),
      surrogateKey: headerNameOrOff('cacheTags.surrogateKey'),
    }),
    /** The `newsroom.invalidate` webhook (services/invalidations). */
    invalidation: section('invalidation', {
      /**
       * How long after a change its event waits for more (a bulk action's, writes in quick
       * succession), so they go out as one: milliseconds, at most 5000.
       */
      coalesceMs: nonNegative('invalidation.coalesceMs', true).test(
        'range',
        message('invalidation.coalesceMs', 'an integer from 0 to 5000'),
        (value) => value === undefined || value <= 5000
      ),
    }),
    /** Published responses kept per instance, checked against the database on every request. */
    responseCache: section('responseCache', {
      /** Responses kept at most (least recently used out first); 0 turns the cache off. */
      maxEntries: nonNegative('responseCache.maxEntries', true),
      /**
       * Bytes of response bodies (UTF-8) kept at most, whatever their number: a few very long
       * stories or lists cannot take an instance's memory. A body larger than this alone is
       * served but not kept.
       */
      maxBytes: nonNegative('responseCache.maxBytes', true),
    }),
  })
  .defined();

export type NewsroomConfig = yup.InferType<typeof configSchema>;

const defaultConfig: NewsroomConfig = {
  hrefPattern: '/berita/:slug',
  i18n: false,
  maxLinksPerArticle: 10,
  cacheControl: 'public, max-age=60, stale-while-revalidate=300',
  siteUrl: null,
  suggestions: { halfLifeDays: 30, tagBoost: 1, recencyBoost: 0.25 },
  sitemaps: { publicationName: null, language: 'id', publicPath: '/api/newsroom/sitemaps' },
  events: {
    maxBatch: 50,
    maxRequestsPerMinute: 120,
    flushIntervalMs: 2000,
    maxBufferedKeys: 50_000,
    maxBufferedBytes: 8 * 1024 * 1024,
  },
  cacheTags: { cacheTag: 'Cache-Tag', surrogateKey: 'Surrogate-Key' },
  invalidation: { coalesceMs: 250 },
  responseCache: { maxEntries: 2000, maxBytes: 64 * 1024 * 1024 },
  graphql: { maxDepth: 10, maxAliases: 20, maxCost: 5000, maxTokens: 5000 },
};

export default {
  default: defaultConfig,
  /**
   * Strict: a number in a string ("10", as an env var gives it) is refused, not cast. One
   * broken rule is the message (of several, yup picks which).
   */
  validator(config: unknown) {
    try {
      configSchema.validateSync(config, { strict: true, abortEarly: true });
    } catch (error) {
      if (error instanceof yup.ValidationError) throw new errors.ApplicationError(error.message);
      throw error;
    }
  },
};
