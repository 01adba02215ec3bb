/**
 * What a link card says about its position test (admin/src/utils/positionTest.ts): waiting
 * for the story, for a save, for views, for significance, or a winner.
 */
import type { PositionTestStats } from '#shared/contracts/admin';
import { firstWords, positionTestStatus } from '../../admin/src/utils/positionTest';

const link = { afterParagraphId: 'p-aaaaaa', variantAfterParagraphId: 'p-bbbbbb' };
const published = new Set(['p-aaaaaa', 'p-bbbbbb']);
const stats = (views: [number, number], clicks: [number, number]): PositionTestStats => ({
  since: '2026-12-01',
  slots: { a: 'p-aaaaaa', b: 'p-bbbbbb' },
  views: { a: views[0], b: views[1] },
  clicks: { a: clicks[0], b: clicks[1] },
});

describe('the position test on a link card', () => {
  it('says nothing without a second slot, or before the counts are here', () => {
    expect(positionTestStatus({ ...link, variantAfterParagraphId: null }, published, null)).toBe(
      null
    );
    expect(positionTestStatus(link, published, undefined)).toBe(null);
  });

  it('waits for the story to be published with both slots, then for a save', () => {
    expect(positionTestStatus(link, null, null)).toEqual({ kind: 'unpublished' });
    expect(positionTestStatus(link, new Set(['p-aaaaaa']), null)).toEqual({ kind: 'waits' });
    expect(positionTestStatus(link, published, null)).toEqual({ kind: 'save' });
  });

  it('does not judge slots other than the ones counted', () => {
    const moved = { ...link, variantAfterParagraphId: 'start' };
    expect(positionTestStatus(moved, published, stats([150, 150], [5, 30]))).toEqual({
      kind: 'changed',
    });
  });

  it('names no winner below the views needed or when it could be chance, then one', () => {
    const few = positionTestStatus(link, published, stats([40, 38], [1, 5]));
    expect(few).toMatchObject({ kind: 'running', verdict: { winner: null, pValue: null } });
    const chance = positionTestStatus(link, published, stats([150, 150], [10, 12]));
    expect(chance).toMatchObject({ kind: 'running', verdict: { winner: null } });
    expect(chance?.kind === 'running' && chance.verdict.pValue).toBeGreaterThan(0.05);
    const won = positionTestStatus(link, published, stats([150, 150], [5, 30]));
    expect(won).toMatchObject({ kind: 'running', verdict: { winner: 'b' } });
  });

  it("names a slot by its paragraph's first words", () => {
    expect(firstWords('  Hujan deras mengguyur Jakarta sejak pagi hingga malam hari. ')).toBe(
      'Hujan deras mengguyur Jakarta sejak pagi…'
    );
    expect(firstWords('Banjir surut.')).toBe('Banjir surut.');
  });
});
