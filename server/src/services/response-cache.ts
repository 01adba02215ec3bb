import type { Core } from '@strapi/strapi';
import { LRUCache } from 'lru-cache';
import type { NewsroomConfig } from '../config';
import { PLUGIN_ID } from '../constants';
import { untag } from '../http/cache-tags';
import { strongEtag } from '../http/http-cache';
import { getService } from '../utils/get-service';

/** A response body ready to send, with its validator and cache tags (http/cache-tags). */
export interface PreparedResponse {
  json: string;
  etag: string;
  tags: readonly string[];
}

interface Entry extends PreparedResponse {
  key: string;
  generation: number;
  /** UTF-8 length of `json` and its tags: what it counts against `responseCache.maxBytes`. */
  bytes: number;
}

/** What one computation needs: passed to lru-cache's fetchMethod as its context. */
interface Computation {
  key: string;
  generation: number;
  compute: (generation: number) => Promise<unknown>;
  serialize: (payload: unknown) => string;
}

/**
 * Entries are stored under their generation as well as their key: requests that read the
 * same generation share one computation or revalidation (lru-cache's fetch is single flight
 * per cache key), and a request that read a newer generation never waits for, or gets, a
 * computation started before the write it knows of.
 */
const cacheKeyOf = (key: string, generation: number) => `${generation}\u0000${key}`;

/**
 * Published responses (render-ready articles, lists, related links) kept in process memory
 * and reused while the published content's generation is unchanged, or while none of their
 * cache tags changed since (see the freshness service). A miss, or a change of what a response
 * shows, recomputes from the database, so the cache holds nothing another instance needs, and
 * a restart, a second instance or an edit elsewhere never sees a stale story. Bounded by `responseCache.maxEntries` and `responseCache.maxBytes`,
 * least recently used first out (lru-cache); concurrent misses of one key compute it once.
 */
const createResponseCacheService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** Answers from the cache and computations since start: the benchmark's hit share. */
  let hits = 0;
  let misses = 0;
  /** Misses answered by an older entry that nothing it shows changed since: no computation. */
  let revalidated = 0;
  const limits = () => (strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig).responseCache;
  /** Each key's newest stored generation: an older one is dropped when a newer is stored. */
  const latest = new Map<string, Entry>();

  /** An entry of an older generation that names what it shows: it may be kept if unchanged. */
  const mayKeep = (entry: Entry, generation: number) =>
    entry.generation < generation && entry.tags.length > 0;

  /** An entry of an older generation whose tags did not change since; false when unsure. */
  const stillGood = async (entry: Entry, generation: number) => {
    if (!mayKeep(entry, generation)) return false;
    try {
      return await getService(strapi, 'freshness').untouched(
        entry.tags,
        entry.generation,
        generation
      );
    } catch {
      return false;
    }
  };

  const build = ({ maxEntries, maxBytes }: NewsroomConfig['responseCache']) =>
    new LRUCache<string, Entry, Computation>({
      max: maxEntries,
      maxSize: Math.max(1, maxBytes),
      // A body larger than the byte bound alone is served but not kept.
      maxEntrySize: Math.max(1, maxBytes),
      sizeCalculation: (entry) => Math.max(1, entry.bytes),
      // An entry evicted while its computation runs still answers the requests waiting on it.
      ignoreFetchAbort: true,
      dispose: (entry) => {
        if (latest.get(entry.key) === entry) latest.delete(entry.key);
      },
      fetchMethod: async (_cacheKey, _stale, { context }) => {
        // The key's entry of an older generation still shows what it would show now when
        // none of its tags changed since (services/freshness): it is kept under this one.
        const previous = latest.get(context.key);
        if (previous && (await stillGood(previous, context.generation))) {
          revalidated += 1;
          return { ...previous, generation: context.generation };
        }
        misses += 1;
        const { payload, tags } = untag(await context.compute(context.generation));
        // Nothing to serve is not cached (lru-cache stores no undefined).
        if (payload === null || payload === undefined) return undefined;
        const json = context.serialize(payload);
        return {
          key: context.key,
          generation: context.generation,
          json,
          etag: strongEtag(json),
          tags,
          // The tags are kept too (up to MAX_TAG_BYTES of ASCII).
          bytes: Buffer.byteLength(json) + tags.join(' ').length,
        };
      },
    });

  let built = { ...limits() };
  let cache = built.maxEntries > 0 ? build(built) : null;
  /** The cache for the current limits: config may change them at run time. */
  const current = () => {
    const now = limits();
    if (now.maxEntries !== built.maxEntries || now.maxBytes !== built.maxBytes) {
      cache?.clear();
      built = { ...now };
      cache = now.maxEntries > 0 ? build(built) : null;
    }
    return cache;
  };

  /** Keeps only the newest generation of a key once an entry is stored. */
  const settle = (lru: LRUCache<string, Entry, Computation>, entry: Entry) => {
    const previous = latest.get(entry.key);
    if (previous === entry) return;
    if (previous && previous.generation > entry.generation) {
      lru.delete(cacheKeyOf(entry.key, entry.generation));
      return;
    }
    if (previous) lru.delete(cacheKeyOf(previous.key, previous.generation));
    if (lru.has(cacheKeyOf(entry.key, entry.generation))) latest.set(entry.key, entry);
  };

  return {
    /**
     * The cached response for `key`, or `compute()`'s result serialised and cached. `compute`
     * returning null (nothing to serve) is not cached. The generation is read BEFORE computing:
     * a write committed meanwhile makes this entry stale at once instead of hiding behind it.
     * `known` is a generation this request already read (the public-read check reads it in the
     * same statement as the permission), saving a round trip. `serialize` turns the payload
     * into the body: JSON, unless the route sends text of its own (the sitemaps' XML).
     * `compute` may return its payload `Tagged` with the cache tags of what it shows.
     */
    async get(
      key: string,
      compute: (generation: number) => Promise<unknown>,
      known?: number,
      serialize: (payload: unknown) => string = JSON.stringify
    ): Promise<PreparedResponse | null> {
      const generation = known ?? (await getService(strapi, 'freshness').current());
      const lru = current();
      if (!lru) {
        // Turned off: nothing is kept or served from before.
        misses += 1;
        const { payload, tags } = untag(await compute(generation));
        if (payload === null || payload === undefined) return null;
        const json = serialize(payload);
        return { json, etag: strongEtag(json), tags };
      }
      const cacheKey = cacheKeyOf(key, generation);
      const hit = lru.get(cacheKey);
      if (hit) {
        hits += 1;
        return hit;
      }
      // After a publish, most kept responses are still good, and this instance usually knows
      // it already (services/freshness): kept under this generation at once, without the
      // single-flight fetch's promise, abort signal and bookkeeping (about 50 µs each, for
      // half the requests after each publish, in the bench's CPU profile).
      const previous = latest.get(key);
      if (
        previous &&
        mayKeep(previous, generation) &&
        getService(strapi, 'freshness').untouchedNow(
          previous.tags,
          previous.generation,
          generation
        ) === true
      ) {
        revalidated += 1;
        const entry = { ...previous, generation };
        lru.set(cacheKey, entry);
        settle(lru, entry);
        return entry;
      }
      const entry = await lru.fetch(cacheKey, { context: { key, generation, compute, serialize } });
      if (!entry) return null;
      settle(lru, entry);
      return entry;
    },

    /** What the cache holds now, and how it answered: for the benchmark (bounds, hit share). */
    usage: () => ({
      entries: cache?.size ?? 0,
      bytes: cache?.calculatedSize ?? 0,
      hits,
      misses,
      revalidated,
    }),
  };
};

export type ResponseCacheService = ReturnType<typeof createResponseCacheService>;
export default createResponseCacheService;
