import slugify from 'slugify';

/**
 * slugify's own symbol table is English ("%" becomes "percent", "&" becomes "and");
 * an Indonesian headline reads them as "persen" and "dan". Symbols that are punctuation in a
 * headline ("<" and ">" for "less" and "greater", "|" for "or" between a title and its rubric)
 * are dropped, not spelled out.
 */
const INDONESIAN_SYMBOLS: [RegExp, string][] = [
  [/%/g, ' persen '],
  [/&/g, ' dan '],
  [/\+/g, ' plus '],
  [/[<>|]/g, ' '],
];

/**
 * The article slug: lower case, ASCII only, words joined by hyphens. `strict` drops the
 * punctuation Indonesian headlines carry (quotes, colons), so the slug is URL-safe.
 */
export const toSlug = (title: string): string => {
  const spoken = INDONESIAN_SYMBOLS.reduce(
    (text, [pattern, word]) => text.replace(pattern, word),
    title
  );
  return slugify(spoken, { lower: true, strict: true, trim: true })
    .slice(0, 180)
    .replace(/-+$/, '');
};

/**
 * Why a slug cannot address a story, or null. Strapi's uid field takes letters, digits and
 * `-_.~`, which lets through slugs a URL cannot hold: `.` and `..` are path segments that
 * resolve to the page itself or to its parent (`/berita/..` is the site root, in links and in
 * the sitemap alike), and a slug of punctuation alone names nothing. A leading dot makes a
 * hidden file of the address, which web servers and CDNs commonly refuse to serve.
 */
export const slugProblem = (slug: string): string | null => {
  if (!/[A-Za-z0-9]/.test(slug)) return 'a slug needs at least one letter or digit';
  if (slug.startsWith('.')) return 'a slug may not begin with a dot';
  return null;
};
