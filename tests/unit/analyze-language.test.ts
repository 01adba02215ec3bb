/**
 * The suggestion engine reads each locale's stories in that locale's language
 * (search/analyze): Indonesian stems for `id`, English stems for `en`, words as they are for
 * any other language. A stemmer of the wrong language would merge or split the wrong words.
 */
import { analyze, contentWords, stemWord } from '../../server/src/search/analyze';
import { languageOf } from '../../server/src/i18n/language';

describe('languageOf', () => {
  it.each([
    [null, 'indonesian'],
    ['', 'indonesian'],
    ['id', 'indonesian'],
    ['id-ID', 'indonesian'],
    ['in', 'indonesian'],
    ['en', 'english'],
    ['en-GB', 'english'],
    ['EN-us', 'english'],
    ['ms', 'none'],
    ['zh-Hans-CN', 'none'],
  ])('%p reads as %p', (locale, language) => {
    expect(languageOf(locale)).toBe(language);
  });
});

describe('analysis per language', () => {
  it('stems English inflections together, and drops English function and reporting words', () => {
    expect(stemWord('ratified', 'english')).toBe(stemWord('ratifies', 'english'));
    expect(stemWord('prices', 'english')).toBe(stemWord('pricing', 'english'));
    expect(contentWords('The minister said the treaty was ratified on Monday', 'english')).toEqual([
      'minister',
      'treaty',
      'ratified',
    ]);
  });

  it('leaves English words alone under the Indonesian stemmer, and the reverse', () => {
    // "meratifikasi" loses its affixes in Indonesian only.
    expect(stemWord('meratifikasi', 'indonesian')).toBe(stemWord('ratifikasi', 'indonesian'));
    expect(stemWord('meratifikasi', 'english')).not.toBe(stemWord('ratifikasi', 'english'));
  });

  it('matches word for word in a language without a stemmer', () => {
    expect(stemWord('harganya', 'none')).toBe('harganya');
    expect(contentWords('yang harga naik', 'none')).toEqual(['yang', 'harga', 'naik']);
  });

  it('weighs the same words the same in each language', () => {
    const english = analyze({ title: 'Rice prices', body: ['Rice price rises'] }, 'english');
    expect(english.weights.get(stemWord('rice', 'english'))).toBe(4); // title 3 + body 1
    expect(english.surfaces.get(stemWord('prices', 'english'))).toBe('price');
  });
});
