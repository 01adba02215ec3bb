/**
 * The content manager's Preview button for an Article (services/preview): with
 * NEWSROOM_PREVIEW_ORIGIN set (a frontend such as docs/recipes/nextjs), it opens the story's
 * address there with a short-lived `?preview=` token; without one (the playground has no
 * frontend), it opens the plugin's own draft route with that token, render-ready JSON.
 */
const previewHandler =
  (origin: string | undefined) =>
  (uid: string, params: { documentId: string; locale?: string; status?: 'draft' | 'published' }) =>
    strapi
      .plugin('newsroom')
      .service('preview')
      .url(uid, params, {
        ...(origin
          ? { origin }
          : {
              url: ({ token, slug }: { token: string | null; slug: string }) =>
                token
                  ? `/api/newsroom/preview?token=${encodeURIComponent(token)}`
                  : `/api/newsroom/articles/${encodeURIComponent(slug)}`,
            }),
      });

export default ({ env }: { env: any }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
  flags: { nps: false, promoteEE: false },
  // Admin login is limited to 5 tries per 5 minutes; the browser tests log in more often
  // than that, so their server alone turns it off (ADMIN_RATE_LIMIT_ENABLED=false).
  rateLimit: { enabled: env.bool('ADMIN_RATE_LIMIT_ENABLED', true) },
  preview: {
    enabled: true,
    config: {
      ...(env('NEWSROOM_PREVIEW_ORIGIN')
        ? { allowedOrigins: [env('NEWSROOM_PREVIEW_ORIGIN')] }
        : {}),
      handler: previewHandler(env('NEWSROOM_PREVIEW_ORIGIN')),
    },
  },
});
