/**
 * The real-copy scorer (tests/fixtures/attribution/score.js, `npm run score:attribution -- --real
 * DIR`): what it counts for each kind of outcome, where it finds a story's labels, and that the
 * committed real-copy labels keep the format a held-out set is scored with. The stories here are
 * invented; the real texts are never in the repository.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface Counts {
  quotes: number;
  labelled: number;
  credited: number;
  right: number;
  wrong: number;
  emptyFlagged: number;
  emptyUnflagged: number;
  notFound: number;
  precision: number;
  recall: number;
}
interface RealScore extends Counts {
  stories: number;
  unlabelled: string[];
  outlets: Record<string, Counts>;
  failures: { id: string; kind: string; quote: string; context: string | null }[];
}
interface FakeQuote {
  text: string;
  speaker: string | null;
  speakerRole: string | null;
  needsReview: boolean;
  paragraph: number;
}

const { scoreReal } = require('../fixtures/attribution/score') as {
  scoreReal: (
    parse: (text: string) => { paragraphs: string[]; quotes: FakeQuote[] },
    dir: string,
    labelDir?: string
  ) => RealScore;
};

const LABELS = path.join(__dirname, '../fixtures/attribution/real');

describe('real-copy scorer', () => {
  let dir: string;
  let labelDir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'real-copy-'));
    labelDir = fs.mkdtempSync(path.join(os.tmpdir(), 'real-labels-'));
    // Labels beside the text.
    fs.writeFileSync(path.join(dir, 'a.txt'), 'Judul A\n"Satu," kata Budi.\n"Dua," kata Lantas.\n');
    fs.writeFileSync(
      path.join(dir, 'a.expect.json'),
      JSON.stringify({
        url: 'https://example.test/a',
        outlet: 'Harian A',
        quotes: [
          { quote: 'Satu,', speaker: 'Budi Santoso', speakerRole: null },
          { quote: 'Dua,', speaker: 'Budi Santoso', speakerRole: null },
        ],
      })
    );
    // Labels only in the label folder (the committed labels, for a held-out text).
    fs.writeFileSync(path.join(dir, 'b.txt'), 'Judul B\n"Tiga," ujarnya.\n"Empat."\n"Lima."\n');
    fs.writeFileSync(
      path.join(labelDir, 'b.expect.json'),
      JSON.stringify({
        url: 'https://example.test/b',
        outlet: 'Koran B',
        quotes: [
          { quote: 'Tiga,', speaker: 'Sri Wahyuni', speakerRole: 'Kepala Desa' },
          { quote: 'Empat.', speaker: 'Sri Wahyuni', speakerRole: 'Kepala Desa' },
          { quote: 'Lima.', speaker: null, speakerRole: null },
          { quote: 'Enam', speaker: 'Sri Wahyuni', speakerRole: 'Kepala Desa' },
        ],
      })
    );
    // No labels anywhere: listed, not scored.
    fs.writeFileSync(path.join(dir, 'c.txt'), 'Judul C\n"Tujuh," kata Ani.\n');
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(labelDir, { recursive: true, force: true });
  });

  // A stand-in parser with one outcome of each kind.
  const answers: Record<string, Omit<FakeQuote, 'paragraph'>> = {
    'Satu,': { text: 'Satu,', speaker: 'Budi Santoso', speakerRole: null, needsReview: false },
    'Dua,': { text: 'Dua,', speaker: 'Lantas', speakerRole: null, needsReview: false },
    'Tiga,': { text: 'Tiga,', speaker: null, speakerRole: null, needsReview: true },
    'Empat.': { text: 'Empat.', speaker: null, speakerRole: null, needsReview: false },
    'Lima.': { text: 'Lima.', speaker: 'Sri Wahyuni', speakerRole: null, needsReview: false },
  };
  const fakeParse = (text: string) => {
    const paragraphs = text.trim().split('\n').slice(1);
    const quotes = paragraphs.flatMap((p, i) =>
      Object.entries(answers)
        .filter(([key]) => p.includes(`"${key}`))
        .map(([, q]) => ({ ...q, paragraph: i + 1 }))
    );
    return { paragraphs, quotes };
  };

  it('counts credited, right, wrong, empty flagged or not, not found; precision and recall', () => {
    const r = scoreReal(fakeParse, dir, labelDir);
    expect(r).toMatchObject({
      stories: 2,
      unlabelled: ['c'],
      quotes: 6,
      labelled: 5,
      credited: 3, // Budi Santoso, Lantas, and a name on the quote nobody said
      right: 1,
      wrong: 2, // a different person, and a name where the label is null
      emptyFlagged: 1,
      emptyUnflagged: 1,
      notFound: 1,
    });
    expect(r.precision).toBeCloseTo(1 / 3);
    expect(r.recall).toBeCloseTo(1 / 5);
    expect(r.outlets['Harian A']).toMatchObject({ credited: 2, right: 1, wrong: 1 });
    expect(r.outlets['Koran B']).toMatchObject({
      credited: 1,
      wrong: 1,
      emptyFlagged: 1,
      emptyUnflagged: 1,
      notFound: 1,
    });
  });

  it('lists every failure with the paragraph it stands in', () => {
    const r = scoreReal(fakeParse, dir, labelDir);
    expect(r.failures.map((f) => [f.id, f.kind, f.quote])).toEqual([
      ['a', 'wrong', 'Dua,'],
      ['b', 'missed', 'Tiga,'],
      ['b', 'missed', 'Empat.'],
      ['b', 'wrong', 'Lima.'],
      ['b', 'not found', 'Enam'],
    ]);
    expect(r.failures[0].context).toBe('"Dua," kata Lantas.');
  });

  it('prefers labels beside the text to the committed ones', () => {
    fs.writeFileSync(
      path.join(labelDir, 'a.expect.json'),
      JSON.stringify({ url: 'x', outlet: 'Wrong place', quotes: [] })
    );
    const r = scoreReal(fakeParse, dir, labelDir);
    expect(Object.keys(r.outlets).sort()).toEqual(['Harian A', 'Koran B']);
  });
});

describe('committed real-copy labels', () => {
  const files = fs.readdirSync(LABELS).filter((f) => f.endsWith('.expect.json'));

  it('cover at least 45 stories from at least 15 outlets', () => {
    const outlets = new Set(
      files.map((f) => JSON.parse(fs.readFileSync(path.join(LABELS, f), 'utf8')).outlet)
    );
    expect(files.length).toBeGreaterThanOrEqual(45);
    expect(outlets.size).toBeGreaterThanOrEqual(15);
  });

  it('give a source address, an outlet and quotes cut by the prefix rule', () => {
    for (const file of files) {
      const label = JSON.parse(fs.readFileSync(path.join(LABELS, file), 'utf8'));
      expect(label.url).toMatch(/^https?:\/\//);
      expect(typeof label.outlet).toBe('string');
      expect(label.quotes.length).toBeGreaterThan(0);
      for (const q of label.quotes) {
        // Whole quote up to 40 characters, else cut at the first space at or after 30.
        const ok =
          q.quote.length <= 40 || (q.quote.length >= 30 && !q.quote.slice(30).includes(' '));
        if (!ok) throw new Error(`${file}: prefix rule broken by "${q.quote}"`);
        expect(q.speaker === null || typeof q.speaker === 'string').toBe(true);
        expect(q.speakerRole === null || typeof q.speakerRole === 'string').toBe(true);
      }
    }
  });
});
