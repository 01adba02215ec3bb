/** The click-through arithmetic the server reports and the manager judges position tests by. */
import { clickThrough, positionVerdict } from '#shared/baca-juga/click-through';

describe('click-through and the position test', () => {
  it('is clicks per view, and null before any view', () => {
    expect(clickThrough(3, 60)).toBe(0.05);
    expect(clickThrough(0, 0)).toBeNull();
  });

  it('names no winner on too few views, however large the gap', () => {
    expect(positionVerdict({ clicks: 50, views: 99 }, { clicks: 0, views: 99 })).toEqual({
      winner: null,
      z: null,
      pValue: null,
    });
  });

  it('names no winner while the difference may be chance', () => {
    const verdict = positionVerdict({ clicks: 52, views: 1000 }, { clicks: 48, views: 1000 });
    expect(verdict.winner).toBeNull();
    expect(verdict.pValue).toBeGreaterThan(0.05);
  });

  it('names the winner once the difference is significant, with the textbook z', () => {
    // 120/1000 against 80/1000: pooled 0.1, z = 0.04 / sqrt(0.09 * 0.002) = 2.981.
    const verdict = positionVerdict({ clicks: 120, views: 1000 }, { clicks: 80, views: 1000 });
    expect(verdict.winner).toBe('a');
    expect(verdict.z).toBeCloseTo(2.981, 3);
    expect(verdict.pValue).toBeCloseTo(0.00287, 4);
    expect(positionVerdict({ clicks: 80, views: 1000 }, { clicks: 120, views: 1000 }).winner).toBe(
      'b'
    );
  });

  it('is no winner when nobody clicks either', () => {
    expect(positionVerdict({ clicks: 0, views: 500 }, { clicks: 0, views: 500 }).winner).toBeNull();
  });
});
