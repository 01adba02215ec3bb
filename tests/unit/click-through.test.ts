/**
 * The click-through arithmetic the server reports and the manager judges position tests by.
 * The verdict's behaviour under peeking is simulated in position-verdict-simulation.test.ts.
 */
import { clickThrough, MIXTURE_SD, positionVerdict } from '#shared/baca-juga/click-through';

describe('click-through and the position test', () => {
  it('is clicks per view, and null before any view', () => {
    expect(clickThrough(3, 60)).toBe(0.05);
    expect(clickThrough(0, 0)).toBeNull();
  });

  it('names no winner on too few views, however large the gap', () => {
    expect(positionVerdict({ clicks: 50, views: 99 }, { clicks: 0, views: 99 })).toEqual({
      winner: null,
      pValue: null,
    });
  });

  it('names no winner while the difference may be chance', () => {
    const verdict = positionVerdict({ clicks: 52, views: 1000 }, { clicks: 48, views: 1000 });
    expect(verdict).toEqual({ winner: null, pValue: 1 });
  });

  it('asks more than a test read once: the mSPRT p-value, 1 / Λ', () => {
    // 120/1000 against 80/1000: pooled 0.1, z = 0.04 / sqrt(0.09 * 0.002) = 2.981, which a
    // z-test read once calls p = 0.003. With h = 2/1000 and τ = MIXTURE_SD = 0.1:
    // Λ = sqrt(h / (h + τ²)) · exp(τ² z² / (2 (h + τ²))) = 0.408 · exp(3.704) = 16.6 < 20.
    expect(MIXTURE_SD).toBe(0.1);
    const verdict = positionVerdict({ clicks: 120, views: 1000 }, { clicks: 80, views: 1000 });
    expect(verdict.winner).toBeNull();
    expect(verdict.pValue).toBeCloseTo(0.0603, 4);
  });

  it('names the winner once Λ reaches 1 / 0.05, either way round', () => {
    // The same rates over twice the views: z = 4.216, Λ = 0.302 · exp(8.081) = 974.
    const verdict = positionVerdict({ clicks: 240, views: 2000 }, { clicks: 160, views: 2000 });
    expect(verdict.winner).toBe('a');
    expect(verdict.pValue).toBeCloseTo(0.00103, 5);
    expect(positionVerdict({ clicks: 160, views: 2000 }, { clicks: 240, views: 2000 })).toEqual({
      winner: 'b',
      pValue: verdict.pValue,
    });
  });

  it('is no winner when nobody clicks either', () => {
    expect(positionVerdict({ clicks: 0, views: 500 }, { clicks: 0, views: 500 })).toEqual({
      winner: null,
      pValue: 1,
    });
  });
});
