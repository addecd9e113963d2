import type { BackupDrSource } from '../datasources/backupdr/backupdr-source.js';
import type { CommvaultSource } from '../datasources/commvault/commvault-source.js';
import type { GatewayContext } from '../context.js';
import { badUserInput } from '../errors/gateway-error.js';
import { fromGlobalId, numericLocalId } from '../util/global-id.js';

/** The Commvault sources a list field asks: the one named by `upstream`, or all the caller may see. */
export function commvaultSources(ctx: GatewayContext, upstream?: string | null): CommvaultSource[] {
  return upstream ? [ctx.sources.commvault(upstream)] : ctx.sources.commvaultInstances();
}

/**
 * A `CommvaultClient` global id given as a filter → its source and client id.
 * @throws BAD_USER_INPUT for a malformed id, another type's id, or an upstream the caller cannot use.
 */
export function clientFromId(ctx: GatewayContext, id: string): { source: CommvaultSource; clientId: number } {
  const parts = fromGlobalId(id);
  const clientId = numericLocalId(parts);
  if (parts.typeName !== 'CommvaultClient' || clientId === null) throw badUserInput(`"${id}" is not a CommvaultClient id`);
  return { source: ctx.sources.commvault(parts.instanceId), clientId };
}

/**
 * The sources a cross-product list asks: every upstream the caller may see, or the ones in `upstream`
 * split by kind. @throws BAD_USER_INPUT for an id the caller cannot use (as `commvault()` does).
 */
export function splitUpstreams(
  ctx: GatewayContext,
  upstream?: readonly string[] | null,
): { commvault: CommvaultSource[]; backupdr: BackupDrSource[] } {
  if (!upstream) return { commvault: ctx.sources.commvaultInstances(), backupdr: ctx.sources.backupdrInstances() };
  const ids = [...new Set(upstream)];
  const consoles = ids.filter((id) => ctx.sources.kindOf(id) === 'backupdr');
  return {
    commvault: ctx.sources.commvaultInstances(ids.filter((id) => !consoles.includes(id))),
    backupdr: ctx.sources.backupdrInstances(consoles),
  };
}
