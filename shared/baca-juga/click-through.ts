/**
 * Click-through of a Baca Juga link, and the position test between two slots: pure, so the
 * server's report and the manager's verdict are the same arithmetic.
 */

/** Clicks per view of the story, or null before the first view. */
export const clickThrough = (clicks: number, views: number): number | null =>
  views > 0 ? clicks / views : null;

/** The verdict of a position test: which slot wins, if the difference is significant yet. */
export type PositionVerdict =
  | { winner: 'a' | 'b'; z: number; pValue: number }
  | { winner: null; z: number | null; pValue: number | null };

/** Views of each variant needed before any verdict: below it the normal approximation lies. */
export const MIN_VIEWS_PER_VARIANT = 100;
/** Views over `UNCLICKED_DAYS` from which a story whose links nobody clicks is worth a look. */
export const UNCLICKED_MIN_VIEWS = 100;
export const UNCLICKED_DAYS = 30;

/** Two-sided significance level of the verdict. */
export const SIGNIFICANCE = 0.05;

/** Standard normal CDF (Abramowitz and Stegun 26.2.17; error below 7.5e-8). */
const normalCdf = (z: number): number => {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const d = 0.3989422804014327 * Math.exp((-z * z) / 2);
  const tail =
    d *
    t *
    (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return z >= 0 ? 1 - tail : tail;
};

/**
 * Two-proportion z-test (pooled) of the click-through of slot A against slot B. "No winner
 * yet" until both variants have `MIN_VIEWS_PER_VARIANT` views and the two-sided p-value is
 * under `SIGNIFICANCE`.
 */
export const positionVerdict = (
  a: { clicks: number; views: number },
  b: { clicks: number; views: number }
): PositionVerdict => {
  if (a.views < MIN_VIEWS_PER_VARIANT || b.views < MIN_VIEWS_PER_VARIANT) {
    return { winner: null, z: null, pValue: null };
  }
  const pooled = (a.clicks + b.clicks) / (a.views + b.views);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.views + 1 / b.views));
  if (se === 0) return { winner: null, z: 0, pValue: 1 };
  const z = (a.clicks / a.views - b.clicks / b.views) / se;
  const pValue = 2 * (1 - normalCdf(Math.abs(z)));
  if (pValue >= SIGNIFICANCE) return { winner: null, z, pValue };
  return { winner: z > 0 ? 'a' : 'b', z, pValue };
};
