import path from 'path';

// The repository root: this file runs compiled from playground/dist/config.
const PLUGIN_ROOT = path.resolve(__dirname, '..', '..', '..');

export default ({ env }: { env: any }) => ({
  'users-permissions': {
    config: { jwtSecret: env('JWT_SECRET') },
  },
  // The plugin under development, loaded from the repository root (its built `dist/`).
  newsroom: {
    enabled: true,
    resolve: PLUGIN_ROOT,
    config: {
      hrefPattern: env('NEWSROOM_HREF_PATTERN', '/berita/:slug'),
      maxLinksPerArticle: env.int('NEWSROOM_MAX_LINKS', 10),
    },
  },
});
