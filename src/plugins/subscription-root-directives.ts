import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, parse, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { ErrorCode } from '../errors/codes.js';
import { replaceRefusedText } from './refused-text.js';

/** Stands in for a refused text, so Apollo never validates it (as the persisted-operation policy does). */
const REFUSED_PLACEHOLDER = 'query SubscriptionRootDirectiveRefused { __typename }';

/**
 * The refusal of a subscription whose root selection carries `@skip` or `@include` (directly, or in a
 * fragment spread or inline fragment at the root), or undefined. The GraphQL spec forbids them there
 * (a subscription has exactly one root field, known before any variable); graphql 17's
 * SingleFieldSubscriptionsRule refuses them. graphql 16's rule instead evaluates the directives with no
 * variables and throws for `@skip(if: $var)`, out of validation: over HTTP Apollo answered 500, over
 * WebSocket the connection closed. Found by the fuzzer (docs/security.md "Fuzzing"); so the document is
 * checked here, before graphql-js validates it.
 */
export function subscriptionRootDirectiveRefusal(document: DocumentNode): GraphQLError | undefined {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION || d.operation !== 'subscription') continue;
    const directive = rootDirective(d.selectionSet, fragments, new Set());
    if (directive) {
      return new GraphQLError(`A subscription's root field cannot be conditional: remove @${directive} from its root selection`, {
        extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } },
      });
    }
  }
  return undefined;
}

function rootDirective(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>): string | undefined {
  for (const s of set.selections) {
    const found = s.directives?.find((d) => d.name.value === 'skip' || d.name.value === 'include');
    if (found) return found.name.value;
    if (s.kind === Kind.INLINE_FRAGMENT) {
      const inner = rootDirective(s.selectionSet, fragments, seen);
      if (inner) return inner;
    } else if (s.kind === Kind.FRAGMENT_SPREAD && !seen.has(s.name.value)) {
      // A cycle of spreads is validation's to refuse (NoFragmentCycles); `seen` only keeps this walk finite.
      seen.add(s.name.value);
      const fragment = fragments.get(s.name.value);
      const inner = fragment && rootDirective(fragment.selectionSet, fragments, seen);
      if (inner) return inner;
    }
  }
  return undefined;
}

/**
 * The HTTP side: a subscription text with a conditional root field is swapped for a constant document
 * in `requestDidStart` (Apollo validates before any later hook may answer) and refused with
 * BAD_USER_INPUT, HTTP 400, from `didResolveOperation`. Only texts that mention `subscription` are parsed.
 */
export function useSubscriptionRootDirectives<TContext extends object>(options: { maxTokens: number }): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ request }) {
      if (typeof request.query !== 'string' || !request.query.includes('subscription')) return;
      let document: DocumentNode;
      try {
        document = parse(request.query, { maxTokens: options.maxTokens });
      } catch {
        return; // Apollo's parse answers it
      }
      const refusal = subscriptionRootDirectiveRefusal(document);
      if (!refusal) return;
      replaceRefusedText(request, REFUSED_PLACEHOLDER);
      return {
        async didResolveOperation() {
          throw refusal;
        },
      };
    },
  };
}
