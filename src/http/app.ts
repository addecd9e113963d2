import { fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { GatewayConfig } from '../config/schema.js';
import { createGatewayContext, type GatewayContext } from '../context.js';
import type { SourceRegistry } from '../datasources/registry.js';
import type { Logger } from '../observability/logger.js';
import type { CallerDirectory } from '../plugins/caller.js';
import { createApolloServer } from './apollo.js';
import { registerHealthRoutes, type Readiness } from './health.routes.js';
import { registerMetricsRoute } from './metrics.route.js';

export interface HttpAppDeps {
  config: GatewayConfig;
  schema: GraphQLSchema;
  callers: CallerDirectory;
  registry: SourceRegistry;
  logger: Logger;
  readiness: Readiness;
}

/** The fastify app: `/graphql` (Apollo), `/healthz`, `/readyz`, `/metrics`. Started by the caller. */
export async function buildHttpApp(deps: HttpAppDeps): Promise<FastifyInstance> {
  const { config, schema, callers, registry, logger, readiness } = deps;
  const app: FastifyInstance = Fastify({
    loggerInstance: logger.child({ component: 'http' }) as FastifyBaseLogger,
    disableRequestLogging: true,
  });
  const apollo = createApolloServer({ app, schema, config, logger });
  await apollo.start();

  app.route({
    url: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    handler: fastifyApolloHandler<GatewayContext>(apollo, {
      context: async (request) =>
        createGatewayContext({ principal: callers.authenticate(request.headers.authorization), registry, config }),
    }),
  });
  registerHealthRoutes(app, readiness);
  registerMetricsRoute(app);
  return app;
}
