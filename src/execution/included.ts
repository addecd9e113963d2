import { valueFromASTUntyped, type DirectiveNode } from 'graphql';

/**
 * Whether execution will run a selection carrying these directives: `@skip(if: true)` and
 * `@include(if: false)` leave it out, with `if` read from a literal or from `variables`. A variable
 * that is missing or of the wrong type is a coercion error of its own later, so the selection counts.
 * The resolvers' preload tests (src/resolvers/selection.ts) and the cost estimate (src/plugins/cost)
 * read directives through this one function, so the estimate prices what the resolvers will fetch.
 */
export function included(directives: readonly DirectiveNode[] | undefined, variables: Readonly<Record<string, unknown>> | undefined): boolean {
  for (const directive of directives ?? []) {
    const name = directive.name.value;
    if (name !== 'skip' && name !== 'include') continue;
    const arg = directive.arguments?.find((a) => a.name.value === 'if');
    const value = arg ? valueFromASTUntyped(arg.value, variables) : undefined;
    if (name === 'skip' && value === true) return false;
    if (name === 'include' && value === false) return false;
  }
  return true;
}
