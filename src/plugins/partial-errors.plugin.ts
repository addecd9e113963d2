import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { GatewayError } from '../errors/gateway-error.js';

/** What a resolver records when one upstream of a fan-out failed but the others' data stands. */
export interface PartialError {
  error: GatewayError;
  path: ReadonlyArray<string | number>;
}

/**
 * Adds the failures recorded in `context.partialErrors` to the response's `errors`, each with the path
 * of the field whose data is incomplete, and names the upstreams that failed in `extensions.partial`.
 * GraphQL gives a field either a value or an error; a fan-out over several upstreams needs both.
 */
export function usePartialErrors<TContext extends { partialErrors: PartialError[] }>(): ApolloServerPlugin<TContext> {
  // One listener for every request: the failures come with each response's request context.
  const listener: GraphQLRequestListener<TContext> = {
    async willSendResponse({ response, contextValue }) {
      if (response.body.kind !== 'single' || contextValue.partialErrors.length === 0) return;
      const extra: GraphQLFormattedError[] = contextValue.partialErrors.map(({ error, path }) => ({
        message: error.message,
        path: [...path],
        extensions: error.toExtensions(),
      }));
      const result = response.body.singleResult;
      result.errors = [...(result.errors ?? []), ...extra];
      // Which upstreams are missing from the data, for clients that read no error paths.
      const partial = [...new Set(contextValue.partialErrors.flatMap(({ error }) => (error.upstream ? [error.upstream.instance] : [])))];
      if (partial.length > 0) result.extensions = { ...result.extensions, partial };
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}
