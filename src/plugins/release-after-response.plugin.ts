import type { ApolloServerPlugin } from '@apollo/server';
import { releaseContext, type GatewayContext } from '../context.js';

/**
 * Lets go of what an operation held once its HTTP answer is written: the result Apollo kept and the
 * context's per-request state (loaders, the client lists a job page held, the upstream answers behind
 * them). Nothing reads either after the answer is serialized.
 *
 * Why it matters: in gateway mode, which the graphql-jit executor uses (src/execution/jit-gateway.ts),
 * Apollo builds for every request an object literal with a `status` getter and setter. V8 keeps a
 * literal's accessors in a hidden class made for it, in the old generation, so whatever the accessors
 * reach outlives every young-generation collection and is promoted, to be freed only by a full
 * collection. Apollo 5.5.1's accessors reached the request's whole context: ~110 KB a cold dashboard
 * page, ~6 KB once let go here (docs/performance.md, "Pages promoted to the old generation").
 * patches/@apollo+server+5.5.1.patch now closes them over the response's HTTP head only; letting go
 * here still frees the answers the moment the response is written, whatever else holds the request.
 * The HTTP layer runs the releases (registerAccessLog's onResponse); operations over WebSocket have no
 * trace and are left as they are.
 */
export function useReleaseAfterResponse<TContext extends GatewayContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart(requestContext) {
      const trace = requestContext.contextValue.trace;
      if (trace === undefined) return;
      (trace.afterResponse ??= []).push(() => {
        requestContext.response.body = undefined;
        releaseContext(requestContext.contextValue);
      });
    },
  };
}
