import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import type { Tracer } from '@opentelemetry/api';
import type { FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { GatewayConfig } from '../config/schema.js';
import type { GatewayContext } from '../context.js';
import { jitGateway } from '../execution/jit-gateway.js';
import type { Logger } from '../observability/logger.js';
import { apolloApqCache } from '../persisted/apollo-apq-cache.js';
import type { ApqStore } from '../persisted/apq-store.js';
import type { TrustedDocuments } from '../persisted/trusted-documents.js';
import { depthLimitRule } from '../plugins/depth-limit.rule.js';
import { createErrorFormatter } from '../plugins/format-error.js';
import { useSupportedOperationTypes } from '../plugins/operation-type.plugin.js';
import { useSubscriptionRootDirectives } from '../plugins/subscription-root-directives.js';
import { usePartialErrors } from '../plugins/partial-errors.plugin.js';
import { useOperationMetrics } from '../plugins/operation-metrics.plugin.js';
import { useReleaseAfterResponse } from '../plugins/release-after-response.plugin.js';
import { useTracing } from '../plugins/tracing.plugin.js';
import { composedPlugins } from '../plugins/composed-plugins.js';
import { operationPolicyPlugins } from './operation-policy.js';

/** Compiled documents kept by the graphql-jit executor: the safelist, and far more than analysts write. */
const JIT_MAX_DOCUMENTS = 1000;

/** Apollo Server with the gateway's plugins, in the order a request meets them. */
export function createApolloServer(deps: {
  app: FastifyInstance;
  schema: GraphQLSchema;
  config: GatewayConfig;
  logger: Logger;
  /** The safelist (codegen manifest), loaded and validated at start. */
  trusted: TrustedDocuments;
  /** Where APQ registrations live (memory, or Redis shared by replicas). */
  apqStore: ApqStore;
  /** Set while tracing is on (`telemetry.traces`): spans per operation. */
  tracer?: Tracer;
}): ApolloServer<GatewayContext> {
  const { app, schema, config, logger, trusted, apqStore, tracer } = deps;
  const execution =
    config.server.executor === 'jit'
      ? { gateway: jitGateway(schema, { maxDocuments: JIT_MAX_DOCUMENTS, logger: logger.child({ component: 'executor' }), precompile: trusted.values() }) }
      : { schema };
  return new ApolloServer<GatewayContext>({
    ...execution,
    logger: logger.child({ component: 'apollo' }),
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    // Apollo pretty-prints responses by default: ~10 % of a warm dashboard request's CPU (bench profile)
    // and a third more bytes on the wire. Clients parse JSON; nobody reads the indentation.
    stringifyResult: (value) => JSON.stringify(value),
    // The gateway owns shutdown (drain HTTP, log out of upstreams, close pools); Apollo re-raising the
    // signal would kill the process before the upstream sessions are closed.
    stopOnTerminationSignals: false,
    validationRules: [depthLimitRule(config.limits.maxDepth)],
    // A backstop for documents useDocumentLimits measures only after parsing (APQ hashes without text).
    parseOptions: { maxTokens: config.limits.maxTokens },
    // Who may introspect is a per-role decision (useIntrospectionPolicy); Apollo's switch is global and
    // would otherwise follow NODE_ENV.
    introspection: true,
    // APQ as Apollo Client's persisted-query link speaks it; the TTL and bounds are the store's (config).
    persistedQueries: { cache: apolloApqCache(apqStore) },
    // Stated, not defaulted: GET (and simple POSTs) need a JSON content type or a preflight header.
    csrfPrevention: true,
    // A batch limit Apollo lacks is enforced in front of it (batchLimitHook in app.ts).
    allowBatchedHttpRequests: config.server.batching.enabled,
    // The Apollo default landing page loads from a CDN; the offline playground is served by the gateway itself.
    plugins: [
      fastifyApolloDrainPlugin(app),
      ApolloServerPluginLandingPageDisabled(),
      // The gateway's caching is per upstream call (identity-scoped); Apollo's cache-control hints would
      // only add a hook to every field of every response (bench: ~7 % of a warm request's CPU).
      ApolloServerPluginCacheControlDisabled(),
      // The gateway's own, as one plugin: Apollo calls every hook point on every plugin (composed-plugins.ts).
      composedPlugins<GatewayContext>([
        // A subscription over HTTP is refused (it runs over WebSocket), before any estimate.
        useSupportedOperationTypes<GatewayContext>(),
        ...operationPolicyPlugins(config, trusted),
        // After the policy plugins (a text they refused is already swapped), before Apollo validates.
        useSubscriptionRootDirectives<GatewayContext>({ maxTokens: config.limits.maxTokens }),
        usePartialErrors<GatewayContext>(),
        useOperationMetrics<GatewayContext>({ trusted }), // after usePartialErrors: counts the partial errors too
        // Once the answer is written, the result and the request's state are let go, whatever may still
        // hold the request (Apollo's gateway mode did, until patches/@apollo+server+5.5.1.patch).
        useReleaseAfterResponse<GatewayContext>(),
        // Only while tracing is on: with it off, no hook of it exists to run.
        ...(tracer ? [useTracing<GatewayContext>({ tracer })] : []),
      ]),
    ],
  });
}
