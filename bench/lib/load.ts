import autocannon from 'autocannon';
import { summarize, type LatencySummary } from './stats.js';

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
}): Promise<LoadResult> {
  const samples: number[] = [];
  const instance = autocannon({
    url: o.url,
    connections: o.connections,
    duration: o.durationSeconds,
    method: o.body === undefined ? 'GET' : 'POST',
    headers: o.headers,
    ...(o.body === undefined ? {} : { body: o.body }),
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
