/** The raw gateway config the benchmarks use (what `parseConfig` takes); callers add what they vary. */

export const BENCH_API_KEY = 'bench-analyst';
export const UPSTREAM_ID = 'cv-bench';

export interface BenchConfigOptions {
  simulatorUrl: string;
  /** Upstream token bucket for reads; absent: the kind's default (CommServe 30 / 15 per s). */
  readBucket?: { capacity: number; refillPerSecond: number };
  queueTimeoutMs?: number;
  /** TTL overrides per resource class. */
  ttlMs?: Record<string, number>;
  cacheMaxBytes?: number;
  redisUrl?: string;
  /** `server.executor`; absent: the gateway's default (jit). */
  executor?: 'jit' | 'graphql-js';
  /** `telemetry.traces`; absent: tracing off (the gateway's default). */
  traces?: { endpoint: string; sampleRatio?: number };
  /** `responseCache.enabled`; absent: the gateway's default (off). */
  responseCache?: boolean;
}

export function benchConfig(o: BenchConfigOptions): Record<string, unknown> {
  const rateLimit: Record<string, unknown> = {};
  if (o.readBucket) rateLimit.read = o.readBucket;
  if (o.queueTimeoutMs !== undefined) rateLimit.queueTimeoutMs = o.queueTimeoutMs;
  const cache: Record<string, unknown> = {};
  if (o.ttlMs) cache.ttlMs = o.ttlMs;
  if (o.cacheMaxBytes) cache.maxBytes = o.cacheMaxBytes;
  return {
    server: { port: 0, host: '127.0.0.1', playground: false, ...(o.executor ? { executor: o.executor } : {}) },
    logLevel: 'silent',
    // An analyst may send free documents: the benchmarks do not depend on the persisted-query safelist.
    callers: [{ id: 'bench', apiKey: BENCH_API_KEY, role: 'analyst' }],
    upstreams: [
      {
        id: UPSTREAM_ID,
        kind: 'commvault',
        url: o.simulatorUrl,
        username: 'admin',
        password: 'admin',
        ...(Object.keys(rateLimit).length ? { rateLimit } : {}),
      },
    ],
    ...(Object.keys(cache).length ? { cache } : {}),
    ...(o.redisUrl ? { redis: { url: o.redisUrl } } : {}),
    ...(o.traces ? { telemetry: { traces: o.traces } } : {}),
    ...(o.responseCache !== undefined ? { responseCache: { enabled: o.responseCache } } : {}),
  };
}
