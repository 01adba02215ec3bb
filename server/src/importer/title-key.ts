/**
 * How a Baca Juga title is matched to an article's title: case, punctuation, quote marks and
 * spacing are forgiven ("AS Serukan Hal Mencekam Ini ke Rusia!" = "as serukan hal mencekam
 * ini ke rusia"); words and their order are not.
 */
export const titleKey = (title: string): string =>
  title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();

/** The longest word of a title: what a database LIKE narrows the candidates with. */
export const longestWord = (title: string): string =>
  titleKey(title)
    .split(' ')
    .reduce((best, word) => (word.length > best.length ? word : best), '');
