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

const makeLoaders = (ctx: GatewayContext): CommvaultLoaders => createCommvaultLoaders((instanceId) => commvaultSource(ctx, instanceId));

/** This request's Commvault loaders, made on first use (a `client` field per job asks: no closure per call). */
export function commvaultLoaders(ctx: GatewayContext): CommvaultLoaders {
  return ctx.perRequest(LOADERS, makeLoaders);
}

/**
 * A Commvault object's global id given as an argument → the caller's source for its CommServe and its
 * numeric id there. @throws BAD_USER_INPUT for a malformed id, another type's id, or an upstream the
 * caller cannot use.
 */
export function commvaultObjectFromId(ctx: GatewayContext, globalId: string, typeName: string): { source: CommvaultSource; id: number } {
  const parts = fromGlobalId(globalId);
  const id = numericLocalId(parts);
  if (parts.typeName !== typeName || id === null) throw badUserInput(`"${globalId.slice(0, 80)}" is not a ${typeName} id`);
  return { source: commvaultSource(ctx, parts.instanceId), id };
}

/** A `CommvaultClient` global id given as a filter → its source and client id (see commvaultObjectFromId). */
export function clientFromId(ctx: GatewayContext, globalId: string): { source: CommvaultSource; clientId: number } {
  const { source, id } = commvaultObjectFromId(ctx, globalId, 'CommvaultClient');
  return { source, clientId: id };
}
