import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { included } from '../execution/included.js';

/**
 * Whether the field being resolved selects `name` directly (through inline fragments and fragment
 * spreads too). A connection asks the console for a HEAD count only when `totalCount` is selected.
 */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return selectsPath(info, [name]);
}

/**
 * Whether the field being resolved selects the nested `path` (e.g. `edges.node.client`), looking
 * through inline fragments and fragment spreads at every level, whatever type they name. A
 * connection preloads a relation of its page only when some query path asks for it; a selection
 * that `@skip`/`@include` leaves out, as execution will, does not count (it would cost an upstream
 * call for a field nobody receives).
 */
export function selectsPath(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  const visit = (set: SelectionSetNode | undefined, depth: number, seen: ReadonlySet<string>): boolean =>
    (set?.selections ?? []).some((s) => {
      if (!included(s.directives, info.variableValues)) return false;
      if (s.kind === Kind.FIELD) {
        if (s.name.value !== path[depth]) return false;
        return depth === path.length - 1 || visit(s.selectionSet, depth + 1, seen);
      }
      if (s.kind === Kind.INLINE_FRAGMENT) return visit(s.selectionSet, depth, seen);
      const fragmentName = s.name.value;
      // A fragment cannot spread itself (validation), but a guard costs nothing.
      if (seen.has(fragmentName)) return false;
      return visit(info.fragments[fragmentName]?.selectionSet, depth, new Set([...seen, fragmentName]));
    });
  return info.fieldNodes.some((n) => visit(n.selectionSet, 0, new Set()));
}
