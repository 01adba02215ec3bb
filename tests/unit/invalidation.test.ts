/**
 * The `newsroom.invalidate` event's rule (server/src/http/invalidation): from each changed
 * story's neighbourhood before its write and now, the tags, stories and paths to purge.
 */
import {
  buildInvalidation,
  strongerReason,
  type StoryChange,
} from '../../server/src/http/invalidation';
import type { Neighbourhood } from '../../server/src/database/purge-neighbours';

const hood = (slug: string | null, linkedFrom: string[] = [], targets: string[] = []) =>
  ({ slug, linkedFrom, targets }) as Neighbourhood;

const build = (
  changes: StoryChange[],
  after: Record<string, Neighbourhood>,
  live: Record<string, string | string[]>
) =>
  buildInvalidation({
    id: 'event-1',
    changes,
    after: new Map(Object.entries(after)),
    liveSlugs: new Map(Object.entries(live)),
    hrefPattern: '/berita/:slug',
  });

describe('newsroom.invalidate', () => {
  it('purges a renamed story under both paths, with the stories linking to it', () => {
    const event = build(
      [{ documentId: 't', reason: 'publish', before: hood('lama', ['s'], ['u']) }],
      { t: hood('baru', ['s'], ['u']) },
      { t: 'baru', s: 'cerita-s', u: 'cerita-u' }
    );
    expect(event).toEqual({
      id: 'event-1',
      reason: 'publish',
      // s and u carry t's key already (a link to t, a backlink from t): t's key purges them.
      tags: ['nr-a-t', 'nr-list', 'nr-sitemap'],
      documentIds: ['t', 's', 'u'],
      paths: {
        old: ['/berita/lama'],
        new: ['/berita/baru', '/berita/cerita-s', '/berita/cerita-u'],
      },
    });
  });

  it("adds the key of a story linked to only since the change: its page lacked the story's key", () => {
    const event = build(
      [{ documentId: 't', reason: 'update', before: hood('t', [], ['u']) }],
      { t: hood('t', [], ['u', 'v']) },
      { t: 't', u: 'u', v: 'v' }
    );
    expect(event.tags).toEqual(['nr-a-t', 'nr-a-v', 'nr-list', 'nr-sitemap']);
    expect(event.paths.old).toEqual([]);
  });

  it('names an unpublished story by its old path only, and the stories that linked to it', () => {
    const event = build(
      [{ documentId: 't', reason: 'unpublish', before: hood('t-slug', ['s']) }],
      { t: hood(null) },
      { s: 's-slug' }
    );
    expect(event.documentIds).toEqual(['t', 's']);
    expect(event.paths).toEqual({ old: ['/berita/t-slug'], new: ['/berita/s-slug'] });
  });

  it('merges a batch into one event: each story once, changed stories first, mixed reasons said', () => {
    const event = build(
      [
        { documentId: 'b', reason: 'publish', before: hood(null) },
        { documentId: 'a', reason: 'delete', before: hood('a', ['b']) },
        { documentId: 'b', reason: 'publish', before: hood('b') },
      ],
      { a: hood(null), b: hood('b') },
      { b: 'b' }
    );
    expect(event.reason).toBe('mixed');
    expect(event.documentIds).toEqual(['b', 'a']);
    expect(event.tags).toEqual(['nr-a-b', 'nr-a-a', 'nr-list', 'nr-sitemap']);
    expect(event.paths).toEqual({ old: ['/berita/a'], new: ['/berita/b'] });
  });

  it('sends every earlier slug on a resend, never the one live now', () => {
    const event = build(
      [{ documentId: 't', reason: 'resend', before: hood('kini'), oldSlugs: ['dulu', 'kini'] }],
      { t: hood('kini') },
      { t: 'kini' }
    );
    expect(event.paths).toEqual({ old: ['/berita/dulu'], new: ['/berita/kini'] });
  });

  it('keeps the weightiest reason of two writes to one story', () => {
    expect(strongerReason('update', 'publish')).toBe('publish');
    expect(strongerReason('unpublish', 'publish')).toBe('unpublish');
    expect(strongerReason('publish', 'delete')).toBe('delete');
  });
  it("purges every locale's path of a translated story (a slug names one story in one language)", () => {
    const before = { ...hood('korut-sahkan'), otherSlugs: ['north-korea-ratifies'] };
    const event = build(
      [{ documentId: 't', reason: 'unpublish', before }],
      { t: hood('korut-sahkan') },
      { t: ['korut-sahkan'] }
    );
    // The English version went down: its path is old; the Indonesian one is live.
    expect(event.paths).toEqual({
      old: ['/berita/north-korea-ratifies'],
      new: ['/berita/korut-sahkan'],
    });
    const both = build(
      [{ documentId: 't', reason: 'publish', before: hood(null) }],
      { t: hood('korut-sahkan') },
      { t: ['korut-sahkan', 'north-korea-ratifies'] }
    );
    expect(both.paths.new).toEqual(['/berita/korut-sahkan', '/berita/north-korea-ratifies']);
  });
});
