import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors/codes.js';

/**
 * Refuses a subscription over HTTP (it runs over WebSocket), and an operation whose type the schema has no root for, with
 * BAD_USER_INPUT and HTTP 400. graphql-js validation does not check this (graphql 17's
 * KnownOperationTypesRule will); left to execution it answered HTTP 200 with INTERNAL_SERVER_ERROR
 * "Schema is not configured to execute … operation". Runs after Apollo's own GET check, so a mutation
 * sent by GET keeps its 405.
 */
export function useSupportedOperationTypes<TContext extends object>(): ApolloServerPlugin<TContext> {
  // One listener for every request: it keeps no state of its own.
  const listener: GraphQLRequestListener<TContext> = {
    async didResolveOperation({ schema, operation }) {
      if (!operation) return;
      if (operation.operation === 'subscription' && schema.getSubscriptionType()) {
        // Subscriptions stream: they run over WebSocket on the same path (graphql-ws), never over HTTP.
        throw new GraphQLError('Subscriptions run over WebSocket: connect to /graphql with the graphql-ws protocol (see docs/operations.md "Live job progress")', {
          nodes: [operation],
          extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } },
        });
      }
      if (schema.getRootType(operation.operation)) return;
      throw new GraphQLError(`This API has no ${operation.operation} operations; only queries run here`, {
        nodes: [operation],
        extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } },
      });
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}
