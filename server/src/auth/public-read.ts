import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { FRESHNESS_TABLE } from '../database/plugin-tables';
import { preparedStatement } from '../database/prepared';
import type { RequestContext } from '../http/context';

/**
 * The content-API strategies the render-ready routes try, in order. Anonymous readers, by far
 * the most frequent callers, are answered by `publicRead`; a request with an Authorization
 * header goes on to Strapi's own API-token and Users & Permissions strategies, unchanged.
 * (Strapi tries only the strategies a route names; an app's own extra content-API strategy
 * would need adding here.)
 */
export const READ_STRATEGIES = (): unknown[] => [
  publicRead,
  'content-api-token',
  'api-token',
  'users-permissions',
];

const PERMISSION_UID = 'plugin::users-permissions.permission';
const ROLE_UID = 'plugin::users-permissions.role';

/** What the request's one statement found. */
export interface PublicReadState {
  /** The published content's generation, read before anything is computed. */
  generation: number;
}

/**
 * The statement for one route's scope, compiled once: a frequent request should not pay for
 * building the same SQL again.
 */
const gateStatement = (strapi: Core.Strapi, scope: string[]) => {
  const knex = strapi.db.connection;
  const permissions = strapi.db.metadata.get(PERMISSION_UID as any);
  const roles = strapi.db.metadata.get(ROLE_UID as any);
  const { joinTable } = permissions.attributes.role as any;
  const publicActions = () =>
    knex({ p: permissions.tableName })
      .join({ l: joinTable.name }, `l.${joinTable.joinColumn.name}`, 'p.id')
      .join({ r: roles.tableName }, 'r.id', `l.${joinTable.inverseJoinColumn.name}`)
      .where('r.type', 'public');
  const run = preparedStatement(
    knex,
    knex.select({
      generation: knex(FRESHNESS_TABLE).select('generation').where({ id: 1 }),
      total: publicActions().count('*'),
      granted: publicActions().whereIn('p.action', scope).count('*'),
    })
  );
  return async () =>
    (await run())[0] as { generation: unknown; total: unknown; granted: unknown } | undefined;
};

const statements = new WeakMap<object, Map<string, ReturnType<typeof gateStatement>>>();

const gateFor = (strapi: Core.Strapi, scope: string[]) => {
  let byScope = statements.get(strapi);
  if (!byScope) statements.set(strapi, (byScope = new Map()));
  const key = scope.join('\n');
  let statement = byScope.get(key);
  if (!statement) byScope.set(key, (statement = gateStatement(strapi, scope)));
  return statement;
};

/**
 * Users & Permissions answers an anonymous request by loading every permission of the Public
 * role and building a CASL ability from them, on every request: half the cost of a cached
 * article. This strategy asks the database one question instead (is this route's action
 * granted to the Public role?) and reads the content generation in the same statement, which
 * the response cache then uses. The outcome is the same as Users & Permissions': 401 when the
 * Public role has no permission at all, 403 when it lacks this one, through the route.
 */
export const publicRead = {
  name: 'newsroom-public-read',

  async authenticate(ctx: RequestContext) {
    // Credentials of any kind are for Strapi's own strategies to check.
    if (ctx.get('authorization')) return { authenticated: false };
    const strapi = (globalThis as any).strapi as Core.Strapi;
    if (!strapi.db.metadata.has(PERMISSION_UID as any)) return { authenticated: false };

    const scope: string[] = ctx.state.route?.config?.auth?.scope ?? [];
    const row = await gateFor(strapi, scope)();
    if (Number(row?.total ?? 0) === 0) return { authenticated: false };

    const state: PublicReadState = { generation: Number(row?.generation ?? 0) };
    ctx.state.newsroom = state;
    const granted = scope.length > 0 && Number(row?.granted) === scope.length;
    return {
      authenticated: true,
      credentials: null,
      ability: { can: (action: string) => granted && scope.includes(action) },
    };
  },

  /** As Users & Permissions verifies: every scope must be allowed. */
  verify(auth: any, config: { scope?: string[] }) {
    if (!config.scope) throw new errors.UnauthorizedError();
    if (!auth.ability || !config.scope.every((action) => auth.ability.can(action))) {
      throw new errors.ForbiddenError();
    }
  },
};
