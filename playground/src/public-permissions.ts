import type { Core } from '@strapi/strapi';

/** Read actions of the newsroom content API that the playground opens to the Public role. */
export const PUBLIC_ACTIONS = ['plugin::newsroom.article.findOne'];

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
