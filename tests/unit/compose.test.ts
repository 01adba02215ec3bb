import { composeArticle } from '../../server/src/services/render/compose';

const article = {
  documentId: 'doc1',
  slug: 'cerita',
  title: 'Cerita',
  publishedAt: new Date('2024-11-13T00:00:00Z'),
  body: [
    { id: 'p-1111111111', text: 'Satu' },
    { id: 'p-2222222222', text: 'Dua' },
  ],
};
const target = { documentId: 't1', slug: 'lain', title: 'Berita Lain' };

describe('composeArticle', () => {
  it('places links after their paragraph, in position order, and leaves out unpublished targets', () => {
    const out = composeArticle(
      article,
      [
        {
          id: 3,
          documentId: 'link-3',
          afterParagraphId: 'p-1111111111',
          position: 1,
          url: 'https://contoh.id/a',
          label: 'Luar',
        },
        {
          id: 4,
          documentId: 'link-4',
          afterParagraphId: 'p-1111111111',
          position: 0,
          targetArticle: target,
        },
        {
          id: 5,
          documentId: 'link-5',
          afterParagraphId: 'p-2222222222',
          position: 0,
          targetArticle: null,
        },
        {
          id: 6,
          documentId: 'link-6',
          afterParagraphId: 'start',
          position: 0,
          url: '/berita/awal',
          label: 'Awal',
        },
      ],
      [],
      '/news/:slug'
    );
    expect(out.body.map((b) => (b.type === 'paragraph' ? b.text : b.label))).toEqual([
      'Awal',
      'Satu',
      'Berita Lain',
      'Luar',
      'Dua',
    ]);
    expect(out.body[2]).toMatchObject({ href: '/news/lain', target });
    // Each block names its link, for a frontend's click reports.
    expect(out.body.flatMap((b) => (b.type === 'baca-juga' ? [b.link] : []))).toEqual([
      'link-6',
      'link-4',
      'link-3',
    ]);
    expect(out.publishedAt).toBe('2024-11-13T00:00:00.000Z');
  });

  // Regression (issue 12): a link whose paragraph this version lacks was shown at the end of
  // the story, where no editor placed it. Readers now never see it; the manager does.
  it('holds back a link or quote whose paragraph this version of the story lacks', () => {
    const out = composeArticle(
      article,
      [
        { id: 1, documentId: 'link-1', afterParagraphId: 'p-gone000000', targetArticle: target },
        { id: 2, documentId: 'link-2', afterParagraphId: 'start', url: 'https://a.example/x' },
      ],
      [{ id: 3, text: 'Kata', paragraphId: 'p-gone000000', kind: 'full' } as any],
      '/b/:slug'
    );
    expect(out.body.filter((b) => b.type === 'baca-juga')).toEqual([
      expect.objectContaining({ href: 'https://a.example/x' }),
    ]);
    expect(out.quotes).toEqual([]);
  });

  it('never serves an href a browser would run or send off-site', () => {
    const hostile = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:x',
      'data:text/html,x',
      '//evil.example',
      'vbscript:x',
      'java\tscript:x',
      '/\\evil.example',
    ];
    const out = composeArticle(
      article,
      hostile.map((url, i) => ({
        id: i + 1,
        documentId: `link-${i + 1}`,
        afterParagraphId: 'p-1111111111',
        position: i,
        url,
        label: 'x',
      })),
      [],
      '/b/:slug'
    );
    expect(out.body.filter((b) => b.type === 'baca-juga')).toEqual([]);
  });

  it('orders quotes as they are read: by paragraph, then by place in the paragraph', () => {
    const story = {
      ...article,
      body: [
        { id: 'p-1', text: 'A "pertama" lalu "kedua".' },
        { id: 'p-2', text: '"ketiga"' },
      ],
    };
    const quote = (id: number, text: string, paragraphId: string) => ({ id, text, paragraphId });
    const out = composeArticle(
      story,
      [],
      [quote(1, 'ketiga', 'p-2'), quote(2, 'kedua', 'p-1'), quote(3, 'pertama', 'p-1')],
      '/b/:slug'
    );
    expect(out.quotes.map((q) => q.text)).toEqual(['pertama', 'kedua', 'ketiga']);
  });

  it('lists each published source once in linkedFrom, never the article itself', () => {
    const source = { documentId: 's1', slug: 'sumber', title: 'Sumber' };
    const out = composeArticle(article, [], [], '/b/:slug', [
      { id: 1, sourceArticle: source },
      { id: 2, sourceArticle: source },
      { id: 3, sourceArticle: { documentId: 'doc1', slug: 'cerita', title: 'Cerita' } },
      { id: 4, sourceArticle: null },
    ]);
    expect(out.linkedFrom).toEqual([{ ...source, href: '/b/sumber' }]);
  });
});
