import { startHttpServer } from '../common/http-server.js';
import { resolveOptions, simulatorCore, simulatorHandle, type SimulatorHandle, type SimulatorOptions } from '../common/simulator.js';
import type { SimContext } from './context.js';
import { DataIndex } from './data/data-index.js';
import { generateDataset } from './data/generate.js';
import { ConsoleJobProgress } from './data/job-progress.js';
import type { BackupDrDataset } from './data/types.js';
import { BearerPrincipals, type ConsoleGoogleAuth } from './bearer.js';
import { DEFAULT_PRINCIPALS, type Principal } from './principals.js';
import { Router } from './router.js';
import { allRoutes } from './routes/index.js';
import { createPipeline } from './server.js';
import { SessionStore } from './session.js';

export type { SimFaults } from '../common/faults.js';
export type * from './data/types.js';
export { ERR } from './errors.js';
export { DEFAULT_PRINCIPALS, type Principal } from './principals.js';
export type { ConsoleGoogleAuth } from './bearer.js';
export { RIGHTS } from './data/security.js';
export { FAULT_EXEMPT_ROUTES, NO_REFRESH_HEADER, SESSION_HEADER } from './server.js';

export interface BackupDrSimulatorOptions extends SimulatorOptions {
  /** A session unused this long answers 401 (docs/upstreams/backupdr.md §2.4: 1 hour). */
  sessionIdleTimeoutMs: number;
  /** Bearer tokens the simulator accepts and what each may see and do; defaults in principals.ts. */
  principals: readonly Principal[];
  /** The largest page a list view returns, whatever `limit` asks (≥ 4096 so AGMPowerCLI's paging works). */
  maxLimit: number;
  /** Accept tokens minted by the Google token simulator (`startGoogleTokenSimulator().issuer`) besides `principals`. @default none */
  google?: ConsoleGoogleAuth;
  /** Simulator time a running job takes from 0 to 100 % (data/job-progress.ts); tests make it short. */
  jobDurationMs: number;
}

/** url is the API root incl. base path, e.g. http://127.0.0.1:41234/actifio; data changes through PUT, backup now, cancel, audit. */
export interface BackupDrSimulator extends SimulatorHandle<BackupDrDataset> {
  liveSessions(): number;
}

export const DEFAULT_OPTIONS: Readonly<BackupDrSimulatorOptions> = {
  port: 0,
  host: '127.0.0.1',
  basePath: '/actifio',
  seed: 42,
  latencyMs: 0,
  sessionIdleTimeoutMs: 60 * 60_000,
  principals: DEFAULT_PRINCIPALS,
  maxLimit: 5000,
  // Long, so the seeded running jobs (up to 95 % done) stay running through a test file that does not ask otherwise.
  jobDurationMs: 30 * 60_000,
};

export async function startBackupDrSimulator(opts: Partial<BackupDrSimulatorOptions> = {}): Promise<BackupDrSimulator> {
  const { o, now, basePath } = resolveOptions(DEFAULT_OPTIONS, opts);
  const data: BackupDrDataset = generateDataset(o.seed, now());
  const sessions = new SessionStore(o.sessionIdleTimeoutMs, now);
  const nowUs = (): number => Math.floor(now()) * 1000;
  const progress = new ConsoleJobProgress(data, nowUs, o.jobDurationMs);
  const bearers = new BearerPrincipals(o.principals, o.google);
  const ctx: SimContext = { data, index: new DataIndex(data), sessions, principals: o.principals, bearers, google: o.google, maxLimit: o.maxLimit, nowUs, progress };
  const core = simulatorCore(o, now, () => sessions.deleteAll());
  const server = await startHttpServer(createPipeline({ ...core, basePath, latencyMs: o.latencyMs, router: new Router(allRoutes), ctx }), o.port, o.host);
  return { ...simulatorHandle(server, basePath, data, core), liveSessions: () => sessions.live() };
}
