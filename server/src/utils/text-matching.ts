/**
 * Which texts of a new copy are the texts of the old one: the same, or the same with a few
 * words corrected. A re-import (services/importer) uses it to keep the identity of paragraphs
 * and quotes across a corrected copy, so the links and quotes anchored to them stay put.
 */

/** The words of a text, lowercased; punctuation and spacing do not make a text different. */
const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * How alike two texts are, 0 to 1: the share of words they have in common (Dice's coefficient
 * on the multisets of their words). One word corrected in a sentence of twenty gives 0.95.
 */
export const similarity = (a: string, b: string): number => {
  const left = words(a);
  const right = words(b);
  if (left.length + right.length === 0) return a === b ? 1 : 0;
  const counts = new Map<string, number>();
  for (const word of left) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of right) {
    const remaining = counts.get(word) ?? 0;
    if (remaining > 0) {
      shared += 1;
      counts.set(word, remaining - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
};

/** Below this, two texts are different texts: a rewrite is a new paragraph, not an edit. */
export const SAME_TEXT_EDITED = 0.6;

/**
 * For each text of `after`, the index of the text of `before` it continues, or null for a new
 * one. Identical texts pair first (in order, so repeated texts keep their order); then the
 * most alike remaining pairs, down to `threshold`, nearest in position first on a tie. Each
 * text of `before` is used at most once. Bounded: the importer's bodies have at most 500
 * paragraphs, and only the texts left unpaired by the first step are compared.
 */
export const matchTexts = (
  before: readonly string[],
  after: readonly string[],
  threshold = SAME_TEXT_EDITED
): (number | null)[] => {
  const result: (number | null)[] = after.map(() => null);
  const free = new Map<string, number[]>();
  before.forEach((text, index) => free.set(text, [...(free.get(text) ?? []), index]));
  const used = new Set<number>();
  after.forEach((text, index) => {
    const same = free.get(text)?.shift();
    if (same === undefined) return;
    result[index] = same;
    used.add(same);
  });

  const pairs: { from: number; to: number; score: number }[] = [];
  after.forEach((text, to) => {
    if (result[to] !== null) return;
    before.forEach((old, from) => {
      if (used.has(from)) return;
      const score = similarity(old, text);
      if (score >= threshold) pairs.push({ from, to, score });
    });
  });
  pairs.sort(
    (x, y) => y.score - x.score || Math.abs(x.from - x.to) - Math.abs(y.from - y.to) || x.to - y.to
  );
  for (const { from, to } of pairs) {
    if (used.has(from) || result[to] !== null) continue;
    result[to] = from;
    used.add(from);
  }
  return result;
};
