import type { Placement, Suggestion } from '#shared/contracts/admin';
import { acceptSuggestions } from '../../admin/src/utils/acceptSuggestions';

const placement = {
  version: 'v-1',
  paragraphs: [
    { id: 'p-000001', text: 'Satu.' },
    { id: 'p-000002', text: 'Dua.' },
    { id: 'p-000003', text: 'Tiga.' },
  ],
  links: [
    {
      documentId: 'link-1',
      targetArticle: {
        documentId: 'old',
        title: 'Lama',
        slug: 'lama',
        status: 'published',
        placeholder: false,
        publishedTitle: 'Lama',
      },
      url: null,
      label: 'Lama',
      afterParagraphId: 'p-000002',
      position: 0,
      // Under a position test: accepting suggestions must not end it.
      variantAfterParagraphId: 'p-000003',
      variantSince: '2026-12-01T00:00:00.000Z',
      health: 'ok',
      needsReview: false,
      waitsForStory: false,
      changedAt: null,
      changedBy: null,
    },
  ],
} as unknown as Placement;

const suggestion = (documentId: string, paragraphId: string | null): Suggestion => ({
  documentId,
  title: documentId,
  slug: documentId,
  status: 'published',
  score: 1,
  sharedTags: [],
  matchedTerms: [],
  coverage: 0.3,
  fitsAfter: paragraphId
    ? {
        paragraphId,
        number: 0,
        matchedTerms: [],
        reason: { slot: 'usual-first' as const, link: null, insteadOf: null, house: false },
      }
    : null,
});

describe('accepting suggestions from the orphans queue', () => {
  it('puts each after the paragraph it fits, keeping the other links, with the version', () => {
    const { body, placed, left } = acceptSuggestions(placement, [
      suggestion('a', 'p-000002'),
      suggestion('b', 'p-000001'),
      suggestion('none', null),
      suggestion('gone', 'p-999999'),
      suggestion('old', 'p-000003'),
    ]);
    expect(body).toEqual({
      version: 'v-1',
      links: [
        {
          label: null,
          afterParagraphId: 'p-000001',
          variantAfterParagraphId: null,
          targetDocumentId: 'b',
        },
        {
          label: 'Lama',
          afterParagraphId: 'p-000002',
          variantAfterParagraphId: 'p-000003',
          documentId: 'link-1',
          targetDocumentId: 'old',
        },
        {
          label: null,
          afterParagraphId: 'p-000002',
          variantAfterParagraphId: null,
          targetDocumentId: 'a',
        },
      ],
    });
    expect(placed.map((s) => s.documentId)).toEqual(['a', 'b']);
    expect(left.map((s) => s.documentId)).toEqual(['none', 'gone', 'old']);
  });
});

describe('accepting several suggestions at once', () => {
  const long = {
    version: 'v-2',
    paragraphs: Array.from({ length: 12 }, (_, i) => ({
      id: `p-${String(i + 1).padStart(6, '0')}`,
      text: `Paragraf ${i + 1}.`,
    })),
    links: [],
  } as unknown as Placement;
  const number = (id: string) => Number(id.slice(2));

  it('spaces a batch the server placed in one slot, the first keeping its own', () => {
    // The server chose paragraph 4 for each, as if each were the only new link.
    const { body, placed } = acceptSuggestions(long, [
      suggestion('a', 'p-000004'),
      suggestion('b', 'p-000004'),
      suggestion('c', 'p-000004'),
    ]);
    expect(placed.map((s) => s.documentId)).toEqual(['a', 'b', 'c']);
    const after = Object.fromEntries(
      body.links.map((l) => [l.targetDocumentId, number(l.afterParagraphId)])
    );
    expect(after.a).toBe(4);
    const slots = Object.values(after) as number[];
    for (const [i, x] of slots.entries())
      for (const y of slots.slice(i + 1)) expect(Math.abs(x - y)).toBeGreaterThanOrEqual(2);
  });

  it('keeps a suggestion’s own slot when nothing stands beside it', () => {
    const { body } = acceptSuggestions(long, [
      suggestion('a', 'p-000004'),
      suggestion('b', 'p-000009'),
    ]);
    expect(body.links.map((l) => number(l.afterParagraphId))).toEqual([4, 9]);
  });
});
