import autocannon from 'autocannon';
import { summarize, type LatencySummary } from './stats.js';

/**
 * An autocannon run ends on its sampling tick (default every second), whatever its duration: a 0.25 s
 * run takes a second. Smoke mode's sub-second runs tick every 100 ms instead (quick and full keep the default).
 */
export function tickFor(options: { smoke: boolean }): { sampleIntervalMs?: number } {
  return options.smoke ? { sampleIntervalMs: 100 } : {};
}

export interface LoadResult {
  connections: number;
  /** Latency with µs resolution (autocannon's own histogram rounds to whole ms). */
  latency: LatencySummary;
  requestsPerSecond: number;
  non2xx: number;
  errors: number;
}

/**
 * Closed-loop load with autocannon (each of `connections` keeps one request in flight). Latencies are
 * taken from autocannon's per-response event, which carries the hrtime duration in fractional ms.
 */
export async function closedLoop(o: {
  url: string;
  connections: number;
  durationSeconds: number;
  /** Absent: a GET without a body (e.g. `/healthz`). */
  body?: string;
  headers: Record<string, string>;
  /** autocannon's sampling tick (see tickFor); absent: its default of 1 s. */
  sampleIntervalMs?: number;
}): Promise<LoadResult> {
  const samples: number[] = [];
  const instance = autocannon({
    url: o.url,
    connections: o.connections,
    duration: o.durationSeconds,
    method: o.body === undefined ? 'GET' : 'POST',
    headers: o.headers,
    ...(o.body === undefined ? {} : { body: o.body }),
    ...(o.sampleIntervalMs === undefined ? {} : { sampleInt: o.sampleIntervalMs }),
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode >= 200 && statusCode < 300) samples.push(responseTime);
  });
  const result = await instance;
  return {
    connections: o.connections,
    latency: summarize(samples),
    requestsPerSecond: result.requests.total / Math.max(0.001, result.duration),
    non2xx: result.non2xx,
    errors: result.errors,
  };
}
