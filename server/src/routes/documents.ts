import { factories } from '@strapi/strapi';
import { ARTICLE_UID, LINK_UID, QUOTE_UID } from '../constants';

/**
 * Strapi's own read routes for the three types, under /api/newsroom/documents so they do not
 * collide with the render-ready /api/newsroom/articles:
 *   GET /api/newsroom/documents/articles[/:documentId]
 *   GET /api/newsroom/documents/quotes[/:documentId]
 *   GET /api/newsroom/documents/related-links[/:documentId]
 * Writes stay in the content manager (and, for API consumers, GraphQL mutations if granted).
 */
const readRouter = (uid: typeof ARTICLE_UID | typeof QUOTE_UID | typeof LINK_UID) =>
  factories.createCoreRouter(uid, {
    prefix: '/newsroom/documents',
    only: ['find', 'findOne'],
  } as any);

export default {
  'documents-articles': readRouter(ARTICLE_UID),
  'documents-quotes': readRouter(QUOTE_UID),
  'documents-related-links': readRouter(LINK_UID),
};
