/**
 * Quotes and Baca Juga links follow their story through publishing (a story's publish takes
 * them along), so Strapi's review workflows give them no stage of their own: a stage is the
 * story's. The Article keeps one.
 */
import article from '../../content-types/article/schema.json';
import quote from '../../content-types/quote/schema.json';
import relatedLink from '../../content-types/related-link/schema.json';

test('Quote and RelatedLink carry no review stage; Article may', () => {
  expect((quote.options as Record<string, unknown>).noStageAttribute).toBe(true);
  expect((relatedLink.options as Record<string, unknown>).noStageAttribute).toBe(true);
  expect((article.options as Record<string, unknown>).noStageAttribute).toBeUndefined();
});
