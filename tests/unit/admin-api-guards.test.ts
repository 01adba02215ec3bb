/**
 * The admin's checks of the routes' answers (admin/src/api/guards.ts, with the contract's
 * schemas in shared/contracts), its one reading of a
 * failed request (admin/src/api/errors.ts) and its query strings (admin/src/api/urls.ts).
 */
import {
  ContractError,
  parseArticleList,
  parseLinkHealth,
  parseLinkStats,
  parsePlacement,
  parsePlacementSave,
  parseOrphans,
  parseSpeakerDecision,
  parseSuggestions,
  parseTargets,
} from '../../admin/src/api/guards';
import { firstErrorPath, toApiError } from '../../admin/src/api/errors';
import {
  checkContract,
  placementSchema,
  type AdminArticleRow,
  type ArticleStatus,
  type FitsAfter,
  type LinkHealth,
  type LinkStats,
  type PlacedLink,
  type PlacedQuote,
  type Placement,
  type Suggestion,
} from '../../shared/contracts/admin';
import { withQuery } from '../../admin/src/api/urls';

const counts = {
  ok: 1,
  external: 0,
  'awaiting-copy': 0,
  'target-draft': 0,
  'target-unpublished': 0,
  'target-deleted': 2,
};

const placement = () => ({
  article: {
    documentId: 'a1',
    title: 'Banjir Jakarta',
    slug: 'banjir-jakarta',
    status: 'published',
    tags: ['Jakarta'],
    lead: null,
    updatedAt: '2025-01-01T00:00:00.000Z',
  },
  paragraphs: [{ id: 'p-aaaaaa', text: 'Hujan deras.' }],
  publishedParagraphIds: ['p-aaaaaa'],
  links: [
    {
      documentId: 'l1',
      targetArticle: {
        documentId: 'a2',
        title: 'Tanggul Jebol',
        slug: 'tanggul-jebol',
        status: 'draft',
        placeholder: false,
        publishedTitle: null,
      },
      url: null,
      label: null,
      afterParagraphId: 'p-aaaaaa',
      position: 0,
      variantAfterParagraphId: 'start',
      variantSince: '2026-12-01T08:00:00.000Z',
      health: 'target-draft',
      needsReview: false,
      waitsForStory: false,
      changedAt: '2024-11-13T08:00:00.000Z',
      changedBy: 'Rina Editor',
    },
    {
      documentId: 'l2',
      targetArticle: null,
      url: null,
      label: 'Gone',
      afterParagraphId: 'start',
      position: 0,
      variantAfterParagraphId: null,
      variantSince: null,
      health: 'target-deleted',
      needsReview: true,
      waitsForStory: false,
      changedAt: null,
      changedBy: null,
    },
  ],
  quotes: [
    {
      documentId: 'q1',
      text: 'Kami siaga.',
      speaker: null,
      speakerRole: null,
      relayedBy: null,
      kind: 'full',
      paragraphId: 'p-aaaaaa',
      needsReview: true,
      suggestedSpeaker: null,
      suggestedRole: null,
      speakerConfirmed: false,
      attribution: null,
      version: 'q1-version',
    },
  ],
  linkedFrom: [
    {
      documentId: 'src1',
      title: 'Sumber',
      slug: 'sumber',
      status: 'published',
      placeholder: false,
    },
  ],
  oldSlugs: ['korut-ratifikasi-pakta'],
  version: 'v1',
  maxLinks: 5,
});

describe('response guards', () => {
  it('pass a placement that matches the contract through, unwrapped', () => {
    const data = placement();
    expect(parsePlacement({ data })).toBe(data);
    expect(parsePlacementSave({ data, meta: { wentLive: 1, waitingForStory: 0 } })).toEqual({
      placement: data,
      outcome: { wentLive: 1, waitingForStory: 0 },
    });
  });

  it('name the route and the field that does not match', () => {
    const data = placement();
    (data.links[1] as { health: string }).health = 'broken';
    expect(() => parsePlacement({ data })).toThrow(ContractError);
    expect(() => parsePlacement({ data })).toThrow(
      /GET \/newsroom\/articles\/:documentId\/placement .*data\.links\[1\]\.health: expected one of ok, .*got "broken"/
    );
    expect(() => parsePlacement({ data: { ...placement(), version: 3 } })).toThrow(
      /data\.version: expected a string, got 3/
    );
    expect(() => parsePlacement({ data: null })).toThrow(/data: expected an object, got null/);
    // A server that does not know position tests yet.
    const old = placement();
    delete (old.links[0] as { variantAfterParagraphId?: string }).variantAfterParagraphId;
    expect(() => parsePlacement({ data: old })).toThrow(
      /data\.links\[0\]\.variantAfterParagraphId: expected a string or null, got nothing/
    );
    // An old server without the save outcome.
    expect(() => parsePlacementSave({ data: placement() })).toThrow(/meta: expected an object/);
  });

  it("check the readers' counts per link", () => {
    const counts = { total: 3, a: 1, b: 1 };
    const stats = {
      days: 30,
      views: counts,
      links: [
        {
          link: 'l1',
          clicks: { total: 1, a: 0, b: 1 },
          clickThrough: 1 / 3,
          test: {
            since: '2026-12-01',
            slots: { a: 'p-aaaaaa', b: 'start' },
            views: { a: 1, b: 1 },
            clicks: { a: 0, b: 1 },
          },
        },
        { link: 'l2', clicks: { total: 0, a: 0, b: 0 }, clickThrough: null, test: null },
      ],
    };
    expect(parseLinkStats({ data: stats })).toEqual(stats);
    expect(() => parseLinkStats({ data: { ...stats, views: { total: 3, b: 1 } } })).toThrow(
      /data\.views\.a: expected a number/
    );
    expect(() =>
      parseLinkStats({ data: { ...stats, links: [{ ...stats.links[0], clickThrough: '33%' }] } })
    ).toThrow(/data\.links\[0\]\.clickThrough/);
    const test = stats.links[0].test!;
    expect(() =>
      parseLinkStats({
        data: { ...stats, links: [{ ...stats.links[0], test: { ...test, views: { a: 1 } } }] },
      })
    ).toThrow(/data\.links\[0\]\.test\.views\.b: expected a number/);
    expect(() =>
      parseLinkStats({ data: { ...stats, links: [{ ...stats.links[1], test: undefined }] } })
    ).toThrow(/data\.links\[0\]\.test: expected an object or null, got nothing/);
  });

  it('check the list, its pagination and the other routes', () => {
    const row = {
      documentId: 'a1',
      title: null, // a draft saved without its title
      slug: null,
      status: 'modified',
      placeholder: false,
      tags: [],
      linkCount: 2,
      brokenCount: 1,
      reviewCount: 0,
      unconfirmedSpeakerCount: 0,
      updatedAt: '2025-01-01T00:00:00.000Z',
      lastEditedAt: '2025-01-02T00:00:00.000Z',
      lastEditOf: 'links',
    };
    const pagination = { page: 1, pageSize: 25, pageCount: 1, total: 1 };
    expect(parseArticleList({ data: [row], meta: { pagination } }).data).toEqual([row]);
    expect(() => parseArticleList({ data: [row], meta: {} })).toThrow(
      /meta\.pagination: expected an object/
    );
    expect(() =>
      parseArticleList({ data: [{ ...row, tags: 'Jakarta' }], meta: { pagination } })
    ).toThrow(/data\[0\]\.tags: expected an array/);
    // A server from before "Last edited" counted links: the list says which field it lacks.
    expect(() =>
      parseArticleList({ data: [{ ...row, lastEditOf: undefined }], meta: { pagination } })
    ).toThrow(/data\[0\]\.lastEditOf: expected one of story, links, got nothing/);

    const target = {
      documentId: 'a2',
      title: 'T',
      slug: 't',
      status: 'published',
      placeholder: true,
      publishedTitle: null,
      updatedAt: null,
    };
    expect(parseTargets({ data: [target] })).toEqual([target]);
    expect(() => parseTargets({ data: [{ ...target, status: 'archived' }] })).toThrow(
      /data\[0\]\.status/
    );

    const report = {
      counts,
      review: { links: 1, quotes: 2 },
      articles: [{ documentId: 'a1', title: 'T', slug: 't', status: 'draft', counts }],
      unclicked: [{ documentId: 'a5', title: 'U', slug: 'u', views: 140, links: 2 }],
    };
    expect(parseLinkHealth({ data: report })).toBe(report);
    expect(() =>
      parseLinkHealth({
        data: { ...report, unclicked: [{ ...report.unclicked[0], views: '140' }] },
      })
    ).toThrow(/data\.unclicked\[0\]\.views: expected a number/);
    expect(() => parseLinkHealth({ data: { ...report, unclicked: undefined } })).toThrow(
      /data\.unclicked: expected an array/
    );
    expect(() =>
      parseLinkHealth({ data: { ...report, counts: { ...counts, ok: undefined } } })
    ).toThrow(/data\.counts\.ok: expected a number, got nothing/);

    const suggestion = {
      documentId: 'a3',
      title: 'S',
      slug: 's',
      status: 'published',
      score: 3.5,
      sharedTags: ['Jakarta'],
      matchedTerms: ['banjir'],
      coverage: 0.42,
      fitsAfter: { paragraphId: 'p-000006', number: 6, matchedTerms: ['banjir'] },
    };
    expect(parseSuggestions({ data: [suggestion] })).toEqual({
      suggestions: [suggestion],
      indexing: false,
    });
    // The index being rebuilt reaches the admin, which says so beside the suggestions.
    expect(parseSuggestions({ data: [suggestion], meta: { indexing: true } })).toEqual({
      suggestions: [suggestion],
      indexing: true,
    });
    expect(parseSuggestions({ data: [suggestion], meta: { indexing: false } }).indexing).toBe(
      false
    );
    expect(() => parseSuggestions({ data: [], meta: { indexing: 'yes' } })).toThrow(
      /meta\.indexing: expected a boolean/
    );
    expect(
      parseSuggestions({ data: [{ ...suggestion, fitsAfter: null }] }).suggestions
    ).toHaveLength(1);
    expect(() => parseSuggestions({ data: {} })).toThrow(/data: expected an array/);
    expect(() => parseSuggestions({ data: [{ ...suggestion, fitsAfter: undefined }] })).toThrow(
      /data\[0\]\.fitsAfter: expected an object or null, got nothing/
    );
    expect(() =>
      parseSuggestions({
        data: [
          { ...suggestion, fitsAfter: { paragraphId: 'p-000006', number: '6', matchedTerms: [] } },
        ],
      })
    ).toThrow(/data\[0\]\.fitsAfter\.number: expected a number/);

    const orphans = {
      data: [
        { documentId: 'a4', title: 'O', slug: 'o', status: 'published', suggestions: [suggestion] },
      ],
      meta: { pagination: { page: 1, pageSize: 10, pageCount: 1, total: 1 } },
    };
    expect(parseOrphans(orphans)).toBe(orphans);
    expect(() =>
      parseOrphans({
        ...orphans,
        data: [{ ...orphans.data[0], suggestions: [{ ...suggestion, fitsAfter: 3 }] }],
      })
    ).toThrow(/data\[0\]\.suggestions\[0\]\.fitsAfter: expected an object/);
    expect(() => parseOrphans({ data: [] })).toThrow(/meta: expected an object/);
  });
});

describe('speaker decisions', () => {
  const quote = () => ({
    ...placement().quotes[0],
    speaker: 'Budi Santoso',
    speakerConfirmed: true,
    needsReview: false,
    attribution: { rule: 'kata-after', text: 'kata Budi Santoso' },
  });

  it('check the stored quote and whether readers got it', () => {
    expect(parseSpeakerDecision({ data: quote(), meta: { live: true } })).toEqual({
      quote: quote(),
      live: true,
    });
    expect(() =>
      parseSpeakerDecision({
        data: { ...quote(), attribution: { rule: 'kata-after' } },
        meta: { live: true },
      })
    ).toThrow(
      /quotes\/:quoteId\/speaker does not match the contract: data\.attribution\.text: expected a string, got nothing/
    );
    expect(() =>
      parseSpeakerDecision({ data: { ...quote(), version: undefined }, meta: { live: false } })
    ).toThrow(/data\.version: expected a string, got nothing/);
    expect(() => parseSpeakerDecision({ data: quote() })).toThrow(/meta: expected an object/);
  });
});

describe('contract schemas', () => {
  it('check every field of the contract, not only those the screens read', () => {
    // The hand-written guards let these through: they checked what the screens read.
    const data = placement();
    (data.quotes[0] as { speaker: unknown }).speaker = 3;
    expect(() => parsePlacement({ data })).toThrow(
      /data\.quotes\[0\]\.speaker: expected a string or null, got 3/
    );
    const linkedFrom = placement();
    (linkedFrom.linkedFrom[0] as { slug: unknown }).slug = ['sumber'];
    expect(() => parsePlacement({ data: linkedFrom })).toThrow(
      /data\.linkedFrom\[0\]\.slug: expected a string or null, got \["sumber"\]/
    );
    expect(() => parsePlacement({ data: { ...placement(), oldSlugs: undefined } })).toThrow(
      /data\.oldSlugs: expected an array, got nothing/
    );
  });

  it('name the body itself when it is not an object', () => {
    expect(() => parsePlacement('<html>Bad Gateway</html>')).toThrow(
      /contract: body: expected an object, got "<html>Bad Gateway<\/html>"/
    );
    expect(() => checkContract(placementSchema, [])).toThrow(ContractError);
  });

  it('infer exact types: literal unions, nullable strings, no undefined where required', () => {
    // Compile-time checks (tests/tsconfig.json): a type drifting from its schema fails tsc.
    type Equals<A, B> =
      (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
    const exact: [
      Equals<PlacedLink['health'], LinkHealth>,
      Equals<PlacedLink['url'], string | null>,
      Equals<PlacedLink['position'], number>,
      Equals<PlacedQuote['kind'], 'full' | 'partial'>,
      Equals<Placement['article']['status'], ArticleStatus>,
      Equals<Placement['publishedParagraphIds'], string[] | null>,
      Equals<Suggestion['fitsAfter'], FitsAfter | null>,
      Equals<LinkStats['links'][number]['clickThrough'], number | null>,
      Equals<AdminArticleRow['title'], string | null | undefined>,
    ] = [true, true, true, true, true, true, true, true, true];
    expect(exact.every(Boolean)).toBe(true);
  });
});

describe('toApiError', () => {
  it("reads Strapi's error body as the admin baseQuery rejects with it", () => {
    const error = toApiError({
      status: 409,
      name: 'ConflictError',
      message: 'changed',
      details: { currentVersion: 'v2' },
    });
    expect(error).toEqual({
      status: 409,
      name: 'ConflictError',
      message: 'changed',
      details: { currentVersion: 'v2' },
    });
  });

  it('keeps the path of a 400 for firstErrorPath', () => {
    const error = toApiError({
      status: 400,
      name: 'ValidationError',
      message: 'links.2.url: must be http(s)',
      details: { errors: [{ path: ['links', 2, 'url'], message: 'must be http(s)' }] },
    });
    expect(firstErrorPath(error)).toEqual(['links', 2, 'url']);
    expect(firstErrorPath(toApiError({ status: 400, name: 'ValidationError', message: '' }))).toBe(
      null
    );
  });

  it('reads an answer without a body, a refused answer and a network failure', () => {
    expect(
      toApiError({ name: 'UnknownError', message: 'Bad Gateway', status: 502, details: undefined })
    ).toEqual({ status: 502, name: 'UnknownError', message: 'Bad Gateway', details: {} });
    // RTK Query serializes a thrown error (a guard's) to { name, message, stack }.
    expect(toApiError({ name: 'ContractError', message: 'no', stack: '...' })).toEqual({
      status: null,
      name: 'ContractError',
      message: 'no',
      details: {},
    });
    expect(toApiError(new TypeError('Failed to fetch'))).toEqual({
      status: null,
      name: 'TypeError',
      message: 'Failed to fetch',
      details: {},
    });
    expect(toApiError('boom').message).toBe('boom');
  });
});

describe('withQuery', () => {
  it('encodes the query into the URL and leaves out empty params', () => {
    expect(withQuery('/newsroom/targets', { q: 'AT&T #1', exclude: '' })).toBe(
      '/newsroom/targets?q=AT%26T+%231'
    );
    expect(withQuery('/newsroom/articles', { q: '', tag: undefined, page: null })).toBe(
      '/newsroom/articles'
    );
  });
});
