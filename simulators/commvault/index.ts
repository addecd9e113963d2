import { startHttpServer } from '../common/http-server.js';
import { resolveOptions, simulatorCore, simulatorHandle, type SimulatorHandle, type SimulatorOptions } from '../common/simulator.js';
import { TokenStore } from './auth.js';
import type { SimContext } from './context.js';
import { DataIndex } from './data/data-index.js';
import { generateDataset } from './data/generate.js';
import { JobProgress } from './data/progress.js';
import type { CommvaultDataset } from './data/types.js';
import { allRoutes } from './routes/index.js';
import { Router } from './router.js';
import { createPipeline } from './server.js';
import { TenantBudgets, type TenantBudgetOptions, type TenantWindow } from './tenant-budget.js';

export { CLOUD_TENANT_BUDGET, type TenantBudgetOptions, type TenantWindow } from './tenant-budget.js';

export type { SimFaults } from '../common/faults.js';
export type * from './data/types.js';
export { FAULT_EXEMPT_ROUTES } from './server.js';

export interface CommvaultSimulatorOptions extends SimulatorOptions {
  /** A token unused this long answers 401; Login's `timeout` (minutes) overrides it per token. */
  tokenIdleTimeoutMs: number;
  /** Run time of a job started through the API (backup, resubmit), ms, [min, max]; tests pass a few hundred ms. */
  jobDurationMs: readonly [number, number];
  /** Set: the simulator is a Commvault Cloud tenant with this budget (see CLOUD_TENANT_BUDGET). */
  tenantBudget?: TenantBudgetOptions;
  /** Storage and Q&I figures move slowly from the start (data/drift.ts); the demo sets it. @default false */
  driftFigures?: boolean;
}

/** url is the API root incl. base path, e.g. http://127.0.0.1:41234/webconsole/api. */
export interface CommvaultSimulator extends SimulatorHandle<CommvaultDataset> {
  liveTokens(): number;
  /**
   * A Cloud tenant's calls counted in the current budget window (zeros for a CommServe): the company's
   * named by `operatorcompanyid` when `companyId` is given, else the home tenant's.
   */
  tenantSpent(companyId?: number): { reads: number; writes: number };
  /**
   * A Cloud tenant's last budget windows, oldest first (empty for a CommServe); also `tenantWindows` (home)
   * and `tenantWindowsByCompany` in `GET /__sim/stats`.
   */
  tenantWindows(companyId?: number): TenantWindow[];
}

export const DEFAULT_OPTIONS: Readonly<CommvaultSimulatorOptions> = {
  port: 0,
  host: '127.0.0.1',
  basePath: '/webconsole/api',
  seed: 42,
  latencyMs: 0,
  tokenIdleTimeoutMs: 30 * 60_000,
  jobDurationMs: [20_000, 40_000],
};

export async function startCommvaultSimulator(opts: Partial<CommvaultSimulatorOptions> = {}): Promise<CommvaultSimulator> {
  const { o, now, basePath } = resolveOptions(DEFAULT_OPTIONS, opts);
  const data: CommvaultDataset = generateDataset(o.seed, now());
  const tokens = new TokenStore(o.tokenIdleTimeoutMs, now);
  const index = new DataIndex(data);
  const ctx: SimContext = { data, index, tokens, nowS: () => Math.floor(now() / 1000), driftFromS: o.driftFigures ? Math.floor(now() / 1000) : undefined, progress: new JobProgress(index, now, o.jobDurationMs) };
  const core = simulatorCore(o, now, () => tokens.revokeAll());
  const tenant = o.tenantBudget ? new TenantBudgets(o.tenantBudget, now) : undefined;
  const server = await startHttpServer(
    createPipeline({ ...core, basePath, latencyMs: o.latencyMs, router: new Router(allRoutes), ctx, tokens, tenant }),
    o.port,
    o.host,
    o.tls,
  );
  return {
    ...simulatorHandle(server, basePath, data, core),
    liveTokens: () => tokens.live(),
    tenantSpent: (companyId) => tenant?.of(companyId).spent() ?? { reads: 0, writes: 0 },
    tenantWindows: (companyId) => tenant?.of(companyId).windows() ?? [],
  };
}
