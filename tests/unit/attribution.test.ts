/**
 * Quote attribution on the labelled corpus (tests/fixtures/attribution, see its README): no
 * wrong speaker at all, and at least 90 % of the labelled speakers found. And on the held-out
 * set (holdout/: other outlets, regions and names, written without the parser in view): still
 * no wrong speaker; what the parser cannot tell it leaves to an editor. Quiet unless it fails.
 */
import path from 'node:path';
import { parseStory } from '../../server/src/importer/parse-story';

const { score, summaryLine } = require('../fixtures/attribution/score') as {
  score: (parse: typeof parseStory, dir?: string) => CorpusScore;
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

describe('quote attribution on the held-out set', () => {
  const result = score(parseStory, path.join(__dirname, '../fixtures/attribution/holdout'));
  const report = (ok: boolean): void => {
    if (!ok) {
      console.log(summaryLine(result));
      console.log(JSON.stringify(result.failures, null, 2));
    }
  };

  it('never names a wrong speaker on copy it was not tuned on', () => {
    report(result.wrong === 0);
    expect(result.wrong).toBe(0);
  });

  it('flags every quote it leaves without a speaker, and finds most (66% reached)', () => {
    const misses = result.failures.filter((f: any) => f.kind === 'missed');
    report(misses.every((f: any) => f.got?.needsReview === true) && result.recall >= 0.6);
    for (const miss of misses) expect(miss).toMatchObject({ got: { needsReview: true } });
    expect(result.recall).toBeGreaterThanOrEqual(0.6);
  });
});
