/**
 * Cache tags: the keys a CDN (Cache-Tag, Surrogate-Key) or a Next.js frontend (fetch tags)
 * files each public response under, so that a change to one story purges exactly the
 * responses that show it. One home for the server (the headers, and the purges that name
 * them) and the admin (what the manager shows a story is purged by).
 *
 * - `nr-a-<documentId>`: a story, on every response that renders it (its own page and JSON-LD,
 *   and the pages whose Baca Juga links, related entries or backlinks show it).
 * - `nr-list`: every list, search and tag page, and the related lists (suggestions rank every
 *   published story). Every change of a published story purges it.
 * - `nr-sitemap`: every sitemap.
 */

export const LIST_TAG = 'nr-list';
export const SITEMAP_TAG = 'nr-sitemap';

/** A story's key: exactly `nr-a-<documentId>`. */
export const articleTag = (documentId: string): string => `nr-a-${documentId}`;

/**
 * At most this many keys, in at most this many bytes: within what the common CDNs take in one
 * header (some bound the count of tags, others the header's size), and well within the 8 KB
 * a Varnish or Node header line is allowed by default.
 */
export const MAX_TAGS = 128;
export const MAX_TAG_BYTES = 4096;

/**
 * The response's keys, each once, within MAX_TAGS and MAX_TAG_BYTES (space-separated). Past
 * either, the keys that do not fit are left out and `nr-list` stands in for them: it is purged
 * with every change of any story, so such a response is purged more often than it needs to
 * be, never less. The first keys are kept first: callers put the story's own key first.
 */
export const boundTags = (tags: readonly string[]): string[] => {
  const unique = [...new Set(tags)];
  const size = (list: readonly string[]) => list.join(' ').length;
  if (unique.length <= MAX_TAGS && size(unique) <= MAX_TAG_BYTES) return unique;
  const kept: string[] = [];
  // Room for the keys and their separators, with " nr-list" at the end.
  let bytes = LIST_TAG.length;
  for (const tag of unique) {
    if (tag === LIST_TAG) continue;
    if (kept.length + 1 >= MAX_TAGS || bytes + tag.length + 1 > MAX_TAG_BYTES) break;
    kept.push(tag);
    bytes += tag.length + 1;
  }
  return [...kept, LIST_TAG];
};
