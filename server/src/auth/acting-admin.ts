import type { Core } from '@strapi/strapi';
import { adminUserName, type AdminUserNames } from '../utils/admin-user';

/** Strapi's strategy of the admin panel's own session (its routes and the content manager's). */
const ADMIN_SESSION = 'admin';

interface RequestState {
  state?: {
    auth?: { strategy?: { name?: unknown } };
    user?: (AdminUserNames & { id?: unknown }) | null;
  };
}

/**
 * The admin user on whose behalf the current write runs, from Strapi's request context (set
 * for every HTTP request, read down the async chain): only a user signed in to the admin panel.
 * A Users & Permissions user is no admin user (a reader's account), and a script, a cron job
 * or an API token has no person behind it: null for all of them.
 */
export const actingAdmin = (strapi: Core.Strapi): { id: number; name: string | null } | null => {
  const ctx = strapi.requestContext.get() as RequestState | undefined;
  if (ctx?.state?.auth?.strategy?.name !== ADMIN_SESSION) return null;
  const user = ctx.state.user;
  const id = Number(user?.id);
  if (!user || !Number.isInteger(id)) return null;
  return { id, name: adminUserName(user) };
};
