import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';
import { ErrorCode } from '../errors/codes.js';

/**
 * Rejects operations nested deeper than `maxDepth` before anything runs: every level of a backup graph
 * is a potential fan-out to upstreams, and a deep document is the cheapest way to exhaust their budget.
 */
export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
    // Each fragment's depth once per document: a fragment spreading the next one twice, twenty levels
    // down, would otherwise be walked 2^20 times.
    const fragmentDepths = new Map<string, number>();
    const fragmentDepth = (name: string): number => {
      let depth = fragmentDepths.get(name);
      if (depth === undefined) {
        fragmentDepths.set(name, 0); // a fragment cycle is reported by NoFragmentCycles; here it adds nothing
        depth = depthOf(fragments.get(name)?.selectionSet);
        fragmentDepths.set(name, depth);
      }
      return depth;
    };
    const depthOf = (set: SelectionSetNode | undefined): number => {
      if (!set) return 0;
      let max = 0;
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) {
          // Introspection is bounded by the schema and never reaches an upstream; GraphiQL's own query is 15 deep.
          if (sel.name.value.startsWith('__')) continue;
          max = Math.max(max, sel.selectionSet ? 1 + depthOf(sel.selectionSet) : 1);
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          max = Math.max(max, depthOf(sel.selectionSet));
        } else {
          max = Math.max(max, fragmentDepth(sel.name.value));
        }
      }
      return max;
    };
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet);
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`Operation is nested ${depth} levels deep; the limit is ${maxDepth}`, {
              nodes: [node],
              extensions: { code: ErrorCode.QUERY_TOO_COMPLEX },
            }),
          );
        }
      },
    };
  };
}
