import type { GatewayContext } from '../../context.js';
import { createVirtualizationLoaders, type VirtualizationLoaders } from '../../datasources/commvault/virtualization-loaders.js';
import { commvaultSource } from './sources.js';

const LOADERS = Symbol('commvault virtualization loaders');

/** This request's hypervisor, VM and job-detail loaders, made on first use. */
export function virtualizationLoaders(ctx: GatewayContext): VirtualizationLoaders {
  return ctx.perRequest(LOADERS, () => createVirtualizationLoaders((instanceId) => commvaultSource(ctx, instanceId)));
}
