/**
 * Routes for news frontends, under /api/newsroom. Access follows the Users & Permissions
 * plugin: grant `plugin::newsroom.article.findOne` to the roles (e.g. Public) that may read.
 */
export default () => ({
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/articles/:slug',
      handler: 'article.findOne',
      config: { policies: [] },
    },
  ],
});
