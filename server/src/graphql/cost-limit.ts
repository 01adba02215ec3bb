import type {
  FragmentDefinitionNode,
  GraphQLField,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionNode,
} from 'graphql';
import { servedPageSize, type PageSettings } from './page-size';

/** The parts of the `graphql` package the pricing uses (it is the graphql plugin's, not ours). */
type Graphql = typeof import('graphql');

/** Fields that each cost a whole article render, not a column read. */
const RENDER_FIELDS = new Set(['renderedBody', 'linkedFrom']);
const RENDER_WEIGHT = 10;

export interface Price {
  /** Fields resolved, each once per item of the lists above it, a render counting 10. */
  cost: number;
  /** Values the schema's own fields (`__schema`, `__type`) would serve. */
  introspection: number;
  /** The first argument value PostgreSQL cannot take: `field(path)`. */
  nul?: string;
}

/** Values in a JSON tree: what serving it costs, one per field of every object in it. */
const valuesIn = (value: unknown): number => {
  if (Array.isArray(value)) return value.reduce((n: number, item) => n + valuesIn(item), 0);
  if (value && typeof value === 'object') {
    return Object.values(value).reduce((n: number, item) => n + 1 + valuesIn(item), 0);
  }
  return 0;
};

/**
 * What one request may read of the schema itself: one full introspection, every option on
 * (graphql-js asks for all of them here; GraphiQL and code generators ask for as much or less),
 * so tools keep working and a thousand aliases of `__schema` do not.
 */
export const introspectionBudget = (gql: Graphql, schema: GraphQLSchema) =>
  valuesIn(gql.introspectionFromSchema(schema));

/** The path to the first string holding a NUL character, in an argument's value. */
const nulIn = (value: unknown, path: string): string | undefined => {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (!value || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const found = nulIn(child, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return undefined;
};

/**
 * Prices one operation with the values its variables have in this request: every field
 * selected, fragments included, once per item Strapi will serve in each list above it (a
 * `pagination` argument read as Strapi reads it, the default page where there is none, a
 * `_connection`'s page applied to its `nodes`), and the schema's own fields by what they
 * would serve, counted on the schema itself. Stops once past a bound: the answer is known.
 */
export const priceOperation = (
  gql: Graphql,
  request: {
    schema: GraphQLSchema;
    operation: OperationDefinitionNode;
    fragments: Map<string, FragmentDefinitionNode>;
    variables: Record<string, unknown>;
  },
  bounds: { maxCost: number; introspection: number; page: PageSettings }
): Price => {
  const { Kind, getNamedType, getNullableType, isListType, getArgumentValues } = gql;
  const { schema, fragments, variables } = request;
  const price: Price = { cost: 0, introspection: 0 };
  const over = () =>
    price.nul !== undefined ||
    price.cost > bounds.maxCost ||
    price.introspection > bounds.introspection;
  // A list without a pagination argument (none in the plugin's types) serves what its resolver
  // returns: priced as a full page, or 100 where the graphql plugin sets no maxLimit.
  const fullPage = servedPageSize({ limit: -1 }, bounds.page);
  const unpaginated = Number.isFinite(fullPage) ? fullPage : 100;

  const fieldOf = (parent: any, name: string): GraphQLField<unknown, unknown> | undefined => {
    if (name === '__schema' && parent === schema.getQueryType()) return gql.SchemaMetaFieldDef;
    if (name === '__type' && parent === schema.getQueryType()) return gql.TypeMetaFieldDef;
    return parent?.getFields?.()[name];
  };
  const argsOf = (definition: GraphQLField<unknown, unknown>, node: any) => {
    try {
      return getArgumentValues(definition, node, variables);
    } catch {
      return {}; // a value execution will refuse anyway
    }
  };

  // Fragments are followed inline; a cycle was refused before validation.
  const eachField = (
    selections: readonly SelectionNode[],
    parent: any,
    visit: (node: any, parent: any) => void
  ) => {
    for (const selection of selections) {
      if (over()) return;
      if (selection.kind === Kind.FIELD) visit(selection, parent);
      else {
        const set =
          selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
        if (!set) continue;
        const condition = set.typeCondition && schema.getType(set.typeCondition.name.value);
        eachField(set.selectionSet.selections, condition ?? parent, visit);
      }
    }
  };

  // The schema's own fields, resolved on the schema (in memory, side-effect free) and counted.
  const introspect = (selections: readonly SelectionNode[], parent: any, source: unknown) =>
    eachField(selections, parent, (node, type) => {
      price.introspection += 1;
      const definition = fieldOf(type, node.name.value);
      if (!definition || !node.selectionSet) return;
      const args = argsOf(definition, node);
      const value = definition.resolve
        ? definition.resolve(source, args, undefined, { schema } as any)
        : (source as any)?.[node.name.value];
      for (const item of Array.isArray(value) ? value : value == null ? [] : [value]) {
        if (over()) return;
        introspect(node.selectionSet.selections, getNamedType(definition.type), item);
      }
    });

  const walk = (
    selections: readonly SelectionNode[],
    parent: any,
    multiplier: number,
    connectionPage?: number
  ) =>
    eachField(selections, parent, (node, type) => {
      const name = node.name.value;
      const definition = fieldOf(type, name);
      if (name === '__schema' || name === '__type') {
        if (definition) introspect([node], type, undefined);
        return;
      }
      price.cost += multiplier * (RENDER_FIELDS.has(name) ? RENDER_WEIGHT : 1);
      if (!definition) return;
      const args = argsOf(definition, node);
      const nul = nulIn(args, '');
      if (nul) {
        price.nul = `${name}(${nul})`;
        return;
      }
      if (!node.selectionSet) return;
      const paginated = definition.args.some((a) => a.name === 'pagination');
      const page = paginated ? servedPageSize(args.pagination as any, bounds.page) : unpaginated;
      const list = isListType(getNullableType(definition.type));
      // A `_connection` is one object whose `nodes` hold the page its own arguments ask for.
      const items = !list
        ? 1
        : name === 'nodes' && connectionPage !== undefined
          ? connectionPage
          : page;
      walk(
        node.selectionSet.selections,
        getNamedType(definition.type),
        multiplier * items,
        !list && paginated ? page : undefined
      );
    });

  walk(request.operation.selectionSet.selections, rootOf(schema, request.operation), 1);
  return price;
};

const rootOf = (schema: GraphQLSchema, operation: OperationDefinitionNode) =>
  operation.operation === 'query'
    ? schema.getQueryType()
    : operation.operation === 'mutation'
      ? schema.getMutationType()
      : schema.getSubscriptionType();
