import type { Core } from '@strapi/strapi';

/**
 * Read actions of the newsroom content API that the playground opens to the Public role: every
 * content-API route except `preview.draft` (drafts are for API tokens only). docs/API.md lists
 * the same set for production apps; a test keeps the two in step with the plugin's routes.
 */
export const PUBLIC_ACTIONS = [
  'plugin::newsroom.story.find',
  'plugin::newsroom.story.findOne',
  'plugin::newsroom.jsonld.findOne',
  'plugin::newsroom.related.findOne',
  'plugin::newsroom.article.find',
  'plugin::newsroom.article.findOne',
  'plugin::newsroom.quote.find',
  'plugin::newsroom.quote.findOne',
  'plugin::newsroom.related-link.find',
  'plugin::newsroom.related-link.findOne',
  'plugin::newsroom.sitemap-news.find',
  'plugin::newsroom.sitemap-index.find',
  'plugin::newsroom.sitemap-articles.findOne',
  'plugin::newsroom.events.create',
];

export const grantPublicRead = async (strapi: Core.Strapi) => {
  const roleQuery = strapi.db.query('plugin::users-permissions.role');
  const permissionQuery = strapi.db.query('plugin::users-permissions.permission');
  const publicRole = await roleQuery.findOne({ where: { type: 'public' } });
  if (!publicRole) return;
  for (const action of PUBLIC_ACTIONS) {
    const existing = await permissionQuery.findOne({ where: { action, role: publicRole.id } });
    if (!existing) await permissionQuery.create({ data: { action, role: publicRole.id } });
  }
};
