import type { FastifyInstance } from 'fastify';
import { metricsRegistry } from '../observability/metrics.js';

/** Prometheus scrape endpoint over the gateway's own registry. */
export function registerMetricsRoute(app: FastifyInstance): void {
  app.get('/metrics', async (_request, reply) => {
    reply.header('content-type', metricsRegistry.contentType);
    return metricsRegistry.metrics();
  });
}
