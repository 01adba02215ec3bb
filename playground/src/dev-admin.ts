import type { Core } from '@strapi/strapi';

/**
 * Development only: a fresh playground gets an admin account so that `npm start` leads
 * straight to a usable admin. Never runs with NODE_ENV=production.
 */
export const ensureDevAdmin = async (strapi: Core.Strapi) => {
  if (process.env.NODE_ENV === 'production') return;
  const userService = strapi.service('admin::user');
  if (await userService.exists()) return;

  const email = process.env.NEWSROOM_ADMIN_EMAIL || 'admin@newsroom.local';
  const password = process.env.NEWSROOM_ADMIN_PASSWORD || 'Newsroom-dev-1';
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await userService.create({
    email,
    password,
    firstname: 'Newsroom',
    lastname: 'Admin',
    isActive: true,
    registrationToken: null,
    roles: superAdmin ? [superAdmin.id] : [],
  });
  strapi.log.info(`[playground] development admin created: ${email} / ${password}`);
};
