import { bodyProblem, hasVisibleText, type Paragraph } from '../../shared/baca-juga/paragraphs';
import { normalizeBody as tidy } from '../../server/src/utils/paragraphs';
import { normalizeTags } from '../../server/src/utils/tags';
import { toSlug } from '../../server/src/utils/slug';

const normalizeBody = (input: unknown) => tidy(input) as Paragraph[];

/** What a write storing `input` as a body is refused with (the outcome check's verdict). */
const refusal = (input: unknown) => {
  const problem = bodyProblem(tidy(input));
  return (
    problem && [
      ['body', problem.index, problem.field].filter((p) => p !== null).join('.'),
      problem.message,
    ]
  );
};

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

  it('drops NUL characters, which no database column of ours can hold', () => {
    expect(normalizeBody(['Sa\u0000tu'])[0].text).toBe('Satu');
  });

  it('rejects ids that are not ours (they could collide with anchors like "start")', () => {
    expect(normalizeBody([{ id: 'start', text: 'x' }])[0].id).toMatch(/^p-/);
  });

  it('leaves what it cannot tidy for the outcome check, which names the offending field', () => {
    expect(refusal({})).toEqual(['body', 'must be a list of paragraphs']);
    expect(refusal('bukan daftar')).toEqual(['body', 'must be a list of paragraphs']);
    expect(refusal([{ text: '  ' }])).toEqual(['body.0.text', 'must not be empty']);
    expect(refusal(['Satu', '\u200b'])).toEqual(['body.1.text', 'must not be empty']);
    expect(refusal(['ok', { text: 1 }])).toEqual(['body.1.text', 'must be a string']);
    expect(refusal(Array.from({ length: 501 }, () => 'x'))).toEqual([
      'body',
      'at most 500 paragraphs',
    ]);
    expect(refusal(['ok', 'x'.repeat(20_001)])).toEqual([
      'body.1.text',
      'at most 20000 characters',
    ]);
    expect(refusal(['Satu', { id: 'p-aaaaaaaa', text: 'Dua' }])).toBeNull();
  });
});

describe('hasVisibleText: invisible characters alone are no text', () => {
  it.each([
    ['zero-width space', '\u200b'],
    ['zero-width non-joiner and joiner', '\u200c\u200d'],
    ['word joiner', '\u2060'],
    ['soft hyphen', '\u00ad'],
    ['byte order mark', '\ufeff'],
    ['no-break space', '\u00a0'],
    ['narrow no-break, ideographic and em spaces', '\u202f\u3000\u2003'],
    ['line and paragraph separators', '\u2028\u2029'],
    ['tab, newline and other controls', '\t\n\u0007\u0085'],
    ['bidi marks and isolates', '\u200e\u200f\u2066\u2069'],
    ['Hangul filler', '\u3164'],
    ['variation selector', '\ufe0f'],
    ['a mix of them', ' \u200b\u00ad\u00a0\u2060\ufeff '],
    ['nothing', ''],
  ])('%s: not visible', (_name, text) => {
    expect(hasVisibleText(text)).toBe(false);
  });

  it.each([
    ['a letter', 'a'],
    ['a digit', '7'],
    ['punctuation', '…'],
    ['an emoji joined by a zero-width joiner', '\u{1F469}\u200d\u{1F4BB}'],
    ['a word among invisibles', '\u200bKata\u00ad'],
    ['Arabic script', 'كلمة'],
    ['a combining mark alone', '\u0301'],
  ])('%s: visible', (_name, text) => {
    expect(hasVisibleText(text)).toBe(true);
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
