import type { ApolloServerPlugin } from '@apollo/server';
import { releaseContext, type GatewayContext } from '../context.js';

/**
 * Lets go of what an operation held once its HTTP answer is written: the result Apollo kept and the
 * context's per-request state (loaders, the client lists a job page held, the upstream answers behind
 * them). Nothing reads either after the answer is serialized.
 *
 * Why it matters: in gateway mode, which the graphql-jit executor uses (src/execution/jit-gateway.ts),
 * Apollo builds for every request an object literal with a `status` getter and setter over the request's
 * context. V8 keeps a literal's accessors in a hidden class made for it, in the old generation, so each
 * request's context, and all it reached, outlived every young-generation collection and was promoted,
 * to be freed only by a full collection: ~110 KB a cold dashboard page, ~6 KB once let go
 * (docs/performance.md, "Pages promoted to the old generation"). The HTTP layer runs the releases
 * (registerAccessLog's onResponse); operations over WebSocket have no trace and are left as they are.
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
