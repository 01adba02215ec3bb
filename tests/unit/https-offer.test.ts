import { httpsOffer, isSafeHref } from '#shared/baca-juga/text';

describe('httpsOffer: https:// in front of a URL typed without its scheme', () => {
  it.each([
    ['www.antaranews.com/berita/1', 'https://www.antaranews.com/berita/1'],
    ['antaranews.com', 'https://antaranews.com'],
    ['  kompas.id/baca/2024?x=1#top ', 'https://kompas.id/baca/2024?x=1#top'],
    ['example.co.id:8443/a', 'https://example.co.id:8443/a'],
    ['//cdn.example.com/x', 'https://cdn.example.com/x'],
    ['berita.bünde.de/x', 'https://berita.bünde.de/x'],
  ])('offers %j as %j, which the URL rule accepts', (typed, offered) => {
    expect(isSafeHref(typed.trim())).toBe(false);
    expect(httpsOffer(typed)).toBe(offered);
    expect(isSafeHref(offered)).toBe(true);
  });

  it.each([
    // Acceptable already: nothing to offer.
    'https://www.antaranews.com/berita/1',
    'http://antaranews.com',
    '/berita/1',
    // Not a host name: the offer is never a way around the rule.
    'javascript:alert(1)',
    'mailto:redaksi@antaranews.com',
    'data:text/html,hi',
    'localhost/berita',
    'antaranews',
    'www.antaranews.com/berita baru',
    'www.antaranews.com\\berita',
    '\u202ewww.antaranews.com',
    '-bad-.com',
    'berita..com',
    '',
    `${'a'.repeat(2040)}.com`,
  ])('offers nothing for %j', (typed) => {
    expect(httpsOffer(typed)).toBeNull();
  });
});
