export default ({ env }: { env: any }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
  flags: { nps: false, promoteEE: false },
  // Admin login is limited to 5 tries per 5 minutes; the browser tests log in more often
  // than that, so their server alone turns it off (ADMIN_RATE_LIMIT_ENABLED=false).
  rateLimit: { enabled: env.bool('ADMIN_RATE_LIMIT_ENABLED', true) },
});
