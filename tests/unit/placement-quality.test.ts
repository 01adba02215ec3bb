import path from 'path';
import { parseStory } from '../../server/src/importer/parse-story';
import { analyzeParagraphs, bestParagraph } from '../../server/src/search/placement';
const { scorePlacement } = require('../fixtures/attribution/placement-score');

/**
 * The placement-quality figure (npm run score:placement) as a floor: a change to the engine that
 * places fewer Baca Juga lines where the editors put them fails here. The held-out stories are
 * measured, never tuned on; their floor only records today's figure.
 */
const place = (paragraphs: { id: string; text: string }[], title: string) =>
  bestParagraph(analyzeParagraphs(paragraphs), { title })?.number ?? null;

describe('placement quality on the labelled stories', () => {
  it('places at least 4 of 23 lines after the editor’s paragraph, 8 within one', () => {
    const result = scorePlacement(parseStory, place);
    expect(result.lines).toBe(23);
    expect(result.exact).toBeGreaterThanOrEqual(4);
    expect(result.nearby).toBeGreaterThanOrEqual(8);
  });

  it('places at least 1 of 6 held-out lines after the editor’s paragraph', () => {
    const result = scorePlacement(
      parseStory,
      place,
      path.join(__dirname, '../fixtures/attribution/holdout')
    );
    expect(result.lines).toBe(6);
    expect(result.exact).toBeGreaterThanOrEqual(1);
    expect(result.nearby).toBeGreaterThanOrEqual(1);
  });
});
