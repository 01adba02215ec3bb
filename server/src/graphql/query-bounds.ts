import { createRequire } from 'node:module';
import path from 'node:path';
import type { DocumentNode, GraphQLSchema, ValidationContext } from 'graphql';
import type { Core } from '@strapi/strapi';
import type { NewsroomConfig } from '../config';
import { introspectionBudget, priceOperation } from './cost-limit';
import { hideInternalErrors } from './internal-errors';
import type { PageSettings } from './page-size';
import { fragmentsOf, shapeOf } from './query-shape';

/** The parts of the `graphql` package used here (it is the graphql plugin's, not ours). */
type Graphql = typeof import('graphql');
type Limits = NewsroomConfig['graphql'];

/**
 * Bounds on one GraphQL request, as an Apollo plugin, so that no request holds the server:
 *
 * - before validation, a fragment that spreads itself and a document larger (fragments spread
 *   out) than any it could price are refused: graphql's own rules and Strapi's depth rule
 *   (graphql-depth-limit, which follows spreads unguarded, so a cycle was a stack overflow and
 *   a 500) would walk them first. A hook cannot answer a 400 there, so the document is swapped
 *   for a stand-in that our validation rule refuses with the reason.
 * - once the operation is known, with its variables' values: depth, aliases, the cost of what
 *   Strapi will serve, what introspection will serve, and argument values PostgreSQL cannot
 *   take (a NUL character), each a 400 before anything resolves.
 * - on the way out, internal errors lose their detail (SQL among it).
 */
export const queryBounds = (gql: Graphql, limits: Limits, page: PageSettings) => {
  const { GraphQLError } = gql;
  const budgets = new WeakMap<GraphQLSchema, number>();
  const budgetOf = (schema: GraphQLSchema) => {
    if (!budgets.has(schema)) budgets.set(schema, introspectionBudget(gql, schema));
    return budgets.get(schema)!;
  };
  const refusals = new WeakMap<DocumentNode, string>();
  const refuse = (message: string, code = 'QUERY_TOO_COSTLY') =>
    new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

  const validationRule = (context: ValidationContext) => {
    const refusal = refusals.get(context.getDocument());
    if (refusal) context.reportError(new GraphQLError(refusal));
    return {};
  };

  const plugin = {
    async requestDidStart() {
      return {
        async validationDidStart(request: { document?: DocumentNode; schema: GraphQLSchema }) {
          if (!request.document) return;
          // Every field costs at least 1, of data or of introspection.
          const cap = limits.maxCost + budgetOf(request.schema);
          const shape = shapeOf(gql, request.document, cap);
          const refusal = shape.cycle
            ? `Cannot spread fragment "${shape.cycle}" within itself`
            : shape.fields > cap
              ? `Query too large: more than ${cap} fields once its fragments are spread`
              : undefined;
          if (!refusal) return;
          const standIn = gql.parse('{ __typename }');
          refusals.set(standIn, refusal);
          request.document = standIn;
        },

        async didResolveOperation(request: {
          document: DocumentNode;
          operation?: import('graphql').OperationDefinitionNode;
          schema: GraphQLSchema;
          request: { variables?: Record<string, unknown> };
        }) {
          const { operation, document, schema } = request;
          if (!operation) return;
          const introspection = budgetOf(schema);
          const shape = shapeOf(gql, document, limits.maxCost + introspection, operation);
          if (shape.depth > limits.maxDepth) {
            throw refuse(`Query too deep: at most ${limits.maxDepth} levels of fields`);
          }
          if (shape.aliases > limits.maxAliases) {
            throw refuse(`Too many aliases: at most ${limits.maxAliases} per request`);
          }
          const coerced = gql.getVariableValues(
            schema,
            operation.variableDefinitions ?? [],
            request.request.variables ?? {},
            { maxErrors: 1 }
          );
          // Variables of the wrong type: execution answers that with its own 400.
          if (!coerced.coerced) return;
          const price = priceOperation(
            gql,
            {
              schema,
              operation,
              fragments: fragmentsOf(gql, document),
              variables: coerced.coerced,
            },
            { maxCost: limits.maxCost, introspection, page }
          );
          if (price.nul) {
            throw refuse(`${price.nul}: must not contain a NUL character`, 'BAD_USER_INPUT');
          }
          if (price.introspection > introspection) {
            throw refuse(
              `Too much introspection: at most ${introspection} values of the schema per request (one full introspection)`
            );
          }
          if (!Number.isFinite(price.cost)) {
            throw refuse(
              'Query too costly: a list asks for every item (limit: -1) and the graphql plugin sets no maxLimit; ask for a page'
            );
          }
          if (price.cost > limits.maxCost) {
            throw refuse(
              `Query too costly: it would resolve about ${price.cost} fields (at most ${limits.maxCost}); ask for fewer items, fields or aliases`
            );
          }
        },

        async willSendResponse(request: { response: { body: any } }) {
          const { body } = request.response;
          const result = body?.kind === 'single' ? body.singleResult : body?.initialResult;
          if (result?.errors) result.errors = hideInternalErrors(result.errors);
        },
      };
    },
  };
  return { plugin, validationRule };
};

/** Page settings as the graphql plugin reads them (Strapi's 10 when it sets no default). */
const pageSettings = (config: Record<string, any>): PageSettings => {
  const number = (value: unknown, fallback: number) =>
    typeof value === 'number' && Number.isFinite(value) ? value : fallback;
  return { defaultLimit: number(config.defaultLimit, 10), maxLimit: number(config.maxLimit, -1) };
};

/**
 * Installs the bounds in the graphql plugin's Apollo configuration, which the plugin merges
 * over its defaults with arrays concatenated: its own depth rule (graphql-depth-limit at its
 * `depthLimit`) stays and runs too, before ours; rules and plugins the app configured stay.
 * Parsing stops after `maxTokens` tokens, so a 1 MB document is refused in its first pages.
 */
export const installQueryBounds = (strapi: Core.Strapi, limits: Limits) => {
  const appRequire = createRequire(path.join(strapi.dirs.app.root, 'package.json'));
  const pluginRequire = createRequire(appRequire.resolve('@strapi/plugin-graphql/package.json'));
  const gql = pluginRequire('graphql') as Graphql;
  const graphqlConfig = (strapi.config.get('plugin::graphql') ?? {}) as Record<string, any>;
  const apollo = (graphqlConfig.apolloServer ?? {}) as Record<string, any>;
  const { plugin, validationRule } = queryBounds(gql, limits, pageSettings(graphqlConfig));
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  strapi.config.set('plugin::graphql.apolloServer', {
    ...apollo,
    parseOptions: { maxTokens: limits.maxTokens, ...apollo.parseOptions },
    validationRules: [...list(apollo.validationRules), validationRule],
    plugins: [...list(apollo.plugins), plugin],
  });
};
