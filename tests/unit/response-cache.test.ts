/**
 * The response cache stays inside both of its bounds, entries and bytes, dropping the least
 * recently used first; a body larger than the byte bound is served but never kept; concurrent
 * misses of one key and generation compute once, and never across generations.
 */
import { Tagged } from '../../server/src/http/cache-tags';
import createResponseCacheService from '../../server/src/services/response-cache';

const cacheWith = (maxEntries: number, maxBytes: number) => {
  const strapi = {
    config: { get: () => ({ responseCache: { maxEntries, maxBytes } }) },
  } as any;
  return createResponseCacheService({ strapi });
};

/** A cache of 10 entries whose freshness checks go to `freshness` (a stand-in of the service). */
const cacheAsking = (freshness: object) =>
  createResponseCacheService({
    strapi: {
      config: { get: () => ({ responseCache: { maxEntries: 10, maxBytes: 10_000 } }) },
      plugin: () => ({ service: () => freshness }),
    } as any,
  });

/** A payload whose JSON is exactly `bytes` long ("x…" in quotes). */
const body = (bytes: number) => 'x'.repeat(bytes - 2);

describe('response cache bounds', () => {
  it('keeps at most maxBytes of bodies, least recently used out first', async () => {
    const cache = cacheWith(100, 250);
    let computed = 0;
    const get = (key: string, bytes: number) =>
      cache.get(key, async () => (computed++, body(bytes)), 1);
    await get('a', 100);
    await get('b', 100);
    expect(cache.usage()).toMatchObject({ entries: 2, bytes: 200 });
    await get('a', 100); // a hit: "a" is now the most recently used
    expect(computed).toBe(2);
    await get('c', 100); // 300 bytes > 250: "b", the least recently used, goes
    expect(cache.usage()).toMatchObject({ entries: 2, bytes: 200 });
    await get('a', 100);
    await get('c', 100);
    expect(computed).toBe(3);
    await get('b', 100);
    expect(computed).toBe(4);
    expect(cache.usage()).toMatchObject({ hits: 3, misses: 4 });
  });

  it('counts UTF-8 bytes, and serves a body too large to keep without keeping it', async () => {
    const cache = cacheWith(100, 250);
    const big = await cache.get('big', async () => body(300), 1);
    expect(big?.json).toHaveLength(300);
    expect(cache.usage()).toMatchObject({ entries: 0, bytes: 0 });
    await cache.get('id', async () => 'é'.repeat(50), 1); // 50 characters, 102 bytes
    expect(cache.usage()).toMatchObject({ entries: 1, bytes: 102 });
  });

  it('keeps at most maxEntries, and a new generation replaces an entry without counting it twice', async () => {
    const cache = cacheWith(2, 10_000);
    for (const key of ['a', 'b', 'c']) await cache.get(key, async () => body(10), 1);
    expect(cache.usage()).toMatchObject({ entries: 2, bytes: 20 });
    await cache.get('c', async () => body(30), 2);
    // The computation took a slot of its own (pushing out "b", the least recently used);
    // "c" of generation 1 is gone, not counted beside generation 2.
    expect(cache.usage()).toMatchObject({ entries: 1, bytes: 30 });
  });

  it('keeps nothing with maxEntries 0, and serves nothing kept before it was turned off', async () => {
    const limits = { maxEntries: 10, maxBytes: 10_000 };
    const cache = createResponseCacheService({
      strapi: { config: { get: () => ({ responseCache: limits }) } } as any,
    });
    let computed = 0;
    const get = () => cache.get('a', async () => (computed++, body(10)), 1);
    await get();
    await get();
    expect(computed).toBe(1);
    limits.maxEntries = 0;
    await get();
    expect(computed).toBe(2);
    await cache.get('b', async () => body(10), 1);
    expect(cache.usage()).toMatchObject({ entries: 0, bytes: 0 });
  });

  it('computes once for concurrent misses of one generation, never sharing across generations', async () => {
    const cache = cacheWith(100, 10_000);
    let computed = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = (generation: number) => async () => {
      computed += 1;
      await gate;
      return `story at ${generation}`;
    };
    const first = [1, 2, 3].map(() => cache.get('a', slow(1), 1));
    // A request that read a newer generation (a write committed meanwhile) computes afresh.
    const newer = cache.get('a', slow(2), 2);
    release();
    const answers = await Promise.all([...first, newer]);
    expect(computed).toBe(2);
    expect(answers.map((a) => a?.json)).toEqual([
      '"story at 1"',
      '"story at 1"',
      '"story at 1"',
      '"story at 2"',
    ]);
    // Only the newest generation of the key stays.
    expect(cache.usage()).toMatchObject({ entries: 1 });
    expect((await cache.get('a', slow(2), 2))?.json).toBe('"story at 2"');
    expect(computed).toBe(2);
  });

  it('keeps an entry at once when this instance already knows its tags did not change', async () => {
    const asked: string[] = [];
    const freshness = {
      untouchedNow: (tags: string[], since: number, now: number) => {
        asked.push(`now ${since}->${now}`);
        return tags.includes('nr-a-changed') ? false : true;
      },
      untouched: async () => {
        asked.push('untouched');
        return false;
      },
    };
    const cache = cacheAsking(freshness);
    let computed = 0;
    const story = (tags: string[]) => async () => (computed++, new Tagged('story', tags));
    await cache.get('a', story(['nr-a-a']), 1);
    await cache.get('b', story(['nr-a-changed']), 1);
    const kept = await cache.get('a', story(['nr-a-a']), 2);
    expect(kept?.json).toBe('"story"');
    await cache.get('a', story(['nr-a-a']), 2);
    await cache.get('b', story(['nr-a-changed']), 2);
    // a: kept at once, then a plain hit; b: known changed, so fetched (asked, then computed).
    expect(computed).toBe(3);
    expect(asked).toEqual(['now 1->2', 'now 1->2', 'untouched']);
    expect(cache.usage()).toMatchObject({ entries: 2, revalidated: 1, hits: 1 });
  });

  it('keeps an entry of an older generation when none of its tags changed since, once for concurrent requests', async () => {
    /** Tags changed at each generation, as services/freshness records them. */
    const changed = new Map<number, string[]>([[2, ['nr-a-other', 'nr-list']]]);
    const asked: [string[], number][] = [];
    const freshness = {
      // Nothing known without asking: every check goes through `untouched`.
      untouchedNow: () => undefined,
      untouched: async (tags: string[], since: number) => {
        asked.push([tags, since]);
        return ![...changed].some(
          ([generation, keys]) => generation > since && keys.some((key) => tags.includes(key))
        );
      },
    };
    const cache = cacheAsking(freshness);
    let computed = 0;
    const story = (tags: string[]) => async () => (computed++, new Tagged('story', tags));
    await cache.get('a', story(['nr-a-a', 'nr-a-b']), 1);
    await cache.get('list', story(['nr-list', 'nr-a-a']), 1);
    // Generation 2 changed another story and the lists: the story is kept, three requests
    // asking once; the list is computed again.
    await Promise.all([1, 2, 3].map(() => cache.get('a', story(['nr-a-a', 'nr-a-b']), 2)));
    await cache.get('list', story(['nr-list', 'nr-a-a']), 2);
    expect(computed).toBe(3);
    expect(asked).toEqual([
      [['nr-a-a', 'nr-a-b'], 1],
      [['nr-list', 'nr-a-a'], 1],
    ]);
    expect(cache.usage()).toMatchObject({ entries: 2, revalidated: 1, misses: 3 });
    // Generation 3 changed the story itself: computed again.
    changed.set(3, ['nr-a-b']);
    await cache.get('a', story(['nr-a-a', 'nr-a-b']), 3);
    expect(computed).toBe(4);
    // A response without tags cannot tell: computed again, nothing asked.
    await cache.get('plain', async () => (computed++, 'plain'), 3);
    await cache.get('plain', async () => (computed++, 'plain'), 4);
    expect(computed).toBe(6);
    expect(asked).toHaveLength(3);
  });
});
