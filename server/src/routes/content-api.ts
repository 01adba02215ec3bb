/**
 * Render-ready routes for news frontends, under /api/newsroom. Access follows Users &
 * Permissions and API tokens like any content-API route; docs/API.md lists the actions the
 * Public role needs.
 */
import { READ_STRATEGIES } from '../auth/public-read';

/** Routes whose anonymous calls go through the one-statement public check (auth/public-read). */
const published = () => ({ auth: { strategies: READ_STRATEGIES() }, policies: [] });

export default () => ({
  type: 'content-api',
  routes: [
    // No auth: a health probe for load balancers and the benchmark's floor; it reads nothing.
    { method: 'GET', path: '/ping', handler: 'story.ping', config: { auth: false, policies: [] } },
    { method: 'GET', path: '/articles', handler: 'story.find', config: published() },
    { method: 'GET', path: '/articles/:slug', handler: 'story.findOne', config: published() },
    {
      method: 'GET',
      path: '/articles/:slug/jsonld',
      handler: 'jsonld.findOne',
      config: published(),
    },
    {
      method: 'GET',
      path: '/articles/:slug/related',
      handler: 'related.findOne',
      config: published(),
    },
    {
      method: 'GET',
      path: '/sitemaps/news.xml',
      handler: 'sitemap-news.find',
      config: published(),
    },
    {
      method: 'GET',
      path: '/sitemaps/index.xml',
      handler: 'sitemap-index.find',
      config: published(),
    },
    {
      method: 'GET',
      path: '/sitemaps/articles-:page.xml',
      handler: 'sitemap-articles.findOne',
      config: published(),
    },
    // Reader events (views, clicks): the Public role needs `events.create` for browsers to send them.
    { method: 'POST', path: '/events', handler: 'events.create', config: published() },
    {
      method: 'GET',
      path: '/articles/:slug/preview',
      handler: 'preview.draft',
      config: { policies: [] },
    },
    // The Preview button's link (services/preview): its short-lived token is the credential.
    {
      method: 'GET',
      path: '/preview',
      handler: 'preview.token',
      config: { auth: false, policies: [] },
    },
  ],
});
