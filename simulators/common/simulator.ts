import { FaultState, type SimFaults } from './faults.js';
import type { RunningServer, ServerTls } from './http-server.js';
import { TokenBucket, type RateLimitOptions } from './rate-limit.js';
import { RouteStats, type ReceivedRequest, type StatsSnapshot } from './stats.js';

/** Options both simulators take; each adds its own auth settings. */
export interface SimulatorOptions {
  /** 0 = ephemeral; the demo passes 8401–8405 (each product's demo.ts under src/datasources). */
  port: number;
  host: string;
  basePath: string;
  /** Same seed ⇒ same data (relative to the start time). */
  seed: number;
  /** Added to every answer. */
  latencyMs: number;
  /** Off by default; over it ⇒ 429 with Retry-After (seconds). Applies to every API call, login included. */
  rateLimit?: RateLimitOptions;
  /** ms clock; data is generated relative to its value at start, sessions and tokens idle out by it. */
  now?: () => number;
  /** Serve HTTPS with this certificate (and mutual TLS if asked); the url is then `https://…`. @default plain HTTP */
  tls?: ServerTls;
}

/** The part of a running simulator's public object that both upstreams share. */
export interface SimulatorHandle<D> {
  /** API root incl. base path, e.g. http://127.0.0.1:41234/actifio */
  readonly url: string;
  /** Control endpoints live at origin + '/__sim/...'. */
  readonly origin: string;
  readonly port: number;
  /** The live dataset: writes through the API change it in place. */
  readonly data: D;
  stats(): StatsSnapshot;
  calls(route: string): number;
  /** The last requests received (route and `traceparent`), oldest first; cleared by `reset`. */
  received(): ReceivedRequest[];
  /** Zeroes stats and clears faults; data and sessions/tokens stay. */
  reset(): void;
  setFaults(f: SimFaults): void;
  close(): Promise<void>;
}

/** Stats, faults and the own rate limit: what the request pipeline and the control endpoints share. */
export interface SimulatorCore {
  stats: RouteStats;
  faults: FaultState;
  bucket?: TokenBucket;
  reset(): void;
  setFaults(f: SimFaults): void;
}

/**
 * `expireAll` is the simulator's own act for the one-shot `expireAllTokens` fault: only it knows its
 * session or token store.
 */
export function simulatorCore(o: Pick<SimulatorOptions, 'seed' | 'rateLimit'>, now: () => number, expireAll: () => void): SimulatorCore {
  const stats = new RouteStats();
  const faults = new FaultState(o.seed);
  return {
    stats,
    faults,
    bucket: o.rateLimit ? new TokenBucket(o.rateLimit, now) : undefined,
    reset: (): void => {
      stats.reset();
      faults.clear();
    },
    setFaults: (f: SimFaults): void => {
      faults.apply(f);
      if (f.expireAllTokens) expireAll();
    },
  };
}

export function simulatorHandle<D>(server: RunningServer, basePath: string, data: D, core: SimulatorCore): SimulatorHandle<D> {
  return {
    url: `${server.origin}${basePath}`,
    origin: server.origin,
    port: server.port,
    data,
    stats: () => core.stats.snapshot(),
    calls: (route: string) => core.stats.calls(route),
    received: () => core.stats.received(),
    reset: core.reset,
    setFaults: core.setFaults,
    close: () => server.close(),
  };
}

/** Caller's options over the defaults, with the clock and base path settled once for every part. */
export function resolveOptions<O extends SimulatorOptions>(defaults: Readonly<O>, opts: Partial<O>): { o: O; now: () => number; basePath: string } {
  const o: O = { ...defaults, ...opts };
  return { o, now: o.now ?? Date.now, basePath: normalizeBasePath(o.basePath) };
}

/** `webconsole/api/` → `/webconsole/api`; `/` or '' → '' (the API at the root). */
function normalizeBasePath(basePath: string): string {
  return `/${basePath.replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '');
}

/** What each simulator's createPipeline takes besides its own stores. */
export interface PipelineBase<R, C> extends SimulatorCore {
  basePath: string;
  latencyMs: number;
  router: R;
  ctx: C;
}
