import type { Core } from '@strapi/strapi';
import type { NewsroomConfig } from '../config';
import { PLUGIN_ID } from '../constants';
import { strongEtag } from '../http/http-cache';
import { getService } from '../utils/get-service';

/** A response body ready to send, with its validator. */
export interface PreparedResponse {
  json: string;
  etag: string;
}

interface Entry extends PreparedResponse {
  generation: number;
}

/**
 * Published responses (render-ready articles, lists, related links) kept in process memory
 * and reused while the published content's generation is unchanged (see the freshness
 * service). A miss or a changed generation recomputes from the database, so the cache holds
 * nothing another instance needs, and a restart, a second instance or an edit elsewhere never
 * sees a stale story. Bounded by `responseCache.maxEntries`, least recently used first out.
 */
const createResponseCacheService = ({ strapi }: { strapi: Core.Strapi }) => {
  const entries = new Map<string, Entry>();
  const maxEntries = () =>
    (strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsroomConfig).responseCache.maxEntries;

  return {
    /**
     * The cached response for `key`, or `compute()`'s result serialised and cached. `compute`
     * returning null (nothing to serve) is not cached. The generation is read BEFORE computing:
     * a write committed meanwhile makes this entry stale at once instead of hiding behind it.
     * `known` is a generation this request already read (the public-read check reads it in the
     * same statement as the permission), saving a round trip. `serialize` turns the payload
     * into the body: JSON, unless the route sends text of its own (the sitemaps' XML).
     */
    async get(
      key: string,
      compute: (generation: number) => Promise<unknown>,
      known?: number,
      serialize: (payload: unknown) => string = JSON.stringify
    ): Promise<PreparedResponse | null> {
      const generation = known ?? (await getService(strapi, 'freshness').current());
      const hit = entries.get(key);
      if (hit && hit.generation === generation) {
        // Re-inserted to mark it most recently used.
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const payload = await compute(generation);
      if (payload === null || payload === undefined) return null;
      const json = serialize(payload);
      const entry: Entry = { json, etag: strongEtag(json), generation };
      const limit = maxEntries();
      if (limit > 0) {
        entries.delete(key);
        entries.set(key, entry);
        while (entries.size > limit) entries.delete(entries.keys().next().value as string);
      }
      return entry;
    },
  };
};

export type ResponseCacheService = ReturnType<typeof createResponseCacheService>;
export default createResponseCacheService;
