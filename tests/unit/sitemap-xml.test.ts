/**
 * Sitemap text: every value escaped, and characters XML 1.0 cannot carry dropped, so a stray
 * control character in a headline never makes the whole file unreadable to a crawler.
 */
import { escapeXml, newsUrlset, urlset, w3cDate } from '../../server/src/sitemaps/xml';

describe('sitemap XML', () => {
  it('escapes markup and quotes', () => {
    expect(escapeXml(`Kim & Putin: "Pakta" <Baru> 'Berlaku'`)).toBe(
      'Kim &amp; Putin: &quot;Pakta&quot; &lt;Baru&gt; &apos;Berlaku&apos;'
    );
  });

  it('drops control characters and lone surrogates, keeps tabs, newlines and real emoji', () => {
    expect(escapeXml('a\u0000b\u0008c\u000bd\u001fe\tf\ng\rh')).toBe('abcde\tf\ng\rh');
    expect(escapeXml('x\ud800y\udc00z')).toBe('xyz');
    expect(escapeXml('Rusia 🇷🇺')).toBe('Rusia 🇷🇺');
  });

  it('writes W3C dates in UTC without milliseconds', () => {
    expect(w3cDate(new Date('2024-11-13T08:06:12.979Z'))).toBe('2024-11-13T08:06:12Z');
  });

  it('builds urlsets whose values are escaped', () => {
    const xml = urlset([{ loc: 'https://contoh.id/berita/a?x=1&y=2', lastmod: null }]);
    expect(xml).toContain('<loc>https://contoh.id/berita/a?x=1&amp;y=2</loc>');
    expect(xml).not.toContain('<lastmod>');
    const news = newsUrlset({ name: 'A & B', language: 'id' }, [
      { loc: 'https://contoh.id/berita/a', title: '<b>', publishedAt: new Date(0) },
    ]);
    expect(news).toContain('<news:name>A &amp; B</news:name>');
    expect(news).toContain('<news:title>&lt;b&gt;</news:title>');
    expect(news).toContain('<news:publication_date>1970-01-01T00:00:00Z</news:publication_date>');
  });
});
