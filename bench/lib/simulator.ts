import type { TenantBudgetOptions } from '../../simulators/commvault/tenant-budget.js';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';

/** Added to every simulator answer: a fast CommServe on the same LAN. */
export const SIM_LATENCY_MS = 5;

export type { CommvaultSimulator };

/** A Commvault simulator on a free loopback port with the benchmarks' fixed latency. */
export function startSimulator(
  options: { rateLimit?: { requestsPerSecond: number; burst: number }; tenantBudget?: TenantBudgetOptions; seed?: number } = {},
): Promise<CommvaultSimulator> {
  return startCommvaultSimulator({
    port: 0,
    latencyMs: SIM_LATENCY_MS,
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    ...(options.tenantBudget ? { tenantBudget: options.tenantBudget } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  });
}
