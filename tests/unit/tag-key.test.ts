import { tagKey, tagKeysOf } from '#shared/tags';
import { normalizeTags } from '../../server/src/utils/tags';
import { tagTerm } from '../../server/src/search/analyze';

describe('tagKey: one identity for a tag', () => {
  it('ignores case beyond ASCII, keeps accents', () => {
    expect(tagKey('Économie')).toBe(tagKey('économie'));
    expect(tagKey('ÉCONOMIE')).toBe('économie');
    expect(tagKey('Ekonomi')).not.toBe(tagKey('Ékonomi'));
  });

  it('folds the letters whose lower case is not one form: İ and final sigma', () => {
    expect(tagKey('ÖZİL')).toBe('özil');
    expect(tagKey('Özil')).toBe('özil');
    expect(tagKey('ΟΔΟΣ')).toBe(tagKey('οδοσ'));
  });

  it('reads a decomposed accent as the composed letter, and collapses spaces', () => {
    expect(tagKey('E\u0301conomie')).toBe(tagKey('Économie'));
    expect(tagKey('  Korea \t Utara ')).toBe('korea utara');
  });

  it('de-duplicates the keys of a list, in order', () => {
    expect(tagKeysOf(['Rusia', 'ÖZİL', 'rusia', 'özil'])).toEqual(['rusia', 'özil']);
  });

  it('is the rule of the input, the search index and the filters alike', () => {
    expect(normalizeTags(['Économie', 'E\u0301CONOMIE', 'ÖZİL', 'özil'])).toEqual([
      'Économie',
      'ÖZİL',
    ]);
    expect(tagTerm('ÖZİL')).toBe(`#${tagKey('ÖZİL')}`);
  });
});
