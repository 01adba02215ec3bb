import { errors } from '@strapi/utils';

export interface NewsroomConfig {
  /** Site-relative pattern for internal article links; `:slug` is replaced. */
  hrefPattern: string;
  /** Upper bound of Baca Juga links one article may carry. */
  maxLinksPerArticle: number;
  /** Cache-Control sent with published article, list and JSON-LD responses. */
  cacheControl: string;
  /**
   * Absolute origin of the news site (e.g. "https://www.example.id"). JSON-LD needs absolute
   * URLs; without it, JSON-LD carries site-relative ones.
   */
  siteUrl: string | null;
  /** The suggestion engine's boosts (see services/suggestions). */
  suggestions: {
    /** Days after which the boost for being close in time to the article halves. */
    halfLifeDays: number;
    /** Added to the score's multiplier for each whole tag the two articles share. */
    tagBoost: number;
    /** Multiplier added for an article of the same day, fading with the half-life. */
    recencyBoost: number;
  };
  /** Bounds on one GraphQL request (when the app has the graphql plugin). */
  graphql: {
    /** Levels of nested fields. */
    maxDepth: number;
    /** Aliased fields (the cheap way to ask for one expensive thing many times). */
    maxAliases: number;
    /** Fields resolved, each counted once per item of the lists above it; a render counts 10. */
    maxCost: number;
    /** Tokens in one document: parsing stops there, so a huge document costs nothing to refuse. */
    maxTokens: number;
  };
  /** Sitemaps for search engines (GET /api/newsroom/sitemaps/...); they need `siteUrl`. */
  sitemaps: {
    /** The publication's name as Google News shows it (`news:name`); no news sitemap without it. */
    publicationName: string | null;
    /** The publication's language, ISO 639 (`news:language`): "id", or "zh-cn" / "zh-tw". */
    language: string;
    /**
     * Where the site serves these sitemaps, under `siteUrl` (the index links its pages there):
     * the plugin's own route by default; a frontend that proxies them elsewhere sets its path.
     */
    publicPath: string;
  };
  /** Reader events from frontends (POST /api/newsroom/events): views and link clicks. */
  events: {
    /** Most events one request may carry. */
    maxBatch: number;
    /** Requests one client address may send per minute, per instance; 0 turns the limit off. */
    maxRequestsPerMinute: number;
    /** How often each instance writes its buffered counts (one upsert per batch). */
    flushIntervalMs: number;
    /**
     * Counters one instance holds unwritten at most, and their bytes: while the database is
     * down nothing is written, and events past either bound are dropped (and counted) rather
     * than taking the instance's memory.
     */
    maxBufferedKeys: number;
    maxBufferedBytes: number;
  };
  /** Published responses kept per instance, checked against the database on every request. */
  responseCache: {
    /** Responses kept at most (least recently used out first); 0 turns the cache off. */
    maxEntries: number;
    /**
     * Bytes of response bodies (UTF-8) kept at most, whatever their number: a few very long
     * stories or lists cannot take an instance's memory. A body larger than this alone is
     * served but not kept.
     */
    maxBytes: number;
  };
}

const defaultConfig: NewsroomConfig = {
  hrefPattern: '/berita/:slug',
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
  responseCache: { maxEntries: 2000, maxBytes: 64 * 1024 * 1024 },
  graphql: { maxDepth: 10, maxAliases: 20, maxCost: 5000, maxTokens: 5000 },
};

const nonNegative = (value: unknown, name: string, integer = false) => {
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < 0 ||
    (integer && !Number.isInteger(value))
  ) {
    throw new errors.ApplicationError(
      `newsroom: config.${name} must be a non-negative ${integer ? 'integer' : 'number'}`
    );
  }
};

export default {
  default: defaultConfig,
  validator(config: Partial<NewsroomConfig>) {
    const {
      hrefPattern,
      maxLinksPerArticle,
      cacheControl,
      siteUrl,
      suggestions,
      responseCache,
      graphql,
      sitemaps,
      events,
    } = config;
    // The pattern must stay site-relative: a frontend renders it as-is in an <a href>.
    if (
      typeof hrefPattern !== 'string' ||
      !hrefPattern.startsWith('/') ||
      hrefPattern.startsWith('//')
    ) {
      throw new errors.ApplicationError(
        'newsroom: config.hrefPattern must be a site-relative path such as "/berita/:slug"'
      );
    }
    if (!hrefPattern.includes(':slug')) {
      throw new errors.ApplicationError('newsroom: config.hrefPattern must contain ":slug"');
    }
    if (!Number.isInteger(maxLinksPerArticle) || (maxLinksPerArticle as number) < 1) {
      throw new errors.ApplicationError(
        'newsroom: config.maxLinksPerArticle must be a positive integer'
      );
    }
    // Header injection guard: the value goes verbatim into a response header.
    if (typeof cacheControl !== 'string' || !/^[\x20-\x7e]+$/.test(cacheControl)) {
      throw new errors.ApplicationError(
        'newsroom: config.cacheControl must be a non-empty Cache-Control header value'
      );
    }
    if (siteUrl !== null && siteUrl !== undefined && !/^https?:\/\/[^/\s]+$/.test(siteUrl)) {
      throw new errors.ApplicationError(
        'newsroom: config.siteUrl must be an http(s) origin without a trailing slash, e.g. "https://www.example.id"'
      );
    }
    const { publicationName, language, publicPath } =
      sitemaps ?? ({} as NewsroomConfig['sitemaps']);
    if (
      publicationName !== null &&
      (typeof publicationName !== 'string' ||
        !publicationName.trim() ||
        publicationName.length > 200)
    ) {
      throw new errors.ApplicationError(
        'newsroom: config.sitemaps.publicationName must be null or the publication name (1-200 characters)'
      );
    }
    if (typeof language !== 'string' || !/^([a-z]{2,3}|zh-cn|zh-tw)$/.test(language)) {
      throw new errors.ApplicationError(
        'newsroom: config.sitemaps.language must be an ISO 639 code such as "id" (or "zh-cn", "zh-tw")'
      );
    }
    if (typeof publicPath !== 'string' || !/^(\/[A-Za-z0-9._~-]+)+$/.test(publicPath)) {
      throw new errors.ApplicationError(
        'newsroom: config.sitemaps.publicPath must be a path such as "/api/newsroom/sitemaps" (no trailing slash)'
      );
    }
    nonNegative(events?.maxBatch, 'events.maxBatch', true);
    nonNegative(events?.maxRequestsPerMinute, 'events.maxRequestsPerMinute', true);
    nonNegative(events?.flushIntervalMs, 'events.flushIntervalMs', true);
    nonNegative(events?.maxBufferedKeys, 'events.maxBufferedKeys', true);
    nonNegative(events?.maxBufferedBytes, 'events.maxBufferedBytes', true);
    if (!(events!.maxBatch >= 1 && events!.maxBatch <= 1000) || !(events!.flushIntervalMs >= 100)) {
      throw new errors.ApplicationError(
        'newsroom: config.events.maxBatch must be 1 to 1000 and events.flushIntervalMs at least 100'
      );
    }
    nonNegative(suggestions?.halfLifeDays, 'suggestions.halfLifeDays');
    if (!(suggestions!.halfLifeDays > 0)) {
      throw new errors.ApplicationError(
        'newsroom: config.suggestions.halfLifeDays must be above 0'
      );
    }
    nonNegative(suggestions?.tagBoost, 'suggestions.tagBoost');
    nonNegative(suggestions?.recencyBoost, 'suggestions.recencyBoost');
    nonNegative(responseCache?.maxEntries, 'responseCache.maxEntries', true);
    nonNegative(responseCache?.maxBytes, 'responseCache.maxBytes', true);
    for (const key of ['maxDepth', 'maxAliases', 'maxCost', 'maxTokens'] as const) {
      nonNegative(graphql?.[key], `graphql.${key}`, true);
    }
  },
};
