import type { UpstreamRequest } from './types.js';

const ID_SEGMENT = /^(\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * The metric/log label of a request: `req.route`, or method + path with numeric and UUID segments
 * collapsed to `{id}` — so `/Job/1234` and `/Job/5678` share one series, keeping label cardinality low.
 */
export function routeOf(req: Pick<UpstreamRequest, 'method' | 'path' | 'route'>): string {
  if (req.route) return req.route;
  const path = req.path.split('/').map((s) => (ID_SEGMENT.test(s) ? '{id}' : s)).join('/');
  return `${req.method} ${path}`;
}
