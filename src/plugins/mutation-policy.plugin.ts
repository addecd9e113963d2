import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors/codes.js';
import { mutationRefusal } from '../mutations/policy.js';
import type { Principal } from '../principal.js';
import { operationsRefusedTotal } from '../persisted/refusals.js';
import type { TrustedDocuments } from '../persisted/trusted-documents.js';

/**
 * Refuses a mutation its caller may not run (src/mutations/policy.ts) with FORBIDDEN, HTTP 403, once
 * the operation is known and before any resolver: nothing reaches an upstream. A partner's mutation
 * must be one of the manifest's documents (Apollo's query hash is the SHA-256 of the text it ran).
 */
export function useMutationPolicy<TContext extends { principal: Principal }>(options: { trusted: TrustedDocuments }): ApolloServerPlugin<TContext> {
  // One listener for every request: the caller comes with each hook's request context.
  const listener: GraphQLRequestListener<TContext> = {
    async didResolveOperation({ operation, queryHash, contextValue }) {
      if (operation?.operation !== 'mutation') return;
      const principal = contextValue.principal;
      const refusal = mutationRefusal(principal, options.trusted.byHashHex(queryHash) !== undefined);
      if (!refusal) return;
      operationsRefusedTotal.inc({ role: principal.role, reason: 'mutation', code: ErrorCode.FORBIDDEN });
      throw new GraphQLError(refusal, { extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } } });
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}
