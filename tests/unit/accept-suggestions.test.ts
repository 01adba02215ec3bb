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
  fitsAfter: paragraphId ? { paragraphId, number: 0, matchedTerms: [] } : null,
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
