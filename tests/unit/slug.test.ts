/**
 * The slug rules: a headline's symbols read in Indonesian or dropped (never slugify's English
 * "less", "greater", "or"), and slugs a URL cannot hold refused.
 */
import { slugProblem, toSlug } from '../../server/src/utils/slug';

describe('toSlug', () => {
  it('drops < > | instead of spelling them in English', () => {
    expect(toSlug('Inflasi < 3% | Ekonomi')).toBe('inflasi-3-persen-ekonomi');
    expect(toSlug('Suku Bunga > Inflasi, Rupiah <Menguat>')).toBe(
      'suku-bunga-inflasi-rupiah-menguat'
    );
  });

  it('keeps the Indonesian words for % & +', () => {
    expect(toSlug('Harga Naik 10% & Pajak + Cukai')).toBe(
      'harga-naik-10-persen-dan-pajak-plus-cukai'
    );
  });
});

describe('slugProblem', () => {
  it.each(['.', '..', '...', '-', '~', '_.-'])('refuses %p: no letter or digit', (slug) => {
    expect(slugProblem(slug)).toBe('a slug needs at least one letter or digit');
  });

  it.each(['.env', '..berita'])('refuses %p: a leading dot', (slug) => {
    expect(slugProblem(slug)).toBe('a slug may not begin with a dot');
  });

  it.each(['berita', 'a', '2024', 'versi-1.2', 'korut~pakta', 'akhir.'])('accepts %p', (slug) => {
    expect(slugProblem(slug)).toBeNull();
  });
});
