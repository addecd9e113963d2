import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import type { FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { GatewayConfig } from '../config/schema.js';
import type { GatewayContext } from '../context.js';
import type { Logger } from '../observability/logger.js';
import { depthLimitRule } from '../plugins/depth-limit.rule.js';
import { createErrorFormatter } from '../plugins/format-error.js';
import { usePartialErrors } from '../plugins/partial-errors.plugin.js';

/** Apollo Server with the gateway's plugins, in the order a request meets them. */
export function createApolloServer(deps: {
  app: FastifyInstance;
  schema: GraphQLSchema;
  config: GatewayConfig;
  logger: Logger;
}): ApolloServer<GatewayContext> {
  const { app, schema, config, logger } = deps;
  return new ApolloServer<GatewayContext>({
    schema,
    logger: logger.child({ component: 'apollo' }),
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    // The gateway owns shutdown (drain HTTP, log out of upstreams, close pools); Apollo re-raising the
    // signal would kill the process before the upstream sessions are closed.
    stopOnTerminationSignals: false,
    validationRules: [depthLimitRule(config.limits.maxDepth)],
    // The Apollo default landing page loads from a CDN; the offline playground is served by the gateway itself.
    plugins: [fastifyApolloDrainPlugin(app), ApolloServerPluginLandingPageDisabled(), usePartialErrors<GatewayContext>()],
  });
}
