/**
 * The plugin's three content types. Kept at the package root (not under server/) so the
 * schemas read as the data model of the plugin; the server entry imports them from here.
 * The key of each entry must equal `info.singularName`.
 */
import articleSchema from './article/schema.json';
import quoteSchema from './quote/schema.json';
import relatedLinkSchema from './related-link/schema.json';

export default {
  article: { schema: articleSchema },
  quote: { schema: quoteSchema },
  'related-link': { schema: relatedLinkSchema },
};
