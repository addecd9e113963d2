import type { FastifyInstance } from 'fastify';
import { PLAYGROUND_PATH } from './playground/playground.routes.js';

/** The documentation that ships with the gateway, by topic (paths in its repository and release tarball). */
export const DOCS = {
  schema: 'docs/schema.md',
  configuration: 'docs/configuration.md',
  partners: 'docs/partners.md',
  deploy: 'docs/deploy.md',
} as const;

/**
 * `GET /`, the first contact: a browser (`Accept: text/html`) is sent to the playground with a 302;
 * anything else gets JSON naming the graph's URL, the playground, the probes and the docs.
 */
export function registerFirstContactRoute(app: FastifyInstance, options: { playground: boolean }): void {
  app.get('/', async (request, reply) => {
    const accept = request.headers.accept ?? '';
    if (options.playground && /\btext\/html\b/i.test(accept)) return reply.redirect(PLAYGROUND_PATH, 302);
    // Host as the client addressed us (behind a proxy, its forwarded host is not trusted here).
    const base = `${request.protocol}://${request.host}`;
    return reply.send({
      name: 'backup-graph',
      graphql: `${base}/graphql`,
      ...(options.playground ? { playground: `${base}${PLAYGROUND_PATH}` } : {}),
      docs: DOCS,
      health: { liveness: `${base}/healthz`, readiness: `${base}/readyz`, metrics: `${base}/metrics` },
    });
  });
}
