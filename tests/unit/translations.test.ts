/** The admin speaks English and Indonesian: both files hold the same strings, fully translated. */
import en from '../../admin/src/translations/en.json';
import id from '../../admin/src/translations/id.json';

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();

describe('admin translations', () => {
  it('Indonesian has exactly the English keys', () => {
    expect(Object.keys(id).sort()).toEqual(Object.keys(en).sort());
  });

  it('no message is empty, and each keeps the placeholders of its English original', () => {
    for (const [key, message] of Object.entries(en)) {
      const translated = (id as Record<string, string>)[key];
      expect([key, message.trim().length > 0, translated.trim().length > 0]).toEqual([
        key,
        true,
        true,
      ]);
      expect([key, placeholders(translated)]).toEqual([key, placeholders(message)]);
    }
  });

  it('Indonesian is not English copied over', () => {
    // Some strings are the same in both (the "Baca Juga" name, "URL", "Status"): allow a few.
    const same = Object.keys(en).filter(
      (key) => (en as Record<string, string>)[key] === (id as Record<string, string>)[key]
    );
    expect(same.length).toBeLessThan(Object.keys(en).length * 0.1);
  });
});
