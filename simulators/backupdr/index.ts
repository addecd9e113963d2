import { FaultState, type SimFaults } from '../common/faults.js';
import { startHttpServer } from '../common/http-server.js';
import { TokenBucket } from '../common/rate-limit.js';
import { RouteStats, type StatsSnapshot } from '../common/stats.js';
import type { SimContext } from './context.js';
import { DataIndex } from './data/data-index.js';
import { generateDataset } from './data/generate.js';
import type { BackupDrDataset } from './data/types.js';
import { DEFAULT_PRINCIPALS, type Principal } from './principals.js';
import { Router } from './router.js';
import { allRoutes } from './routes/index.js';
import { createPipeline } from './server.js';
import { SessionStore } from './session.js';

export type { SimFaults } from '../common/faults.js';
export type * from './data/types.js';
export { ERR } from './errors.js';
export { DEFAULT_PRINCIPALS, type Principal } from './principals.js';
export { RIGHTS } from './data/security.js';
export { FAULT_EXEMPT_ROUTES, NO_REFRESH_HEADER, SESSION_HEADER } from './server.js';

export interface BackupDrSimulatorOptions {
  /** 0 = ephemeral; the demo passes 8402. */
  port: number;
  host: string;
  basePath: string;
  /** Same seed ⇒ same data (relative to the start time). */
  seed: number;
  /** Added to every answer. */
  latencyMs: number;
  /** A session unused this long answers 401 (seed §3.7: 1 hour). */
  sessionIdleTimeoutMs: number;
  /** Off by default; over it ⇒ 429 with Retry-After (seconds). Applies to every API call, login included. */
  rateLimit?: { requestsPerSecond: number; burst: number };
  /** ms clock; data is generated relative to its value at start, sessions idle out by it. */
  now?: () => number;
  /** Bearer tokens the simulator accepts and what each may see and do; defaults in principals.ts. */
  principals: readonly Principal[];
  /** The largest page a list view returns, whatever `limit` asks (≥ 4096 so AGMPowerCLI's paging works). */
  maxLimit: number;
}

export interface BackupDrSimulator {
  /** API root incl. base path, e.g. http://127.0.0.1:41234/actifio */
  readonly url: string;
  /** Control endpoints live at origin + '/__sim/...'. */
  readonly origin: string;
  readonly port: number;
  /** The live dataset: writes through the API (PUT, backup now, cancel, audit) change it in place. */
  readonly data: BackupDrDataset;
  stats(): StatsSnapshot;
  calls(route: string): number;
  /** Zeroes stats and clears faults; data and sessions stay. */
  reset(): void;
  setFaults(f: SimFaults): void;
  liveSessions(): number;
  close(): Promise<void>;
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
};

export async function startBackupDrSimulator(opts: Partial<BackupDrSimulatorOptions> = {}): Promise<BackupDrSimulator> {
  const o: BackupDrSimulatorOptions = { ...DEFAULT_OPTIONS, ...opts };
  const now: () => number = o.now ?? Date.now;
  const basePath: string = `/${o.basePath.replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '');
  const data: BackupDrDataset = generateDataset(o.seed, now());
  const sessions = new SessionStore(o.sessionIdleTimeoutMs, now);
  const ctx: SimContext = { data, index: new DataIndex(data), sessions, principals: o.principals, maxLimit: o.maxLimit, nowUs: () => Math.floor(now()) * 1000 };
  const stats = new RouteStats();
  const faults = new FaultState(o.seed);

  const setFaults = (f: SimFaults): void => {
    faults.apply(f);
    if (f.expireAllTokens) sessions.deleteAll();
  };
  const reset = (): void => {
    stats.reset();
    faults.clear();
  };

  const server = await startHttpServer(
    createPipeline({
      basePath,
      latencyMs: o.latencyMs,
      router: new Router(allRoutes),
      ctx,
      stats,
      faults,
      bucket: o.rateLimit ? new TokenBucket(o.rateLimit, now) : undefined,
      reset,
      setFaults,
    }),
    o.port,
    o.host,
  );

  return {
    url: `${server.origin}${basePath}`,
    origin: server.origin,
    port: server.port,
    data,
    stats: () => stats.snapshot(),
    calls: (route: string) => stats.calls(route),
    reset,
    setFaults,
    liveSessions: () => sessions.live(),
    close: () => server.close(),
  };
}
