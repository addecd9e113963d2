import type { GatewayContext } from '../../context.js';
import type { CommvaultSource } from '../../datasources/commvault/commvault-source.js';
import { badUserInput } from '../../errors/gateway-error.js';
import { commvaultSource, commvaultSources } from './sources.js';

/** The CommServe a CommServe-wide mutation acts on: the one named, or the only one the caller may see. */
export function oneCommServe(ctx: GatewayContext, upstream: string | null | undefined): CommvaultSource {
  if (upstream) return commvaultSource(ctx, upstream);
  const visible = commvaultSources(ctx);
  if (visible.length === 1) return visible[0] as CommvaultSource;
  if (visible.length === 0) throw badUserInput('No Commvault upstream is configured for you');
  throw badUserInput(`Name the upstream: you may see several Commvault upstreams (${visible.map((s) => s.instanceId).join(', ')})`);
}
