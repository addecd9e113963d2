import { responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import type { GatewayError } from '../errors/gateway-error.js';
import type { GatewayContext } from '../context.js';

/** An `onFailure` for fan-outs: the failure is reported at the path of the field being resolved. */
export function recordPartial(ctx: GatewayContext, info: GraphQLResolveInfo) {
  return (_source: { readonly instanceId: string }, error: GatewayError): void => {
    ctx.partialErrors.push({ error, path: responsePathAsArray(info.path) });
  };
}
