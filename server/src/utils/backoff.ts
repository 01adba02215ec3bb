/** A backoff: the wait before the first retry, and the longest wait. */
export interface Backoff {
  first: number;
  last: number;
}

/** The wait after the `attempts`-th failure (from 1): doubling from `first`, at most `last`. */
export const backoffMs = (attempts: number, { first, last }: Backoff) =>
  Math.min(last, first * 2 ** Math.max(0, attempts - 1));
