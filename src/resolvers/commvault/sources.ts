import type { GatewayContext } from '../../context.js';
import type { CommvaultSource } from '../../datasources/commvault/commvault-source.js';
import { createCommvaultLoaders, type CommvaultLoaders } from '../../datasources/commvault/loaders.js';
import { commvaultUpstreams } from '../../datasources/commvault/product.js';
import { badUserInput } from '../../errors/gateway-error.js';
import { fromGlobalId, numericLocalId } from '../../util/global-id.js';

/** The caller's source for one Commvault upstream. @throws BAD_USER_INPUT for an id it cannot use as one. */
export function commvaultSource(ctx: GatewayContext, instanceId: string): CommvaultSource {
  return ctx.sources.source(commvaultUpstreams, instanceId);
}

/** The Commvault sources a list field asks: the one named by `upstream`, or all the caller may see. */
export function commvaultSources(ctx: GatewayContext, upstream?: string | null): CommvaultSource[] {
  return upstream ? [commvaultSource(ctx, upstream)] : ctx.sources.sources(commvaultUpstreams);
}

const LOADERS = Symbol('commvault loaders');

/** This request's Commvault loaders, made on first use. */
export function commvaultLoaders(ctx: GatewayContext): CommvaultLoaders {
  return ctx.perRequest(LOADERS, () => createCommvaultLoaders((instanceId) => commvaultSource(ctx, instanceId)));
}

/**
 * A `CommvaultClient` global id given as a filter → its source and client id.
 * @throws BAD_USER_INPUT for a malformed id, another type's id, or an upstream the caller cannot use.
 */
export function clientFromId(ctx: GatewayContext, id: string): { source: CommvaultSource; clientId: number } {
  const parts = fromGlobalId(id);
  const clientId = numericLocalId(parts);
  if (parts.typeName !== 'CommvaultClient' || clientId === null) throw badUserInput(`"${id}" is not a CommvaultClient id`);
  return { source: commvaultSource(ctx, parts.instanceId), clientId };
}
