import slugify from 'slugify';

/**
 * slugify's own symbol table is English ("%" becomes "percent", "&" becomes "and");
 * an Indonesian headline reads them as "persen" and "dan".
 */
const INDONESIAN_SYMBOLS: [RegExp, string][] = [
  [/%/g, ' persen '],
  [/&/g, ' dan '],
  [/\+/g, ' plus '],
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
