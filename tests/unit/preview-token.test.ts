/**
 * Preview tokens (server/src/auth/preview-token): a Preview link opens one story's draft, for
 * a while, on any instance that shares the admin secret; nothing else opens anything.
 */
import { createHmac } from 'node:crypto';
import {
  PREVIEW_TOKEN_TTL_SECONDS,
  previewKey,
  signPreviewToken,
  verifyPreviewToken,
} from '../../server/src/auth/preview-token';

const key = previewKey('admin-jwt-secret');
const now = 1_800_000_000;
const grant = { documentId: 'abc123', locale: null, expiresAt: now + PREVIEW_TOKEN_TTL_SECONDS };

describe('preview tokens', () => {
  it('verifies on another instance with the same secret, and names the story it opens', () => {
    const token = signPreviewToken(grant, key);
    expect(verifyPreviewToken(token, previewKey('admin-jwt-secret'), now)).toEqual(grant);
    expect(verifyPreviewToken(token, key, now)?.documentId).toBe('abc123');
  });

  it('refuses one signed with another secret, or an admin secret used directly', () => {
    const token = signPreviewToken(grant, key);
    expect(verifyPreviewToken(token, previewKey('another-secret'), now)).toBeNull();
    expect(verifyPreviewToken(token, Buffer.from('admin-jwt-secret'), now)).toBeNull();
  });

  it('refuses an expired token, from its last second on', () => {
    const token = signPreviewToken(grant, key);
    expect(verifyPreviewToken(token, key, grant.expiresAt - 1)).not.toBeNull();
    expect(verifyPreviewToken(token, key, grant.expiresAt)).toBeNull();
  });

  it('refuses a token whose story, locale or expiry was changed', () => {
    const [, sig] = signPreviewToken(grant, key).split('.');
    for (const changed of [
      { d: 'other', l: null, e: grant.expiresAt },
      { d: 'abc123', l: 'en', e: grant.expiresAt },
      { d: 'abc123', l: null, e: grant.expiresAt + 86_400 },
    ]) {
      const body = Buffer.from(JSON.stringify(changed)).toString('base64url');
      expect(verifyPreviewToken(`${body}.${sig}`, key, now)).toBeNull();
    }
  });

  it.each([
    ['nothing', undefined],
    ['a number', 42],
    ['an empty string', ''],
    ['no signature', 'eyJkIjoiYSJ9'],
    ['three parts', 'a.b.c'],
    ['a long string', 'a'.repeat(5000)],
    ['an array (?token=a&token=b)', ['a', 'b']],
  ])('refuses %s', (_case, token) => {
    expect(verifyPreviewToken(token, key, now)).toBeNull();
  });

  it('refuses a well-signed payload that is not a grant', () => {
    for (const payload of [
      'null',
      '[]',
      '{"d":"","e":1900000000}',
      '{"d":"x","l":5,"e":1900000000}',
    ]) {
      const body = Buffer.from(payload).toString('base64url');
      // Signed with the right key: only the payload's shape is wrong.
      const good = createHmac('sha256', key).update(body).digest('base64url');
      expect(verifyPreviewToken(`${body}.${good}`, key, now)).toBeNull();
    }
  });
});
