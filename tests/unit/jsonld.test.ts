import { buildNewsArticleJsonLd } from '../../server/src/services/jsonld';
import type { RenderedArticle } from '../../server/src/services/render/types';

const article = (overrides: Partial<RenderedArticle> = {}): RenderedArticle => ({
  documentId: 'doc1',
  slug: 'korut-rusia',
  title: 'Korut Sahkan Pakta',
  lead: null,
  outlet: 'Ntvnews.id',
  dateline: 'Pyongyang',
  byline: null,
  wireSource: null,
  reportedAt: null,
  publishedAt: '2026-01-02T03:04:05.000Z',
  updatedAt: '2026-01-03T00:00:00.000Z',
  href: '/berita/korut-rusia',
  tags: [],
  body: [
    { type: 'paragraph', id: 'p-1', text: 'Satu.' },
    {
      type: 'baca-juga',
      link: 'l1',
      label: 'Lain',
      href: '/berita/lain',
      target: { documentId: 'd2', slug: 'lain', title: 'Lain' },
      awaitingCopy: false,
      variant: null,
    },
    { type: 'paragraph', id: 'p-2', text: 'Dua.' },
    {
      type: 'baca-juga',
      link: 'l2',
      label: 'Luar',
      href: 'https://example.org/x',
      target: null,
      awaitingCopy: false,
      variant: null,
    },
    // A story not written yet: no link, so not a related link of the JSON-LD either.
    {
      type: 'baca-juga',
      link: 'l3',
      label: 'Menunggu',
      href: null,
      target: null,
      awaitingCopy: true,
      variant: null,
    },
  ],
  quotes: [],
  linkedFrom: [],
  ...overrides,
});

describe('buildNewsArticleJsonLd', () => {
  it('makes site-relative URLs absolute when siteUrl is configured, and leaves external ones', () => {
    const jsonld = buildNewsArticleJsonLd(article(), { siteUrl: 'https://www.example.id' });
    expect(jsonld.url).toBe('https://www.example.id/berita/korut-rusia');
    expect(jsonld['@id']).toBe(jsonld.url);
    expect(jsonld.relatedLink).toEqual([
      'https://www.example.id/berita/lain',
      'https://example.org/x',
    ]);
    expect(jsonld.publisher).toEqual({
      '@type': 'Organization',
      name: 'Ntvnews.id',
      url: 'https://www.example.id',
    });
  });

  it('uses publishedAt when the story has no reportedAt, and omits empty parts', () => {
    const jsonld = buildNewsArticleJsonLd(article(), { siteUrl: null });
    expect(jsonld.datePublished).toBe('2026-01-02T03:04:05.000Z');
    expect(jsonld.dateModified).toBe('2026-01-03T00:00:00.000Z');
    expect(jsonld.articleBody).toBe('Satu.\n\nDua.');
    for (const key of ['description', 'keywords', 'isBasedOn', 'hasPart'] as const) {
      expect(jsonld).not.toHaveProperty(key);
    }
  });

  it('quotes an agency as an organisation and a person with their role', () => {
    const jsonld = buildNewsArticleJsonLd(
      article({
        quotes: [
          {
            text: 'A',
            speaker: 'KCNA',
            speakerRole: null,
            relayedBy: 'KCNA',
            kind: 'full',
            paragraphId: 'p-1',
          },
          {
            text: 'B',
            speaker: 'Choe Son Hui',
            speakerRole: 'Menteri Luar Negeri',
            relayedBy: 'KCNA',
            kind: 'partial',
            paragraphId: 'p-2',
          },
          {
            text: 'C',
            speaker: null,
            speakerRole: null,
            relayedBy: null,
            kind: 'full',
            paragraphId: 'p-2',
          },
        ],
      }),
      { siteUrl: null }
    );
    expect(jsonld.hasPart).toEqual([
      {
        '@type': 'Quotation',
        text: 'A',
        creator: { '@type': 'Organization', name: 'KCNA' },
        spokenByCharacter: { '@type': 'Organization', name: 'KCNA' },
        publisher: { '@type': 'Organization', name: 'KCNA' },
      },
      {
        '@type': 'Quotation',
        text: 'B',
        creator: { '@type': 'Person', name: 'Choe Son Hui', jobTitle: 'Menteri Luar Negeri' },
        spokenByCharacter: {
          '@type': 'Person',
          name: 'Choe Son Hui',
          jobTitle: 'Menteri Luar Negeri',
        },
        publisher: { '@type': 'Organization', name: 'KCNA' },
      },
      { '@type': 'Quotation', text: 'C' },
    ]);
  });
});
