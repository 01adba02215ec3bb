/**
 * Cross-link lines in Indonesian copy: which markers become links, which lines stay text, and
 * a URL on the marker's line (or the next line) making the link external.
 */
import { parseStory } from '../../server/src/importer/parse-story';

const links = (...lines: string[]) =>
  parseStory(['Paragraf satu.', ...lines, 'Paragraf dua.'].join('\n'));

describe('cross-link markers', () => {
  it.each([
    'Baca Juga: Harga Emas Turun',
    'BACA JUGA - Harga Emas Turun',
    'Baca pula: Harga Emas Turun',
    'Simak juga: Harga Emas Turun',
    'Lihat Juga: Harga Emas Turun',
    'Artikel Terkait: Harga Emas Turun',
    'Berita terkait - Harga Emas Turun',
    'Baca: Harga Emas Turun',
  ])('"%s" is a link after paragraph 1', (line) => {
    const story = links(line);
    expect(story.links).toEqual([{ label: 'Harga Emas Turun', url: null, afterParagraph: 1 }]);
    expect(story.paragraphs).toEqual(['Paragraf satu.', 'Paragraf dua.']);
  });

  it.each([
    'Baca selengkapnya di situs kami.',
    'Simak video berikut ini.',
    'Baca juga berita lain di kanal ekonomi.',
    'ADVERTISEMENT',
    'Bacaan doa dibacakan bersama.',
  ])('"%s" stays a paragraph (never dropped)', (line) => {
    const story = links(line);
    expect(story.links).toEqual([]);
    expect(story.paragraphs).toEqual(['Paragraf satu.', line, 'Paragraf dua.']);
  });
});

describe('URLs on cross-link lines', () => {
  it('takes a URL on the same line as an external link, the rest as its label', () => {
    expect(
      links('Baca Juga: Harga Emas Turun https://www.example-news.id/read/2024/11/13/emas').links
    ).toEqual([
      {
        label: 'Harga Emas Turun',
        url: 'https://www.example-news.id/read/2024/11/13/emas',
        afterParagraph: 1,
      },
    ]);
  });

  it('takes a URL on the next line, for a title on the marker line or the line after it', () => {
    expect(links('Baca Juga: Harga Emas Turun', 'https://example-news.id/emas').links).toEqual([
      { label: 'Harga Emas Turun', url: 'https://example-news.id/emas', afterParagraph: 1 },
    ]);
    expect(links('Baca juga:', 'Harga Emas Turun', 'https://example-news.id/emas.').links).toEqual([
      { label: 'Harga Emas Turun', url: 'https://example-news.id/emas', afterParagraph: 1 },
    ]);
  });

  it('keeps a bare URL as a link without a label (readers see the URL), not a title', () => {
    expect(links('Baca Juga: https://example-news.id/emas').links).toEqual([
      { label: null, url: 'https://example-news.id/emas', afterParagraph: 1 },
    ]);
  });

  it('strips separators and brackets around the URL from the label', () => {
    expect(links('Baca juga: Harga Emas Turun (https://example-news.id/emas)').links).toEqual([
      { label: 'Harga Emas Turun', url: 'https://example-news.id/emas', afterParagraph: 1 },
    ]);
    expect(links('Baca juga: Harga Emas Turun - https://example-news.id/emas').links).toEqual([
      { label: 'Harga Emas Turun', url: 'https://example-news.id/emas', afterParagraph: 1 },
    ]);
  });

  it('a URL line after an ordinary paragraph stays text', () => {
    const story = links('https://example-news.id/emas');
    expect(story.links).toEqual([]);
    expect(story.paragraphs).toContain('https://example-news.id/emas');
  });
});
