/**
 * Indonesian function words that say nothing about a story's topic. A stop-gap for title
 * matching; the suggestion engine (stemming, BM25) replaces it.
 */
const STOP_WORDS = new Set(
  (
    'yang dan di ke dari untuk dengan ini itu akan pada dalam juga atau oleh karena tidak ada ' +
    'sebagai para bagi usai jadi soal baca bisa sudah telah masih saat agar kata buat hingga ' +
    'atas antara tentang lebih kembali baru dua tiga satu the of a an in on to for and'
  ).split(' ')
);

/** Distinct lower-case title words of 3+ letters that are not stop words. */
export const titleTerms = (title: string): string[] => [
  ...new Set(
    title
      .toLocaleLowerCase('id')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length >= 3 && !STOP_WORDS.has(word))
  ),
];
