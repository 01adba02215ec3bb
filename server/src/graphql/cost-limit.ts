import { createRequire } from 'node:module';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { NewsroomConfig } from '../config';

/** The parts of the `graphql` package the rule uses (it is the graphql plugin's, not ours). */
type Graphql = typeof import('graphql');

/** Fields that each cost a whole article render, not a column read. */
const RENDER_FIELDS = new Set(['renderedBody', 'linkedFrom']);
const RENDER_WEIGHT = 10;

/**
 * The cost of one GraphQL operation: every field it selects, aliases and fragment spreads
 * included, weighted by how many times it is resolved (a list field multiplies everything
 * below it by its page size) and by what it costs (a render is ten reads). Depth, aliases and
 * cost are bounded so that no single request can hold the server: each bound is refused with
 * a clear error before anything is resolved.
 */
export const costLimitRule = (
  gql: Graphql,
  limits: NewsroomConfig['graphql'],
  pageSize: number
) => {
  const { GraphQLError, getNamedType, isListType, getNullableType, Kind } = gql;

  const sizeOf = (field: import('graphql').FieldNode) => {
    const pagination = field.arguments?.find((a) => a.name.value === 'pagination');
    if (pagination?.value.kind === Kind.OBJECT) {
      for (const f of pagination.value.fields) {
        if (['limit', 'pageSize'].includes(f.name.value) && f.value.kind === Kind.INT) {
          return Math.max(1, Math.min(Number(f.value.value), pageSize));
        }
      }
    }
    return pageSize;
  };

  return (context: import('graphql').ValidationContext) => {
    const fragments = new Map(
      context
        .getDocument()
        .definitions.flatMap((d) =>
          d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : []
        )
    );
    const report = (message: string) =>
      context.reportError(new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COSTLY' } }));

    return {
      OperationDefinition(operation: import('graphql').OperationDefinitionNode) {
        const schema = context.getSchema();
        const root =
          operation.operation === 'query'
            ? schema.getQueryType()
            : operation.operation === 'mutation'
              ? schema.getMutationType()
              : schema.getSubscriptionType();
        if (!root) return;
        let aliases = 0;
        let cost = 0;
        let depth = 0;
        const walk = (
          selections: readonly import('graphql').SelectionNode[],
          parent: any,
          multiplier: number,
          level: number,
          spreading: Set<string>
        ) => {
          depth = Math.max(depth, level);
          // Past a bound the answer is known: stop walking what a hostile query makes large.
          if (depth > limits.maxDepth || cost > limits.maxCost || aliases > limits.maxAliases)
            return;
          for (const selection of selections) {
            if (selection.kind === Kind.FRAGMENT_SPREAD) {
              const name = selection.name.value;
              const fragment = fragments.get(name);
              if (!fragment || spreading.has(name)) continue;
              const type = schema.getType(fragment.typeCondition.name.value) ?? parent;
              walk(
                fragment.selectionSet.selections,
                type,
                multiplier,
                level,
                new Set([...spreading, name])
              );
              continue;
            }
            if (selection.kind === Kind.INLINE_FRAGMENT) {
              const type = selection.typeCondition
                ? (schema.getType(selection.typeCondition.name.value) ?? parent)
                : parent;
              walk(selection.selectionSet.selections, type, multiplier, level, spreading);
              continue;
            }
            if (selection.alias) aliases += 1;
            const name = selection.name.value;
            cost += multiplier * (RENDER_FIELDS.has(name) ? RENDER_WEIGHT : 1);
            const definition = parent?.getFields?.()[name];
            if (!definition || !selection.selectionSet) continue;
            const hasPagination = selection.arguments?.some((a) => a.name.value === 'pagination');
            const isList = isListType(getNullableType(definition.type)) && name !== 'nodes';
            const times = hasPagination || isList ? sizeOf(selection) : 1;
            walk(
              selection.selectionSet.selections,
              getNamedType(definition.type),
              multiplier * times,
              level + 1,
              spreading
            );
          }
        };
        walk(operation.selectionSet.selections, root, 1, 1, new Set());
        if (depth > limits.maxDepth) {
          report(`Query too deep: at most ${limits.maxDepth} levels of fields`);
        } else if (aliases > limits.maxAliases) {
          report(`Too many aliases: at most ${limits.maxAliases} per request`);
        } else if (cost > limits.maxCost) {
          report(
            `Query too costly: it would resolve about ${cost} fields (at most ${limits.maxCost}); ask for fewer items, fields or aliases`
          );
        }
      },
    };
  };
};

/**
 * Adds the cost rule to the graphql plugin's Apollo configuration. The plugin merges the app's
 * `apolloServer` over its defaults index by index, so a first rule of ours takes the place of
 * its depth limit (graphql-depth-limit): ours bounds depth too, at the stricter of the two
 * settings. Rules the app configured itself stay, before ours.
 */
export const installCostLimit = (strapi: Core.Strapi, limits: NewsroomConfig['graphql']) => {
  const appRequire = createRequire(path.join(strapi.dirs.app.root, 'package.json'));
  const pluginRequire = createRequire(appRequire.resolve('@strapi/plugin-graphql/package.json'));
  const gql = pluginRequire('graphql') as Graphql;
  const graphqlConfig = (strapi.config.get('plugin::graphql') ?? {}) as Record<string, any>;
  const pageSize = Number(graphqlConfig.maxLimit) > 0 ? Number(graphqlConfig.maxLimit) : 100;
  const apollo = (graphqlConfig.apolloServer ?? {}) as Record<string, any>;
  const existing: unknown[] = Array.isArray(apollo.validationRules) ? apollo.validationRules : [];
  const depthLimit = Number(graphqlConfig.depthLimit);
  const maxDepth = depthLimit > 0 ? Math.min(depthLimit, limits.maxDepth) : limits.maxDepth;
  const rule = costLimitRule(gql, { ...limits, maxDepth }, pageSize);
  strapi.config.set('plugin::graphql.apolloServer', {
    ...apollo,
    validationRules: [...existing, rule],
  });
};
