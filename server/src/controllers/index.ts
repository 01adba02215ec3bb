import { ARTICLE_UID, LINK_UID, QUOTE_UID } from '../constants';
import adminArticles from './admin-articles';
import invalidations from './invalidations';
import jsonld from './jsonld';
import placement from './placement';
import preview from './preview';
import quoteSpeaker from './quote-speaker';
import { createReadOnlyCoreController } from './read-only-core';
import related from './related';
import linkStats from './link-stats';
import liveBacklinks from './live-backlinks';
import readerEvents from './reader-events';
import { sitemapArticles, sitemapIndex, sitemapNews } from './sitemaps';
import status from './status';
import story from './story';

export default {
  // Strapi-standard read routes, keyed by content type so their actions read
  // `plugin::newsroom.article.find` etc. in the Users & Permissions and API token screens.
  article: createReadOnlyCoreController(ARTICLE_UID),
  quote: createReadOnlyCoreController(QUOTE_UID),
  'related-link': createReadOnlyCoreController(LINK_UID),
  story,
  related,
  jsonld,
  preview,
  // One action each, named find/findOne so that read-only API tokens may call them.
  'sitemap-news': sitemapNews,
  'sitemap-index': sitemapIndex,
  'sitemap-articles': sitemapArticles,
  // Reader events from frontends: `events.create` in the roles screen.
  events: readerEvents,
  'link-stats': linkStats,
  'live-backlinks': liveBacklinks,
  // Admin routes of the Baca Juga manager.
  'admin-articles': adminArticles,
  placement,
  'quote-speaker': quoteSpeaker,
  invalidations,
  status,
};
