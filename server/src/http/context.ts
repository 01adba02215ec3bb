import type { Context } from 'koa';

/**
 * Koa's context as the plugin's controllers read it: Strapi adds the route's path
 * parameters, the parsed request body and the authenticated caller.
 */
export type RequestContext = Context & {
  params: Record<string, string | undefined>;
  request: Context['request'] & { body?: unknown };
  state: { user?: { id: number }; auth?: any; route?: any; [key: string]: unknown };
};
