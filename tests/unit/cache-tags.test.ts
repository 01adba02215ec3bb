/**
 * Cache tags (#shared/cache-tags, server/src/http/cache-tags): the keys each public response
 * is filed under, and the bound that keeps one header within what CDNs take.
 */
import { LIST_TAG, MAX_TAGS, MAX_TAG_BYTES, articleTag, boundTags } from '#shared/cache-tags';
import {
  Tagged,
  articleTags,
  listTags,
  relatedTags,
  untag,
} from '../../server/src/http/cache-tags';
import type { RenderedArticle } from '../../server/src/services/render/types';
import { markWaiting } from '../../server/src/services/render/waiting-links';

const id = (n: number) => `doc${String(n).padStart(21, '0')}`;

describe('cache tags', () => {
  it('names a story exactly nr-a-<documentId>', () => {
    expect(articleTag('k2w9vq4u1x8c3m5n7b6z0a1s')).toBe('nr-a-k2w9vq4u1x8c3m5n7b6z0a1s');
  });

  it('tags a rendered story with itself first, then the stories it shows', () => {
    const article = {
      documentId: 'self',
      body: [
        { type: 'paragraph', id: 'p1', text: 'Satu.' },
        { type: 'baca-juga', target: { documentId: 'target' } },
        // Awaiting copy, or a URL: no story shown.
        { type: 'baca-juga', target: null },
      ],
      linkedFrom: [{ documentId: 'source' }],
    } as unknown as RenderedArticle;
    expect(articleTags(article)).toEqual(['nr-a-self', 'nr-a-target', 'nr-a-source']);
    // A link waiting on a story not live names no story, but its publication changes the page.
    expect(articleTags(markWaiting({ ...article }, true))).toEqual([
      'nr-a-self',
      'nr-a-target',
      'nr-a-source',
      LIST_TAG,
    ]);
    expect(JSON.stringify(markWaiting({ ...article }, true))).toBe(JSON.stringify(article));
    expect(listTags(['a', 'b'])).toEqual([LIST_TAG, 'nr-a-a', 'nr-a-b']);
    expect(relatedTags('self', [{ target: { documentId: 't' } }, { target: null }])).toEqual([
      'nr-a-self',
      'nr-a-t',
      LIST_TAG,
    ]);
  });

  it('keeps each key once, and within the bounds keeps them all', () => {
    expect(boundTags(['nr-a-x', 'nr-a-y', 'nr-a-x'])).toEqual(['nr-a-x', 'nr-a-y']);
    const full = Array.from({ length: MAX_TAGS }, (_, i) => articleTag(id(i)));
    expect(full.join(' ').length).toBeLessThanOrEqual(MAX_TAG_BYTES);
    expect(boundTags(full)).toEqual(full);
  });

  it('past either bound, leaves the rest out and puts nr-list in their place', () => {
    const many = Array.from({ length: 300 }, (_, i) => articleTag(id(i)));
    const bounded = boundTags(many);
    expect(bounded.length).toBeLessThanOrEqual(MAX_TAGS);
    expect(bounded.join(' ').length).toBeLessThanOrEqual(MAX_TAG_BYTES);
    expect(bounded[0]).toBe(many[0]);
    expect(bounded[bounded.length - 1]).toBe(LIST_TAG);
    // Long keys hit the byte bound before the count.
    const long = Array.from({ length: 100 }, (_, i) => `nr-a-${'x'.repeat(60)}${i}`);
    const byBytes = boundTags(long);
    expect(byBytes.length).toBeLessThan(100);
    expect(byBytes.join(' ').length).toBeLessThanOrEqual(MAX_TAG_BYTES);
    expect(byBytes[byBytes.length - 1]).toBe(LIST_TAG);
    // A list past the bound keeps its nr-list once.
    expect(boundTags(listTags(many.map((_, i) => id(i)))).filter((t) => t === LIST_TAG)).toEqual([
      LIST_TAG,
    ]);
  });

  it('unwraps a tagged payload, bounded, and gives a plain one no tags', () => {
    expect(untag(new Tagged({ a: 1 }, ['nr-a-x', 'nr-a-x']))).toEqual({
      payload: { a: 1 },
      tags: ['nr-a-x'],
    });
    expect(untag('<xml/>')).toEqual({ payload: '<xml/>', tags: [] });
    expect(untag(null)).toEqual({ payload: null, tags: [] });
  });
});
