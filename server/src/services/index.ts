import { factories } from '@strapi/strapi';
import { ARTICLE_UID, LINK_UID, QUOTE_UID } from '../constants';
import adminArticles from './admin-articles';
import importer from './importer';
import invalidations from './invalidations';
import listing from './listing';
import liveBacklinks from './live-backlinks';
import placement from './placement';
import placementCopy from './placement-copy';
import preview from './preview';
import publishedEffects from './published-effects';
import quoteSpeaker from './quote-speaker';
import render from './render';
import seed from './seed';
import freshness from './freshness';
import related from './related';
import responseCache from './response-cache';
import searchIndex from './search-index';
import slugHistory from './slug-history';
import sitemaps from './sitemaps';
import readerEvents from './reader-events';
import suggestions from './suggestions';

export default {
  // Core services back the core read controllers (`strapi.service(uid)`).
  article: factories.createCoreService(ARTICLE_UID),
  quote: factories.createCoreService(QUOTE_UID),
  'related-link': factories.createCoreService(LINK_UID),
  render,
  listing,
  importer,
  seed,
  adminArticles,
  placement,
  placementCopy,
  preview,
  quoteSpeaker,
  suggestions,
  freshness,
  publishedEffects,
  invalidations,
  responseCache,
  searchIndex,
  slugHistory,
  sitemaps,
  readerEvents,
  related,
  liveBacklinks,
};
