import { fastifyApolloHandler } from '@as-integrations/fastify';
import type { Tracer } from '@opentelemetry/api';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { GatewayConfig } from '../config/schema.js';
import { createGatewayContext, type GatewayContext } from '../context.js';
import type { SourceRegistry } from '../datasources/registry.js';
import type { MutationRuntime } from '../mutations/runtime.js';
import type { HistoryStore } from '../store/history-store.js';
import type { Logger } from '../observability/logger.js';
import type { ApqStore } from '../persisted/apq-store.js';
import type { TrustedDocuments } from '../persisted/trusted-documents.js';
import { batchLimitHook } from '../plugins/batch-limit.hook.js';
import type { CallerDirectory } from '../plugins/caller.js';
import { genRequestId, registerAccessLog, traceOf, tracedContext } from '../observability/access-log.js';
import { depthLimitRule } from '../plugins/depth-limit.rule.js';
import { createErrorFormatter } from '../plugins/format-error.js';
import type { JobPollRegistry } from '../subscriptions/job-poller.js';
import { attachSubscriptionServer } from '../subscriptions/ws-server.js';
import { registerFirstContactRoute } from './first-contact.route.js';
import { operationPolicyPlugins } from './operation-policy.js';
import { createApolloServer } from './apollo.js';
import { answerOptions, GRAPHQL_METHODS, registerCors } from './cors.js';
import { inputDepthHook } from './input-depth.hook.js';
import type { ResponseCache } from '../cache/response-cache.js';
import { responseCacheHooks } from './response-cache.hooks.js';
import { answerClientError } from './client-error.js';
import { registerDashboardRoutes } from './dashboard/dashboard.routes.js';
import { answerFrameworkError, registerErrorHandler } from './error-handler.js';
import { registerHealthRoutes, type Readiness } from './health.routes.js';
import { requireHostHeader } from './host-header.hook.js';
import { registerMetricsRoute } from './metrics.route.js';
import { answerWrongMethod, registerNotFound } from './not-found.js';
import { loadExamples, registerPlaygroundRoutes } from './playground/index.js';

export interface HttpAppDeps {
  config: GatewayConfig;
  schema: GraphQLSchema;
  callers: CallerDirectory;
  registry: SourceRegistry;
  logger: Logger;
  readiness: Readiness;
  /** The safelist loaded from the codegen manifest. */
  trusted: TrustedDocuments;
  /** APQ registrations (memory or Redis). */
  apqStore: ApqStore;
  /** Idempotency store and audit log of mutations (memory or Redis). */
  mutations?: MutationRuntime;
  /** Set while tracing is on: the operation spans' tracer. */
  tracer?: Tracer;
  /** The replica's job polls: with it (and `subscriptions.enabled`), `/graphql` also takes WebSocket subscriptions. */
  jobPolls?: JobPollRegistry;
  /** Whole answers by operation, variables and caller scope (`responseCache.enabled`); absent: every request executes. */
  responseCache?: ResponseCache;
  /** The history database, reachable by resolvers through the context; absent while `store.enabled` is false. */
  history?: HistoryStore;
}

export interface HttpApp {
  readonly app: FastifyInstance;
  /** Stops Apollo, whose drain plugin closes fastify once running requests are done. */
  stop(): Promise<void>;
}

/** The fastify app: `/graphql` (Apollo), `/playground`, `/dashboard`, `/healthz`, `/readyz`, `/metrics`. Started by the caller. */
export async function buildHttpApp(deps: HttpAppDeps): Promise<HttpApp> {
  const { config, schema, callers, registry, logger, readiness, trusted, apqStore } = deps;
  const app: FastifyInstance = Fastify({
    loggerInstance: logger.child({ component: 'http' }) as FastifyBaseLogger,
    // One line per request is the metrics' job; logs keep what needs reading (errors, upstream trouble).
    logController: new LogController({ disableRequestLogging: true }),
    // Stated, not defaulted: a body above it is refused (413) before it is parsed.
    bodyLimit: config.server.bodyLimit,
    genReqId: genRequestId, // request id: the client's sane x-request-id, else a UUID (access-log.ts)
    // What Node's parser refuses (headers too large, not HTTP, too slow) answers a GraphQL error too.
    clientErrorHandler: answerClientError,
    frameworkErrors: answerFrameworkError,
    // Refused by requireHostHeader below, with a GraphQL error body rather than Node's empty 400.
    http: { requireHostHeader: false },
  });
  app.addHook('onRequest', requireHostHeader);
  registerErrorHandler(app, { logger, bodyLimit: config.server.bodyLimit });
  registerNotFound(app);
  registerAccessLog(app, logger); // one line per request, x-request-id echoed
  const apollo = createApolloServer({ app, schema, config, logger, trusted, apqStore, tracer: deps.tracer });
  await apollo.start();

  const { routeConfig } = await registerCors(app, config.server.cors);
  const answers = responseCacheHooks({ cache: deps.responseCache, callers, registry, app });
  app.route({
    url: '/graphql',
    method: ['PUT', 'DELETE', 'PATCH'],
    // Not fastify's 404 `{ statusCode, error }`: the route exists, the method does not.
    handler: async (_request, reply) => answerWrongMethod(reply),
  });
  app.route({
    url: '/graphql',
    method: 'OPTIONS',
    config: routeConfig,
    handler: answerOptions,
  });
  app.route({
    url: '/graphql',
    method: [...GRAPHQL_METHODS],
    config: routeConfig,
    preHandler: [
      ...(config.server.batching.enabled ? [batchLimitHook(config.server.batching.maxOperations)] : []),
      inputDepthHook(),
      // Last: a stored answer is served only to a request every check above let through.
      answers.preHandler,
    ],
    onSend: answers.onSend,
    handler: fastifyApolloHandler<GatewayContext>(apollo, {
      context: async (request) =>
        tracedContext(request, () =>
          createGatewayContext({
            principal: callers.authenticate(request.headers.authorization),
            registry,
            config,
            mutations: deps.mutations,
            history: deps.history,
            trace: traceOf(request),
          }),
        ),
    }),
  });
  registerPlaygroundRoutes(app, {
    enabled: config.server.playground,
    examples: await loadExamples(),
    // Demo keys are public (the README lists them); a real key is never written into a page.
    defaultApiKey: config.demo ? 'demo-analyst' : undefined,
  });
  registerDashboardRoutes(app, {
    enabled: config.server.dashboard,
    // The demo's frontend key, as the playground gets the demo's analyst key: public, listed in the README.
    defaultApiKey: config.demo ? 'demo-frontend' : undefined,
  });
  registerHealthRoutes(app, readiness);
  registerMetricsRoute(app);
  registerFirstContactRoute(app, { playground: config.server.playground }); // GET /
  const subscriptions =
    deps.jobPolls && config.subscriptions.enabled
      ? attachSubscriptionServer({
          server: app.server,
          schema,
          config,
          callers,
          registry,
          jobPolls: deps.jobPolls,
          mutations: deps.mutations,
          history: deps.history,
          plugins: operationPolicyPlugins(config, trusted),
          rules: [depthLimitRule(config.limits.maxDepth)],
          formatError: createErrorFormatter(logger),
          logger,
        })
      : undefined;
  return {
    app,
    async stop() {
      // Subscriptions first: their sockets are not HTTP requests Apollo's drain would wait for.
      await subscriptions?.close();
      await apollo.stop();
    },
  };
}
