/**
 * Draft access (server/src/auth/draft-access): only Strapi's answers about the token itself
 * (Forbidden, Unauthorized) mean "no draft access", a 403 that keeps its message. Any other
 * failure of the check (the database, a bug) is not an answer about the token: it surfaces as
 * itself (a 500), never as a quiet refusal, and never as a draft served.
 */
import { errors } from '@strapi/utils';
import { resolveReadStatus } from '../../server/src/auth/draft-access';

const token = { strategy: { name: 'api-token' }, credentials: { id: 1 } };

const strapiWith = (verify: () => unknown) =>
  ({ get: (name: string) => (name === 'auth' ? { verify } : undefined) }) as any;

const draftRequest = () => ({ query: { status: 'draft' }, state: { auth: token } });

describe('draft access', () => {
  it('serves drafts to a token Strapi allows the preview action', async () => {
    await expect(
      resolveReadStatus(
        strapiWith(() => undefined),
        draftRequest()
      )
    ).resolves.toBe('draft');
  });

  it.each([
    ['without the action', () => new errors.ForbiddenError()],
    ['expired', () => new errors.UnauthorizedError('Token expired')],
  ])('refuses a token %s with a 403 that says why', async (_case, error) => {
    const strapi = strapiWith(() => {
      throw error();
    });
    await expect(resolveReadStatus(strapi, draftRequest())).rejects.toMatchObject({
      name: 'PolicyError',
      message: expect.stringContaining('may not read drafts'),
    });
  });

  it('lets any other failure of the check through as itself, not as "no draft access"', async () => {
    const outage = new Error('connect ECONNREFUSED 127.0.0.1:5432');
    const strapi = strapiWith(async () => {
      throw outage;
    });
    await expect(resolveReadStatus(strapi, draftRequest())).rejects.toBe(outage);
  });
});
