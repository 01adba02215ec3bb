import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PREVIEW_ACTION } from '../constants';
import { paramError } from '../validation/params';

export type ReadStatus = 'published' | 'draft';

/** Query parameters that select or reveal draft versions in Strapi 5's Document Service. */
const DRAFT_REVEALING_PARAMS = ['publicationFilter', 'hasPublishedVersion'] as const;

/** Content-API token strategies (the name changed across 5.x minors). */
const TOKEN_STRATEGIES = new Set(['api-token', 'content-api-token']);

/**
 * The errors Strapi's token check answers with about the token itself, by name: Strapi's own
 * copy of @strapi/utils may not be the plugin's, so `instanceof` could miss them.
 */
const TOKEN_REFUSALS = new Set(['ForbiddenError', 'UnauthorizedError']);

/**
 * Strapi 5 serves drafts to anyone who may `find` and adds `?status=draft` (strapi/strapi
 * #25326). Frontends must never see a draft by accident, so on the plugin's routes a draft is
 * served only to an API token that Strapi's own permission check allows the plugin's
 * `preview` action: a full-access token, or a custom token with that action ticked. Read-only
 * tokens, the Public role and Users & Permissions users are refused with a 4xx, never quietly
 * served published content instead.
 */
export const resolveReadStatus = async (
  strapi: Core.Strapi,
  ctx: { query: Record<string, unknown>; state: { auth?: any } }
): Promise<ReadStatus> => {
  const { status } = ctx.query;
  for (const param of DRAFT_REVEALING_PARAMS) {
    if (ctx.query[param] !== undefined && ctx.query[param] !== null) {
      await assertDraftAccess(strapi, ctx.state.auth, param);
    }
  }
  if (status === undefined || status === 'published') return 'published';
  if (status !== 'draft') {
    paramError('status', 'must be "published" or "draft"');
  }
  await assertDraftAccess(strapi, ctx.state.auth, 'status');
  return 'draft';
};

/**
 * A 403 that keeps its message: Strapi's route authorisation turns any other Forbidden or
 * Unauthorized error thrown below it into a bare "Forbidden", but lets a PolicyError through.
 */
const refuse = (param: string, message: string): never => {
  throw new errors.PolicyError(`${param}: ${message}`, { param, action: PREVIEW_ACTION });
};

const assertDraftAccess = async (strapi: Core.Strapi, auth: any, param: string) => {
  const strategy: string | undefined = auth?.strategy?.name;
  if (!auth?.credentials || !strategy || !TOKEN_STRATEGIES.has(strategy)) {
    refuse(param, `drafts are served only to an API token allowed the ${PREVIEW_ACTION} action`);
  }
  try {
    // Strapi's own check: full-access passes, read-only fails (not a find scope), custom
    // tokens pass only with the action granted.
    await strapi.get('auth').verify(auth, { scope: [PREVIEW_ACTION] });
  } catch (error) {
    // Only Strapi's answers about the token mean "no draft access": Forbidden (not allowed
    // the action), Unauthorized (unknown or expired). Anything else (the database failing, a
    // bug) says nothing about the token: it is a 5xx, so the caller retries and it shows in
    // the logs, instead of a 403 that tells a frontend this token may never preview. Either
    // way nothing is served.
    if (!TOKEN_REFUSALS.has((error as Error | null)?.name ?? '')) throw error;
    refuse(param, `this API token may not read drafts; it needs the ${PREVIEW_ACTION} action`);
  }
};
