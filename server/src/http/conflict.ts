import type { RequestContext } from './context';
import type { VersionConflictError } from '../utils/content-version';

/**
 * A stale write's answer: Strapi has no 409 error class, so this is its error shape with the
 * conflict status, and the current version in `details` for the admin to reload from.
 */
export const answerConflict = (ctx: RequestContext, error: VersionConflictError) => {
  ctx.status = 409;
  ctx.body = {
    data: null,
    error: {
      status: 409,
      name: 'ConflictError',
      message: error.message,
      details: { currentVersion: error.currentVersion },
    },
  };
};
