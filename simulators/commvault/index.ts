import { FaultState, type SimFaults } from '../common/faults.js';
import { startHttpServer } from '../common/http-server.js';
import { TokenBucket } from '../common/rate-limit.js';
import { RouteStats, type StatsSnapshot } from '../common/stats.js';
import { TokenStore } from './auth.js';
import type { SimContext } from './context.js';
import { DataIndex } from './data/data-index.js';
import { generateDataset } from './data/generate.js';
import type { CommvaultDataset } from './data/types.js';
import { allRoutes } from './routes/index.js';
import { Router } from './router.js';
import { createPipeline } from './server.js';

export type { SimFaults } from '../common/faults.js';
export type * from './data/types.js';
export { FAULT_EXEMPT_ROUTES } from './server.js';

export interface CommvaultSimulatorOptions {
  /** 0 = ephemeral; the demo passes 8401. */
  port: number;
  host: string;
  basePath: string;
  /** Same seed ⇒ same data (relative to the start time). */
  seed: number;
  /** Added to every answer. */
  latencyMs: number;
  /** A token unused this long answers 401; Login's `timeout` (minutes) overrides it per token. */
  tokenIdleTimeoutMs: number;
  /** Off by default; over it ⇒ 429 with Retry-After (seconds). Applies to every API call, Login included. */
  rateLimit?: { requestsPerSecond: number; burst: number };
  /** ms clock; data is generated relative to its value at start. */
  now?: () => number;
}

export interface CommvaultSimulator {
  /** API root incl. base path, e.g. http://127.0.0.1:41234/webconsole/api */
  readonly url: string;
  /** Control endpoints live at origin + '/__sim/...'. */
  readonly origin: string;
  readonly port: number;
  readonly data: CommvaultDataset;
  stats(): StatsSnapshot;
  calls(route: string): number;
  /** Zeroes stats and clears faults; data and tokens stay. */
  reset(): void;
  setFaults(f: SimFaults): void;
  liveTokens(): number;
  close(): Promise<void>;
}

export const DEFAULT_OPTIONS: Readonly<CommvaultSimulatorOptions> = {
  port: 0,
  host: '127.0.0.1',
  basePath: '/webconsole/api',
  seed: 42,
  latencyMs: 0,
  tokenIdleTimeoutMs: 30 * 60_000,
};

export async function startCommvaultSimulator(opts: Partial<CommvaultSimulatorOptions> = {}): Promise<CommvaultSimulator> {
  const o: CommvaultSimulatorOptions = { ...DEFAULT_OPTIONS, ...opts };
  const now: () => number = o.now ?? Date.now;
  const basePath: string = `/${o.basePath.replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '');
  const data: CommvaultDataset = generateDataset(o.seed, now());
  const index = new DataIndex(data);
  const tokens = new TokenStore(o.tokenIdleTimeoutMs, now);
  const stats = new RouteStats();
  const faults = new FaultState(o.seed);
  const ctx: SimContext = { data, index, tokens, nowS: () => Math.floor(now() / 1000) };

  const setFaults = (f: SimFaults): void => {
    faults.apply(f);
    if (f.expireAllTokens) tokens.revokeAll();
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
      tokens,
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
    liveTokens: () => tokens.live(),
    close: () => server.close(),
  };
}
