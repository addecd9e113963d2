import type { FastifyInstance } from 'fastify';
import type { ReadinessReport } from './readiness.js';

/** Whether the gateway can serve: set once everything has started, cleared as shutdown begins. */
export interface Readiness {
  ready: boolean;
  /** Set as shutdown begins, so `/readyz` says why it is 503. */
  stopping?: boolean;
  /** What the upstreams (and Redis) say once started (src/http/readiness.ts). @default always ready */
  check?: () => Promise<ReadinessReport>;
}

/**
 * `/healthz`: liveness only — the process answers (never restart a replica because an upstream is down).
 * `/readyz`: it can serve GraphQL now: 200 `ready`/`degraded`, 503 `starting`/`stopping`/`unavailable`
 * with the reason and each upstream's state (scripts and load balancers wait on it).
 */
export function registerHealthRoutes(app: FastifyInstance, readiness: Readiness): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    void reply.header('cache-control', 'no-store');
    if (!readiness.ready) return reply.code(503).send({ status: readiness.stopping ? 'stopping' : 'starting' });
    if (!readiness.check) return { status: 'ready' };
    const report = await readiness.check();
    return reply.code(report.status === 'ready' || report.status === 'degraded' ? 200 : 503).send(report);
  });
}
