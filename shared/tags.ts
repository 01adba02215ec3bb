/**
 * A tag's identity: two tags are the same tag when their keys are equal. One rule for the
 * input's de-duplication (server and content manager), the search index's tag terms and the
 * `tag` filters of the article lists, which compare stored keys (never SQL's LOWER(): SQLite's
 * is ASCII-only and PostgreSQL's depends on the collation, so "Économie" was not "économie").
 *
 * Case-insensitive, accents kept ("Ekonomi" is not "Ékonomi"): canonical composition first
 * (an "é" typed as e + U+0301 is the "é"), spaces collapsed, then lower case independent of
 * the server's locale, with the two letters whose lower case is not a single form folded:
 * the dotted capital "İ" lowers to "i" + U+0307 (so "ÖZİL" is "özil"), and the final sigma
 * "ς" is "σ".
 *
 * Stored keys are computed with it (database/tag-keys): a change here must reset them, or
 * filters stop finding the tags whose key changed.
 */
export const tagKey = (tag: string): string =>
  tag
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/i\u0307/g, 'i')
    .replace(/ς/g, 'σ')
    .normalize('NFC');

/** The distinct keys of a list of tags, in order of first appearance. */
export const tagKeysOf = (tags: readonly string[]): string[] => [...new Set(tags.map(tagKey))];
