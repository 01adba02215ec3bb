import { ADMIN_ACTIONS } from '#shared/contracts/admin';

/** Every admin route: an authenticated admin whose role grants every one of these actions. */
const allow = (...actions: string[]) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions } }],
});

/** Routes of the Baca Juga manager, under /newsroom in the admin API. */
export default () => ({
  type: 'admin',
  routes: [
    {
      method: 'GET',
      path: '/articles',
      handler: 'admin-articles.find',
      config: allow(ADMIN_ACTIONS.read),
    },
    {
      method: 'GET',
      path: '/link-health',
      handler: 'admin-articles.linkHealth',
      config: allow(ADMIN_ACTIONS.read),
    },
    {
      method: 'GET',
      path: '/status',
      handler: 'status.find',
      config: allow(ADMIN_ACTIONS.read),
    },
    {
      method: 'GET',
      path: '/targets',
      handler: 'admin-articles.targets',
      config: allow(ADMIN_ACTIONS.read),
    },
    {
      method: 'GET',
      path: '/articles/:documentId/placement',
      handler: 'placement.findOne',
      config: allow(ADMIN_ACTIONS.read),
    },
    {
      method: 'PUT',
      path: '/articles/:documentId/placement',
      handler: 'placement.update',
      // A save answers with the placement (and a stale one with a 409 naming the current
      // version): saving is reading too, so `manage` alone learns nothing about a draft.
      config: allow(ADMIN_ACTIONS.read, ADMIN_ACTIONS.manage),
    },
    {
      method: 'POST',
      path: '/articles/:documentId/placement/copy',
      handler: 'placement.copy',
      // A placement save like the one above, built from another locale's links.
      config: allow(ADMIN_ACTIONS.read, ADMIN_ACTIONS.manage),
    },
    {
      method: 'PUT',
      path: '/articles/:documentId/quotes/:quoteId/speaker',
      handler: 'quote-speaker.decide',
      // A manager write like the placement save, answered with what was stored: read + manage.
      config: allow(ADMIN_ACTIONS.read, ADMIN_ACTIONS.manage),
    },
    {
      method: 'POST',
      path: '/articles/:documentId/invalidate',
      handler: 'invalidations.resend',
      // Sends the story's purge to the subscribed webhooks again: a manager write.
      config: allow(ADMIN_ACTIONS.read, ADMIN_ACTIONS.manage),
    },
    {
      method: 'GET',
      path: '/articles/:documentId/link-stats',
      handler: 'link-stats.findOne',
      config: allow(ADMIN_ACTIONS.read),
    },
    {
      method: 'GET',
      path: '/articles/:documentId/live-backlinks',
      handler: 'live-backlinks.findOne',
      config: allow(ADMIN_ACTIONS.read),
    },
    {
      method: 'GET',
      path: '/articles/:documentId/suggestions',
      handler: 'placement.suggestions',
      config: allow(ADMIN_ACTIONS.read),
    },
    {
      method: 'GET',
      path: '/orphans',
      handler: 'placement.orphans',
      // Accepting a suggestion is a placement save (PUT above): read + manage.
      config: allow(ADMIN_ACTIONS.read),
    },
  ],
});
