/**
 * How a re-import tells the paragraphs and quotes of a corrected copy from new ones
 * (utils/text-matching): the same text, or the same with a few words corrected, continues the
 * old one; a rewrite is new.
 */
import { matchTexts, similarity } from '../../server/src/utils/text-matching';

describe('text matching for re-imports', () => {
  const old = [
    'Banjir merendam lima kelurahan di Jakarta Timur sejak Senin pagi.',
    'Petugas mengerahkan dua belas perahu karet untuk mengevakuasi warga lanjut usia.',
    'Genangan diperkirakan surut dalam dua hari.',
    'Satu.',
  ];

  it('pairs a paragraph with one word corrected, and not a rewrite', () => {
    expect(
      similarity(
        old[1],
        'Petugas mengerahkan empat belas perahu karet untuk mengevakuasi warga lanjut usia.'
      )
    ).toBeGreaterThan(0.9);
    expect(similarity(old[2], 'Hujan diperkirakan turun lagi pekan depan di Bekasi.')).toBeLessThan(
      0.6
    );
  });

  it('keeps identical texts first, then the closest, each old text at most once', () => {
    expect(
      matchTexts(old, [
        'Paragraf baru di awal cerita ini.',
        old[0],
        'Petugas mengerahkan empat belas perahu karet untuk mengevakuasi warga lanjut usia.',
        'Satu.',
        'Satu.',
      ])
    ).toEqual([null, 0, 1, 3, null]);
  });

  it('pairs repeated corrections by position when they are equally close', () => {
    const before = ['Kata dia: ya.', 'Kata dia: ya.'];
    expect(matchTexts(before, ['Kata dia: tidak ya.', 'Kata dia: tidak ya.'])).toEqual([0, 1]);
  });
});
