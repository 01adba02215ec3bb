import slugify from 'slugify';

/**
 * The article slug: lower case, ASCII only, words joined by hyphens. `strict` drops the
 * punctuation Indonesian headlines carry (quotes, colons, "&"), so the slug is URL-safe.
 */
export const toSlug = (title: string): string =>
  slugify(title, { lower: true, strict: true, trim: true }).slice(0, 180).replace(/-+$/, '');
