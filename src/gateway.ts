import 'reflect-metadata';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { FastifyInstance } from 'fastify';
import { ResponseCache } from './cache/response-cache.js';
import { createSharedLayers } from './cache/shared-layers.js';
import type { GatewayConfig } from './config/schema.js';
import { createUpstreamPipeline } from './datasources/pipeline/index.js';
import { SecretFileWatcher } from './config/secret-files.js';
import { useRedisPasswords } from './cache/redis-connection.js';
import { SourceRegistry } from './datasources/registry.js';
import { startDemoSimulators, type DemoSimulators } from './demo-simulators.js';
import { buildHttpApp } from './http/app.js';
import type { Readiness } from './http/health.routes.js';
import { createMutationRuntime } from './mutations/runtime.js';
import { createReadinessCheck } from './http/readiness.js';
import { createLogger, type Logger } from './observability/logger.js';
import { reportBucketTokens, reportUpstreamSessions } from './observability/metrics.js';
import { apqStoreKind, createApqStore } from './persisted/create-apq-store.js';
import { DEFAULT_MANIFEST_PATH, loadTrustedDocuments } from './persisted/trusted-documents.js';
import { CallerDirectory } from './plugins/caller.js';
import { DEMO_UPSTREAMS, PRODUCTS, UPSTREAM_PRODUCTS } from './products.js';
import { buildGatewaySchema } from './schema/build-schema.js';
import { JobPollRegistry } from './subscriptions/job-poller.js';
import { LeasedPolls } from './subscriptions/redis-lease.js';
import { relayAlertsThroughRedis } from './subscriptions/alert-bus.js';
import type { HistoryStore } from './store/history-store.js';
import { seedDemoOnStart } from './history/seed-on-start.js';
import { openHistoryStore } from './store/open-store.js';
import { startCollectors, type RunningCollectors } from './collectors/start-collectors.js';

export interface Gateway {
  readonly app: FastifyInstance;
  readonly config: GatewayConfig;
  /** The history database (docs/history.md), migrated; absent while `store.enabled` is false. */
  readonly history?: HistoryStore;
  /** Starts listening on `config.server`; resolves to the gateway's base URL (e.g. http://127.0.0.1:4000). */
  listen(): Promise<string>;
  /** Stops taking requests, drains the running ones, logs out of upstream sessions, closes pools and simulators. */
  stop(): Promise<void>;
  /** Rereads every file secret now, as SIGHUP asks; changed ones apply from their next use. */
  reloadSecrets(): void;
}

/**
 * Assembles the gateway from one validated config: simulators (demo only) → upstream pipeline → source
 * registry → schema → HTTP app. Nothing listens until `listen()`.
 */
export interface GatewayOptions {
  logger?: Logger;
  /**
   * Where spans go while `telemetry.traces` is set, instead of the OTLP/HTTP exporter: tests pass a
   * SimpleSpanProcessor over an InMemorySpanExporter. Ignored while tracing is off.
   */
  spanProcessor?: SpanProcessor;
}

export async function createGateway(config: GatewayConfig, options: GatewayOptions = {}): Promise<Gateway> {
  const logger = options.logger ?? createLogger(config.logLevel);
  // Schema and safelist first: a manifest entry the schema no longer accepts stops the start before
  // anything is opened (simulators, Redis, pools) that would then have to be closed again.
  apqStoreKind(config); // throws for `apq.store: redis` without `redis`, before anything is opened
  const schema = await buildGatewaySchema(PRODUCTS);
  const trusted = await loadTrustedDocuments(config.persistedQueries.manifestPath ?? DEFAULT_MANIFEST_PATH, schema);

  // The store before anything else is opened: a database that cannot be reached or migrated stops the
  // start with nothing else to close.
  let history: HistoryStore | undefined;
  if (config.store.enabled) {
    const opened = await openHistoryStore(config.store);
    history = opened.store;
    if (opened.applied.length > 0) logger.info({ migrations: opened.applied, dialect: history.dialect }, 'history store migrated');
  }

  let simulators: DemoSimulators | undefined;
  if (config.demo) {
    simulators = await startDemoSimulators(config.demo, DEMO_UPSTREAMS, config.upstreams, logger).catch(async (e: unknown) => {
      await history?.close(); // a PostgreSQL pool left open would keep the process alive
      throw e;
    });
  }

  // With Redis, every replica shares cache entries and one upstream rate-limit budget.
  // The gateway's own tracer provider (not the process-global one), only while tracing is configured.
  // The OpenTelemetry SDK and its OTLP exporter (some 190 modules) load only when traces are configured.
  const tracing = config.telemetry.traces
    ? (await import('./observability/tracing/tracing.js')).createTracing(config.telemetry.traces, { spanProcessor: options.spanProcessor })
    : undefined;
  const shared = config.redis
    ? await createSharedLayers({ redis: config.redis, logger, maxBytes: config.cache.maxBytes })
    : undefined;
  const pipeline = createUpstreamPipeline({
    upstreams: config.upstreams,
    cache: config.cache,
    logger,
    backgroundReserve: config.collectors.reserve,
    cacheStore: shared?.cacheStore,
    rateLimiter: shared?.rateLimiter,
    tracer: tracing?.tracer,
  });
  const registry = new SourceRegistry({ config, pipeline, logger, products: UPSTREAM_PRODUCTS });
  // Calls holding a source whose secret changed finish on its session before it is logged out.
  const retireGraceMs = 2 * Math.max(0, ...config.upstreams.map((u) => u.rateLimit.queueTimeoutMs + u.timeoutMs * u.retry.maxAttempts));
  const callers = new CallerDirectory(config);
  // A secret reread from its file applies from its next use; nothing restarts (docs/configuration.md "Secrets").
  const secretFiles = new SecretFileWatcher(config, logger, (scope) => {
    if (scope.kind === 'upstream') registry.retireSources(scope.upstreamId, retireGraceMs);
    else if (scope.kind === 'tls') pipeline.renewConnections?.(scope.upstreamId);
    else if (scope.kind === 'collectors') registry.retireSources(scope.upstreamId, retireGraceMs, 'background');
    else if (scope.kind === 'callers') callers.reload(config);
    else if (scope.kind === 'redis' && config.redis) useRedisPasswords(config.redis);
    // notifications: webhooks sign with the
    // entry's secret, e-mail remakes its transport when the password changed; telemetry: each export
    // reads the headers.
  });
  secretFiles.start();
  // Whole answers live no longer than the entries they were built from: every invalidation the pipeline
  // hears (its own mutations', and with Redis the other replicas') drops the answers built on those tags.
  const responseCache = config.responseCache.enabled ? new ResponseCache(config.responseCache) : undefined;
  if (responseCache) pipeline.onInvalidation?.((event) => responseCache.invalidate(event));
  const apqStore = createApqStore(config, { redis: shared?.redis, logger });
  const readiness: Readiness = {
    ready: false,
    check: createReadinessCheck({ upstreams: () => pipeline.health?.() ?? [], liveSessions: () => registry.liveSessions(), redis: shared?.redis }),
  };
  // One upstream poll per job for every subscriber of this replica (src/subscriptions/job-poller.ts);
  // with Redis, one per job for all replicas: the lease holder polls, the others relay (redis-lease.ts).
  const { poll } = config.subscriptions;
  const leased = shared ? new LeasedPolls({ redis: shared.redis, timing: poll, leaseMs: poll.leaseMs, logger }) : undefined;
  const jobPolls = new JobPollRegistry(poll, leased?.start);
  // alertRaised reaches every replica's subscribers through Redis when there is one (alert-bus.ts).
  const stopAlertRelay = shared ? await relayAlertsThroughRedis(shared.redis, logger) : undefined;
  const http = await buildHttpApp({
    config,
    schema,
    callers,
    registry,
    logger,
    readiness,
    trusted,
    apqStore,
    mutations: createMutationRuntime({ redis: shared?.redis, logger }),
    tracer: tracing?.tracer,
    jobPolls,
    responseCache,
    history,
  });
  const { app } = http;
  if (history) await seedDemoOnStart({ config, schema, registry, history, logger });
  const stopReporting = [
    reportUpstreamSessions(() => [...registry.sessionCounts()].map(([instance, value]) => ({ labels: { instance }, value }))),
    reportBucketTokens(() => (pipeline.bucketLevels?.() ?? []).map(({ instance, access, tokens }) => ({ labels: { instance, access }, value: tokens }))),
  ];

  let stopping: Promise<void> | undefined;
  let collectors: RunningCollectors | undefined;
  return {
    app,
    config,
    history,
    async listen() {
      const address = await app.listen({ port: config.server.port, host: config.server.host });
      readiness.ready = true;
      // Collecting starts with serving: the first collection runs now, through the same pipeline.
      if (history && config.collectors.enabled && !collectors) collectors = startCollectors({ config, schema, registry, history, logger });
      return address;
    },
    reloadSecrets: () => secretFiles.reload(),
    stop() {
      stopping ??= (async () => {
        secretFiles.stop();
        readiness.ready = false;
        readiness.stopping = true;
        for (const stop of stopReporting) stop();
        // Before the sources and the store close: a pass under way finishes, the lease goes to another replica.
        await collectors?.stop();
        await http.stop();
        jobPolls.close();
        await leased?.close();
        await stopAlertRelay?.();
        await registry.close();
        await pipeline.close();
        await shared?.close();
        await simulators?.close();
        await history?.close();
        // Last: the logouts above are upstream calls with spans of their own.
        await tracing?.shutdown();
      })();
      return stopping;
    },
  };
}
