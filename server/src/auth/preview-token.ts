import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a preview link works: long enough to open and read, short enough to leak little. */
export const PREVIEW_TOKEN_TTL_SECONDS = 30 * 60;

/** What a preview token allows: the draft of one story, in one locale, until `expiresAt`. */
export interface PreviewGrant {
  documentId: string;
  locale: string | null;
  /** Seconds since the epoch. */
  expiresAt: number;
}

const encode = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/**
 * The token's key, derived from a secret every instance already shares (the admin's JWT
 * secret): any instance behind the load balancer verifies a token another minted, and nothing
 * is kept in memory or in the database. Derived, so a preview token is never an admin token.
 */
export const previewKey = (adminSecret: string): Buffer =>
  createHmac('sha256', adminSecret).update('newsroom preview token v1').digest();

const signature = (key: Buffer, body: string) =>
  createHmac('sha256', key).update(body).digest('base64url');

/**
 * A short-lived token for the Preview button's URL: `<payload>.<signature>`, base64url. It
 * names the story, so it opens that draft and no other; it is not an API token, and a
 * leaked one stops working after `PREVIEW_TOKEN_TTL_SECONDS`.
 */
export const signPreviewToken = (grant: PreviewGrant, key: Buffer): string => {
  const body = encode(JSON.stringify({ d: grant.documentId, l: grant.locale, e: grant.expiresAt }));
  return `${body}.${signature(key, body)}`;
};

/** The grant of a token this key signed and that has not expired; null for anything else. */
export const verifyPreviewToken = (
  token: unknown,
  key: Buffer,
  nowSeconds: number
): PreviewGrant | null => {
  if (typeof token !== 'string' || token.length > 1024) return null;
  const [body, given, ...rest] = token.split('.');
  if (!body || !given || rest.length > 0) return null;
  const expected = Buffer.from(signature(key, body));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const { d, l, e } = (payload ?? {}) as Record<string, unknown>;
  if (typeof d !== 'string' || d === '' || typeof e !== 'number') return null;
  if (l !== null && typeof l !== 'string') return null;
  if (e <= nowSeconds) return null;
  return { documentId: d, locale: l, expiresAt: e };
};
