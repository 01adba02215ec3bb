/**
 * Whether the gap between two paragraphs stands inside one quote that runs on: the first ends
 * with its quote still open (Indonesian and English copy close a quote only at its last
 * paragraph) and the next opens with a quote mark. A Baca Juga line there would cut a
 * speaker's words in two. Pure text rules: the suggestions and the placement score share them.
 */
const STRAIGHT = /"/gu;
const CURLY_OPEN = /[“„]/gu;
const CURLY_CLOSE = /”/gu;
const OPENS_WITH_QUOTE = /^[\s\u00a0]*["“„]/u;

const countOf = (text: string, re: RegExp): number => (text.match(re) ?? []).length;

/** The paragraph ends with a quote opened and not closed. */
export const endsInsideQuote = (text: string): boolean =>
  countOf(text, STRAIGHT) % 2 === 1 || countOf(text, CURLY_OPEN) > countOf(text, CURLY_CLOSE);

/** The slot between `text` and `next` is inside one continuing quote. */
export const quoteRunsOn = (text: string, next: string): boolean =>
  endsInsideQuote(text) && OPENS_WITH_QUOTE.test(next);
