/**
 * The placement history's pure rules (#shared/baca-juga/placement-history): a stored version
 * as recorded, the changes between two records and their summary, and a restore computed
 * against the story as it is now.
 */
import type { PlacementState, StoredLink } from '#shared/baca-juga/invariants';
import {
  historyPlacementOf,
  placementChanges,
  restoredLinks,
  samePlacement,
  summarizeChanges,
  type HistoryPlacement,
} from '#shared/baca-juga/placement-history';

const body = [
  { id: 'p-aaaaaa', text: 'Satu.' },
  { id: 'p-bbbbbb', text: 'Dua.' },
  { id: 'p-cccccc', text: 'Tiga.' },
];
const link = (documentId: string, over: Partial<StoredLink> = {}): StoredLink => ({
  documentId,
  sources: ['story'],
  targets: [`t-${documentId}`],
  url: null,
  label: null,
  afterParagraphId: 'p-aaaaaa',
  variantAfterParagraphId: null,
  position: 0,
  needsReview: false,
  ...over,
});
const state = (links: StoredLink[], quotes: PlacementState['quotes'] = []): PlacementState => ({
  documentId: 'story',
  version: 'draft',
  body,
  links,
  quotes,
});
const titles: Record<string, string> = { 't-a': 'Harga Beras', 't-b': 'Panen Raya' };
const titleOf = (id: string) => titles[id] ?? null;
const summary = (before: HistoryPlacement, after: HistoryPlacement) =>
  summarizeChanges(placementChanges(before, after), titleOf);

describe('placement history', () => {
  it('records links in reading order with their slot numbers then', () => {
    const recorded = historyPlacementOf(
      state([
        link('b', { afterParagraphId: 'p-cccccc' }),
        link('a', { afterParagraphId: 'start', label: 'Soal beras' }),
        link('c', { afterParagraphId: 'p-gone00', targets: [], url: 'https://x.id/a' }),
      ])
    );
    expect(recorded.links.map((l) => [l.documentId, l.slot, l.target, l.label])).toEqual([
      ['a', 0, 't-a', 'Soal beras'],
      ['b', 3, 't-b', null],
      ['c', null, null, null],
    ]);
    expect(historyPlacementOf(null)).toEqual({ links: [], quotes: [] });
  });

  it('says what changed, pairing a link placed again by its target', () => {
    const before = historyPlacementOf(
      state([link('a', { label: 'Soal beras' }), link('b', { afterParagraphId: 'p-bbbbbb' })])
    );
    const after = historyPlacementOf(
      state(
        [
          link('a', { label: 'Beras mahal', afterParagraphId: 'p-cccccc' }),
          // b deleted and placed anew (another row) at the start: one link moved.
          link('b2', { targets: ['t-b'], afterParagraphId: 'start' }),
          link('d', { targets: [], url: 'https://x.id/d' }),
        ],
        [{ documentId: 'q', owners: ['story'], text: 'Kami siap.', paragraphId: 'p-bbbbbb' }]
      )
    );
    expect(summary(before, after)).toBe(
      [
        'added "https://x.id/d" after paragraph 1',
        'moved "Beras mahal" from after paragraph 1 to after paragraph 3',
        'relabelled "Soal beras" as "Beras mahal"',
        'moved "Panen Raya" from after paragraph 2 to before the first paragraph',
        'added a quote in paragraph 2',
      ].join('; ')
    );
    expect(summary(after, before)).toMatch(/^removed "https:\/\/x.id\/d" from after paragraph 1;/);
    expect(samePlacement(before, before)).toBe(true);
    expect(samePlacement(before, after)).toBe(false);
    expect(summary(before, before)).toBe('no change to links or quotes');
  });

  it('restores what can stand again, and says what cannot', () => {
    const recorded = historyPlacementOf(
      state([
        link('a', { afterParagraphId: 'start', variantAfterParagraphId: 'p-gone00' }),
        link('b', { afterParagraphId: 'p-cccccc' }),
        link('c', { afterParagraphId: 'p-bbbbbb' }),
      ])
    );
    const { links, skipped } = restoredLinks(recorded, {
      links: [{ documentId: 'a', target: 't-a', url: null }],
      paragraphIds: new Set(['p-aaaaaa', 'p-bbbbbb']),
      targets: new Set(['t-a', 't-b']),
    });
    expect(links).toEqual([
      {
        documentId: 'a',
        targetDocumentId: 't-a',
        url: null,
        label: null,
        afterParagraphId: 'start',
        variantAfterParagraphId: null,
      },
    ]);
    expect(skipped.map((s) => [s.link.documentId, s.reason])).toEqual([
      ['c', 'target-gone'],
      ['b', 'paragraph-gone'],
    ]);
  });

  it('moves a standing link to the same story rather than placing a copy', () => {
    // Last night: a link to t-a after paragraph 1 and one to an address. This morning a
    // colleague removed both and put t-a back as a new link (x), after paragraph 2.
    const recorded = historyPlacementOf(
      state([
        link('a'),
        link('e', { targets: [], url: 'https://x.id/d', afterParagraphId: 'p-bbbbbb' }),
      ])
    );
    const { links } = restoredLinks(recorded, {
      links: [
        { documentId: 'x', target: 't-a', url: null },
        { documentId: 'y', target: null, url: 'https://x.id/other' },
      ],
      paragraphIds: new Set(['p-aaaaaa', 'p-bbbbbb']),
      targets: new Set(['t-a']),
    });
    expect(
      links.map((l) => [l.documentId, l.targetDocumentId ?? l.url, l.afterParagraphId])
    ).toEqual([
      // x carries a's place (its clicks stay with it); the address is placed anew
      ['x', 't-a', 'p-aaaaaa'],
      [undefined, 'https://x.id/d', 'p-bbbbbb'],
    ]);
  });
});
