import type { FastifyInstance } from 'fastify';

/** Whether the gateway can serve: set once everything has started, cleared as shutdown begins. */
export interface Readiness {
  ready: boolean;
}

/** `/healthz`: the process answers. `/readyz`: it can serve GraphQL (scripts and load balancers wait on it). */
export function registerHealthRoutes(app: FastifyInstance, readiness: Readiness): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    if (!readiness.ready) return reply.code(503).send({ status: 'starting' });
    return { status: 'ready' };
  });
}
