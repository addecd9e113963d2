import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The gateway's own Prometheus registry (not prom-client's global one), so tests and embedders that
 * create several gateways in one process never collide on metric names. `/metrics` serves this.
 */
export const metricsRegistry = new Registry();

collectDefaultMetrics({ register: metricsRegistry });

/** Latency buckets (seconds) of every duration histogram here: 5 ms to 30 s, so dashboards can compare them. */
export const DURATION_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** One upstream HTTP attempt, by the status it answered (`timeout`/`unavailable` when it did not). */
export const upstreamRequestsTotal = new Counter({
  name: 'backup_graph_upstream_requests_total',
  help: 'Upstream HTTP attempts, by instance, route and answered status',
  labelNames: ['instance', 'route', 'status'] as const,
  registers: [metricsRegistry],
});

export const upstreamRequestDurationSeconds = new Histogram({
  name: 'backup_graph_upstream_request_duration_seconds',
  help: 'Duration of one upstream HTTP attempt, headers to last body byte',
  labelNames: ['instance', 'route'] as const,
  buckets: DURATION_BUCKETS_SECONDS,
  registers: [metricsRegistry],
});

export const cacheLookupsTotal = new Counter({
  name: 'backup_graph_cache_lookups_total',
  help: 'Cache lookups of cacheable upstream reads, by result',
  labelNames: ['instance', 'result'] as const,
  registers: [metricsRegistry],
});

/** Whole answers (src/cache/response-cache.ts): `hit` answered without executing, `miss` executed; `stored` kept after a miss. */
export const responseCacheTotal = new Counter({
  name: 'backup_graph_response_cache_total',
  help: 'Response cache lookups of GraphQL operations (hit; stale: served once past its expiry while it is refreshed; miss) and answers stored after a miss (stored)',
  labelNames: ['result'] as const,
  registers: [metricsRegistry],
});

export const coalescedTotal = new Counter({
  name: 'backup_graph_coalesced_total',
  help: 'Upstream reads that joined an identical call already in flight instead of sending their own',
  labelNames: ['instance'] as const,
  registers: [metricsRegistry],
});

export const rateLimitWaitSeconds = new Histogram({
  name: 'backup_graph_ratelimit_wait_seconds',
  help: 'Time a call waited for a rate-limit token',
  labelNames: ['instance', 'access'] as const,
  buckets: [0, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [metricsRegistry],
});

export const rateLimitRejectionsTotal = new Counter({
  name: 'backup_graph_ratelimit_rejections_total',
  help: 'Calls refused with RATE_LIMITED because no token could be had before their deadline',
  labelNames: ['instance', 'access'] as const,
  registers: [metricsRegistry],
});

/** 0 closed, 1 half-open, 2 open. */
export const circuitState = new Gauge({
  name: 'backup_graph_circuit_state',
  help: 'Circuit breaker state per upstream instance: 0 closed, 1 half-open, 2 open',
  labelNames: ['instance'] as const,
  registers: [metricsRegistry],
});

/** Mutations that ran their resolver, by root field and outcome (`ok` or the error code). */
export const mutationsTotal = new Counter({
  name: 'backup_graph_mutations_total',
  help: 'Mutations by root field and outcome (ok, or the GraphQL error code)',
  labelNames: ['operation', 'outcome'] as const,
  registers: [metricsRegistry],
});

/** One labelled value of a gauge read at scrape time. */
export interface GaugeReading {
  labels: Record<string, string>;
  value: number;
}

/**
 * A gauge whose values are read from live objects when `/metrics` is scraped, not pushed on every
 * change (sessions and bucket levels change on every call). Each gateway adds its reader and removes it
 * when it stops, so several gateways in one process (tests) report side by side.
 */
function scrapedGauge(name: string, help: string, labelNames: readonly string[]): (read: () => GaugeReading[]) => () => void {
  const readers = new Set<() => GaugeReading[]>();
  new Gauge({
    name,
    help,
    labelNames,
    registers: [metricsRegistry],
    collect() {
      this.reset();
      for (const read of readers) for (const { labels, value } of read()) this.set(labels, value);
    },
  });
  return (read) => {
    readers.add(read);
    return () => void readers.delete(read);
  };
}

/** Adds a reader of live upstream sessions per instance; returns its removal. */
export const reportUpstreamSessions = scrapedGauge(
  'backup_graph_upstream_sessions_live',
  'Upstream login sessions this replica holds, per instance (one per upstream identity in use)',
  ['instance'],
);

/** Adds a reader of rate-limit bucket levels; returns its removal. */
export const reportBucketTokens = scrapedGauge(
  'backup_graph_ratelimit_tokens',
  'Tokens left in the emptiest bucket of each instance and access (read/write) this replica spends from; local buckets only',
  ['instance', 'access'],
);

/** Invalidations another replica published (docs/replicas.md): this replica dropped its local copies. */
export const cacheInvalidationsReceivedTotal = new Counter({
  name: 'backup_graph_cache_invalidations_received_total',
  help: 'Cache invalidations received from other replicas over Redis pub/sub, by instance',
  labelNames: ['instance'] as const,
  registers: [metricsRegistry],
});

/** Each time the invalidation subscription came back after a disconnect and every local copy was dropped. */
export const cacheInvalidationResyncsTotal = new Counter({
  name: 'backup_graph_cache_invalidation_resyncs_total',
  help: 'Times the invalidation subscription reconnected and the local cache layer was emptied (messages may have been lost)',
  registers: [metricsRegistry],
});
