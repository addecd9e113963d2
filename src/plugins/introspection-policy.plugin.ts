import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { Role, RolePolicy } from '../config/schema.js';
import { ErrorCode } from '../errors/codes.js';
import { refusal } from '../persisted/refusals.js';

/**
 * Refuses `__schema` and `__type` to roles without `introspection` (partners, frontends by default),
 * with OPERATION_NOT_ALLOWED; `__typename` stays allowed (clients add it everywhere). For those roles
 * error messages also lose graphql-js's "Did you mean …?" suggestions.
 *
 * A plugin and not a validation rule: Apollo caches validated documents by hash for all callers, so a
 * rule that depended on the caller would let the first analyst's validation stand for everyone.
 * This is also what hides the schema in the playground from keys that may not see it.
 */
export function useIntrospectionPolicy<TContext extends { principal: { role: Role } }>(options: {
  roles: Readonly<Record<Role, RolePolicy>>;
}): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      const role = contextValue.principal.role;
      if (options.roles[role].introspection) return;
      return {
        async didResolveOperation({ document, operation }) {
          if (operation && selectsIntrospection(document, operation)) {
            throw refusal(role, ErrorCode.OPERATION_NOT_ALLOWED, 'introspection', 'Introspection is not allowed for this API key');
          }
        },
        // What introspection hides, error messages must not spell out: graphql-js suggests the names it
        // knows ("Cannot query field "jbos" on type "Query". Did you mean "jobs"?"), enough to walk the
        // schema by guessing. Apollo's hideSchemaDetailsFromClientErrors does this for every caller; here
        // it follows the role. willSendResponse sees every answer, validation failures included.
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            const message = withoutSuggestions(error.message);
            if (message !== error.message) (error as { message: string }).message = message;
          }
        },
      };
    },
  };
}

/** A graphql-js message without its trailing suggestion (" Did you mean …?"), as Apollo strips it. */
export function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean(.+?)\?$/, '');
}

/** True when the operation's root selection (through fragments) asks for `__schema` or `__type`. */
export function selectsIntrospection(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const visit = (set: SelectionSetNode, seen: Set<string>): boolean =>
    set.selections.some((sel) => {
      if (sel.kind === Kind.FIELD) return sel.name.value === '__schema' || sel.name.value === '__type';
      if (sel.kind === Kind.INLINE_FRAGMENT) return visit(sel.selectionSet, seen);
      const name = sel.name.value;
      const fragment = fragments.get(name);
      if (!fragment || seen.has(name)) return false;
      return visit(fragment.selectionSet, new Set([...seen, name]));
    });
  // `__schema`/`__type` exist only on the query root, so the root selection is where to look.
  return visit(operation.selectionSet, new Set());
}
