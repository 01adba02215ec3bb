/**
 * Position tests: one rule places a tested link for readers (the render), judges what is
 * stored (the invariants) and ends a test (the manager's "keep the winner").
 */
import { inPositionTest, keepSlot, readerSlot } from '#shared/baca-juga/position-test';
import { placementViolations, type PlacementState } from '#shared/baca-juga/invariants';
import { composeArticle } from '../../server/src/services/render/compose';

const P1 = 'p-1111111111';
const P2 = 'p-2222222222';
const P3 = 'p-3333333333';
const ids = new Set([P1, P2, P3]);

describe('readerSlot', () => {
  const tested = { afterParagraphId: P1, variantAfterParagraphId: P3 };

  it('puts a tested link in its first slot for "a", its second for "b", and names the variant', () => {
    expect(readerSlot(tested, 'a', ids)).toEqual({
      afterParagraphId: P1,
      variant: 'a',
      second: false,
    });
    expect(readerSlot(tested, 'b', ids)).toEqual({
      afterParagraphId: P3,
      variant: 'b',
      second: true,
    });
  });

  it('without a variant, everyone gets the first slot and no variant is named', () => {
    expect(readerSlot(tested, null, ids)).toEqual({
      afterParagraphId: P1,
      variant: null,
      second: false,
    });
  });

  it('runs no test while this version lacks either slot, or the slots are one', () => {
    const published = new Set([P1, P2]); // the second slot's paragraph is only in the draft
    expect(inPositionTest(tested, published)).toBe(false);
    expect(readerSlot(tested, 'b', published)).toEqual({
      afterParagraphId: P1,
      variant: null,
      second: false,
    });
    expect(inPositionTest({ afterParagraphId: P1, variantAfterParagraphId: P1 }, ids)).toBe(false);
    expect(inPositionTest({ afterParagraphId: P1, variantAfterParagraphId: '' }, ids)).toBe(false);
    expect(inPositionTest({ afterParagraphId: 'start', variantAfterParagraphId: P2 }, ids)).toBe(
      true
    );
  });

  it('keeping the winner leaves one slot: the second for "b", the first for "a"', () => {
    expect(keepSlot(tested, 'b')).toEqual({ afterParagraphId: P3, variantAfterParagraphId: null });
    expect(keepSlot(tested, 'a')).toEqual({ afterParagraphId: P1, variantAfterParagraphId: null });
  });
});

describe('composeArticle with a variant', () => {
  const article = {
    documentId: 'doc1',
    slug: 'cerita',
    title: 'Cerita',
    body: [
      { id: P1, text: 'Satu' },
      { id: P2, text: 'Dua' },
      { id: P3, text: 'Tiga' },
    ],
  };
  const links = [
    {
      id: 1,
      documentId: 'tested',
      afterParagraphId: P1,
      variantAfterParagraphId: P3,
      position: 0,
      url: 'https://contoh.id/uji',
      label: 'Diuji',
    },
    {
      id: 2,
      documentId: 'fixed',
      afterParagraphId: P3,
      position: 5,
      url: 'https://contoh.id/tetap',
      label: 'Tetap',
    },
  ];
  const layout = (variant: 'a' | 'b' | null) =>
    composeArticle(article, links, [], '/berita/:slug', [], variant).body.map((b) =>
      b.type === 'paragraph' ? b.text : `${b.label}:${b.variant ?? '-'}`
    );

  it('places the tested link per variant, after the links already in its second slot', () => {
    expect(layout('a')).toEqual(['Satu', 'Diuji:a', 'Dua', 'Tiga', 'Tetap:-']);
    // Its position (0) counts in its first slot only: in the second it goes last.
    expect(layout('b')).toEqual(['Satu', 'Dua', 'Tiga', 'Tetap:-', 'Diuji:b']);
    expect(layout(null)).toEqual(['Satu', 'Diuji:-', 'Dua', 'Tiga', 'Tetap:-']);
  });
});

describe('the invariant of a second slot', () => {
  const state = (
    version: 'draft' | 'published',
    variantAfterParagraphId: unknown
  ): PlacementState => ({
    documentId: 'doc1',
    version,
    body: [
      { id: P1, text: 'Satu' },
      { id: P2, text: 'Dua' },
    ],
    links: [
      {
        documentId: 'l1',
        sources: ['doc1'],
        targets: [],
        url: 'https://contoh.id/a',
        label: null,
        afterParagraphId: P1,
        variantAfterParagraphId,
        position: 0,
      },
    ],
    quotes: [],
  });
  const limits = { maxLinksPerArticle: 10 };
  const fields = (s: PlacementState) =>
    placementViolations(s, limits).map((v) => `${v.field}: ${v.message}`);

  it('a draft second slot is a paragraph of the story, and not the first slot', () => {
    expect(fields(state('draft', P2))).toEqual([]);
    expect(fields(state('draft', 'start'))).toEqual([]);
    expect(fields(state('draft', null))).toEqual([]);
    expect(fields(state('draft', 'p-9999999999'))).toEqual([
      "variantAfterParagraphId: is not a paragraph of the link's article",
    ]);
    expect(fields(state('draft', P1))).toEqual([
      'variantAfterParagraphId: the second slot of a position test must differ from the first',
    ]);
  });

  it('a published second slot the published story lacks is no violation: the test waits', () => {
    expect(fields(state('published', 'p-9999999999'))).toEqual([]);
  });
});
