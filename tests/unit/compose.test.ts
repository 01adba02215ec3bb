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
          afterParagraphId: 'p-1111111111',
          position: 1,
          url: 'https://contoh.id/a',
          label: 'Luar',
        },
        { id: 4, afterParagraphId: 'p-1111111111', position: 0, targetArticle: target },
        { id: 5, afterParagraphId: 'p-2222222222', position: 0, targetArticle: null },
        { id: 6, afterParagraphId: 'start', position: 0, url: '/berita/awal', label: 'Awal' },
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
    expect(out.publishedAt).toBe('2024-11-13T00:00:00.000Z');
  });

  it('shows a link whose paragraph vanished at the end rather than losing it', () => {
    const out = composeArticle(
      article,
      [{ id: 1, afterParagraphId: 'p-gone000000', targetArticle: target }],
      [],
      '/b/:slug'
    );
    expect(out.body[out.body.length - 1]).toMatchObject({
      type: 'baca-juga',
      label: 'Berita Lain',
    });
  });
});
