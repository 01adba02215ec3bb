import { normalizeBody } from '../../server/src/utils/paragraphs';
import { normalizeTags } from '../../server/src/utils/tags';
import { toSlug } from '../../server/src/utils/slug';

describe('normalizeBody', () => {
  it('keeps well-formed ids, replaces missing or duplicate ones, trims text', () => {
    const body = normalizeBody([
      { id: 'p-aaaaaaaa', text: ' Satu ' },
      { id: 'p-aaaaaaaa', text: 'Dua' },
      'Tiga',
    ]);
    expect(body[0]).toEqual({ id: 'p-aaaaaaaa', text: 'Satu' });
    expect(body[1].id).not.toBe('p-aaaaaaaa');
    expect(body[2].text).toBe('Tiga');
    expect(new Set(body.map((p) => p.id)).size).toBe(3);
  });

  it('rejects ids that are not ours (they could collide with anchors like "start")', () => {
    expect(normalizeBody([{ id: 'start', text: 'x' }])[0].id).toMatch(/^p-/);
  });

  it('names the offending field', () => {
    expect(() => normalizeBody({})).toThrow(/^body: /);
    expect(() => normalizeBody([{ text: '  ' }])).toThrow(/^body\.0\.text: /);
    expect(() => normalizeBody(['ok', { text: 1 }])).toThrow(/^body\.1\.text: /);
  });
});

describe('normalizeTags', () => {
  it('accepts a list or a comma-separated string and drops case-insensitive duplicates', () => {
    expect(normalizeTags('Korea Utara,  Rusia , rusia,')).toEqual(['Korea Utara', 'Rusia']);
    expect(normalizeTags(['Ukraina'])).toEqual(['Ukraina']);
    expect(() => normalizeTags([1])).toThrow(/^tags: /);
  });
});

describe('toSlug', () => {
  it('makes URL-safe slugs from Indonesian headlines', () => {
    expect(toSlug('Korea Utara Sahkan Perjanjian Pertahanan dengan Rusia')).toBe(
      'korea-utara-sahkan-perjanjian-pertahanan-dengan-rusia'
    );
    expect(toSlug('"Baca Juga": Harga BBM Naik 10% & Rupiah Melemah!')).toBe(
      'baca-juga-harga-bbm-naik-10-persen-dan-rupiah-melemah'
    );
  });
});
