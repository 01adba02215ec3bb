/**
 * The rules placeholders rest on, in their one home (shared/baca-juga): no story goes public
 * without paragraphs, and a link to a placeholder is "awaiting copy", shown to readers as text.
 */
import { isBroken, linkHealth, linkHealthTable } from '#shared/baca-juga/health';
import { readerView } from '#shared/baca-juga/reader-view';
import { placementViolations, type PlacementState } from '#shared/baca-juga/invariants';

const limits = { maxLinksPerArticle: 10 };
const state = (version: 'draft' | 'published', body: unknown): PlacementState => ({
  documentId: 'a1',
  version,
  body,
  links: [],
  quotes: [],
});

describe('a story without paragraphs', () => {
  it.each([[[]], [null]])('may be a draft (body %j), never published', (body) => {
    expect(placementViolations(state('draft', body), limits)).toEqual([]);
    expect(placementViolations(state('published', body), limits)).toEqual([
      expect.objectContaining({
        kind: 'article',
        field: 'body',
        message: 'a story needs at least one paragraph before it is published',
      }),
    ]);
  });

  it.each([
    ['a zero-width space', '\u200b'],
    ['a soft hyphen', '\u00ad'],
    ['a word joiner', '\u2060'],
    ['no-break spaces and a byte order mark', '\u00a0\ufeff\u00a0'],
  ])('whose only paragraph is %s has none: never published', (_name, text) => {
    const body = [{ id: 'p-0123456789ab', text }];
    const published = placementViolations(state('published', body), limits);
    expect(published).toContainEqual(
      expect.objectContaining({
        field: 'body',
        message: 'a story needs at least one paragraph before it is published',
      })
    );
    // Nor saved as a draft: a paragraph without visible text is an empty one.
    expect(placementViolations(state('draft', body), limits)).toEqual([
      expect.objectContaining({ field: 'body.0.text', message: 'must not be empty' }),
    ]);
  });

  it('is publishable once it has a paragraph', () => {
    const body = [{ id: 'p-0123456789ab', text: 'Satu.' }];
    expect(placementViolations(state('published', body), limits)).toEqual([]);
  });
});

describe('links to a placeholder', () => {
  const facts = {
    hasTarget: true,
    targetPublished: false,
    targetAwaitingCopy: true,
    targetEverPublished: false,
    hasUrl: false,
  };

  it('are awaiting copy: not broken, and shown to readers as their own label, in text', () => {
    expect(linkHealth(facts)).toBe('awaiting-copy');
    expect(isBroken('awaiting-copy')).toBe(false);
    const target = { published: false, publishedTitle: null, awaitingCopy: true };
    expect(readerView({ label: 'Judul' }, target)).toEqual({ kind: 'text', label: 'Judul' });
    expect(readerView({ label: null }, target)).toMatchObject({ kind: 'held' });
  });

  it('become ordinary links once the story is published, broken ones if it is deleted', () => {
    expect(linkHealth({ ...facts, targetPublished: true })).toBe('ok');
    expect(linkHealth({ ...facts, hasTarget: false })).toBe('target-deleted');
  });

  it('the truth table the SQL is generated from has every combination, awaiting copy included', () => {
    const table = linkHealthTable();
    expect(table).toHaveLength(32);
    expect(table.filter((r) => r.health === 'awaiting-copy')).toHaveLength(4);
  });
});
