import { Gauge } from 'prom-client';
import { metricsRegistry } from '../observability/metrics.js';

/** What the gauges read from each live registry (several gateways can share a process in tests). */
interface Counted {
  readonly subscribers: number;
  readonly activeJobs: number;
}

const registries = new Set<Counted>();

/** Counts a registry in the gauges until the returned function is called (at its close). */
export function countInMetrics(registry: Counted): () => void {
  registries.add(registry);
  return () => registries.delete(registry);
}

const sum = (pick: (r: Counted) => number): number => [...registries].reduce((n, r) => n + pick(r), 0);

// Read when scraped: the registry keeps the numbers, nothing is updated on every event.
new Gauge({
  name: 'backup_graph_subscriptions',
  help: 'Live subscriptions (jobProgress) held by this replica',
  registers: [metricsRegistry],
  collect() {
    this.set(sum((r) => r.subscribers));
  },
});

new Gauge({
  name: 'backup_graph_job_polls',
  help: 'Jobs this replica follows for its subscribers: polled here, or relayed from the replica holding the Redis lease',
  registers: [metricsRegistry],
  collect() {
    this.set(sum((r) => r.activeJobs));
  },
});
