/**
 * Quote attribution on the labelled corpus (tests/fixtures/attribution, see its README): no
 * wrong speaker at all, and at least 90 % of the labelled speakers found. Quiet unless it fails.
 */
import { parseStory } from '../../server/src/importer/parse-story';

const { score, summaryLine } = require('../fixtures/attribution/score') as {
  score: (parse: typeof parseStory) => CorpusScore;
  summaryLine: (result: CorpusScore) => string;
};

interface CorpusScore {
  wrong: number;
  recall: number;
  roleAccuracy: number;
  failures: unknown[];
}

describe('quote attribution on the labelled corpus', () => {
  const result = score(parseStory);
  const report = (ok: boolean): void => {
    if (!ok) {
      console.log(summaryLine(result));
      console.log(JSON.stringify(result.failures, null, 2));
    }
  };

  it('never names a wrong speaker', () => {
    report(result.wrong === 0);
    expect(result.wrong).toBe(0);
  });

  it('finds at least 90% of the labelled speakers', () => {
    report(result.recall >= 0.9);
    expect(result.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('gives the labelled role for speakers it names (reached 100%, margin kept)', () => {
    report(result.roleAccuracy >= 0.95);
    expect(result.roleAccuracy).toBeGreaterThanOrEqual(0.95);
  });
});
