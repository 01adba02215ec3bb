import type {
  DocumentNode,
  FragmentDefinitionNode,
  OperationDefinitionNode,
  SelectionNode,
} from 'graphql';

/** The parts of the `graphql` package used here (it is the graphql plugin's, not ours). */
type Graphql = typeof import('graphql');

export interface QueryShape {
  /** A fragment that spreads itself, directly or through others. */
  cycle?: string;
  /** Fields selected once every fragment is spread out (counting stops past `cap`). */
  fields: number;
  aliases: number;
  /** Levels of fields; the schema's own (`__schema`, `__type`) are priced by what they serve. */
  depth: number;
}

export const fragmentsOf = (gql: Graphql, document: DocumentNode) =>
  new Map(
    document.definitions.flatMap((d): [string, FragmentDefinitionNode][] =>
      d.kind === gql.Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : []
    )
  );

/** The first fragment that spreads itself, through any chain of spreads. */
const findCycle = (gql: Graphql, fragments: Map<string, FragmentDefinitionNode>) => {
  const spreadsOf = (selections: readonly SelectionNode[], into: Set<string>) => {
    for (const s of selections) {
      if (s.kind === gql.Kind.FRAGMENT_SPREAD) into.add(s.name.value);
      else if (s.selectionSet) spreadsOf(s.selectionSet.selections, into);
    }
    return into;
  };
  const edges = new Map(
    [...fragments].map(([name, f]) => [name, spreadsOf(f.selectionSet.selections, new Set())])
  );
  const done = new Set<string>();
  const visit = (name: string, path: Set<string>): string | undefined => {
    if (path.has(name)) return name;
    if (done.has(name) || !edges.has(name)) return undefined;
    path.add(name);
    for (const next of edges.get(name)!) {
      const cycle = visit(next, path);
      if (cycle) return cycle;
    }
    path.delete(name);
    done.add(name);
    return undefined;
  };
  for (const name of edges.keys()) {
    const cycle = visit(name, new Set());
    if (cycle) return cycle;
  }
  return undefined;
};

/**
 * The shape of a document's operations (or of one), fragments spread out: what graphql's own
 * rules and Strapi's depth rule (graphql-depth-limit, which follows spreads without a guard)
 * will walk. Stops counting past `cap` fields, so a few fragments spreading each other twice
 * over cannot make this walk long either.
 */
export const shapeOf = (
  gql: Graphql,
  document: DocumentNode,
  cap: number,
  /** Only this operation (the one a request runs); by default every one in the document. */
  operation?: OperationDefinitionNode
): QueryShape => {
  const { Kind } = gql;
  const fragments = fragmentsOf(gql, document);
  const shape: QueryShape = { fields: 0, aliases: 0, depth: 0, cycle: findCycle(gql, fragments) };
  if (shape.cycle) return shape;
  const walk = (selections: readonly SelectionNode[], level: number, introspecting: boolean) => {
    for (const selection of selections) {
      if (shape.fields > cap) return;
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet.selections, level, introspecting);
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet.selections, level, introspecting);
        continue;
      }
      shape.fields += 1;
      if (selection.alias) shape.aliases += 1;
      if (!introspecting) shape.depth = Math.max(shape.depth, level);
      const name = selection.name.value;
      if (selection.selectionSet) {
        walk(
          selection.selectionSet.selections,
          level + 1,
          introspecting || name === '__schema' || name === '__type'
        );
      }
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    if (operation && definition !== operation) continue;
    walk(definition.selectionSet.selections, 1, false);
  }
  return shape;
};
