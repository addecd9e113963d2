import { execute, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { GatewayConfig } from '../config/schema.js';
import { createGatewayContext, type Principal } from '../context.js';
import type { SourceRegistry } from '../datasources/registry.js';
import { newTrace } from '../observability/request-trace.js';
import { isBackgroundDeferral } from '../ratelimit/rate-limited-error.js';
import type { HistoryStore } from '../store/history-store.js';

/** What a collector needs to run the graph's documents in-process. */
export interface CollectorQueryDeps {
  schema: GraphQLSchema;
  registry: SourceRegistry;
  config: GatewayConfig;
  history: HistoryStore;
}

export interface CollectorAnswer<T> {
  data: T | undefined;
  /** Messages of the answer's errors (and partial errors); empty when the read was whole. */
  errors: string[];
  /** Whether every error was a call deferred for the callers' reserve (nothing failed: it waits for its next interval). */
  deferred: boolean;
  /** HTTP attempts that went to an upstream for this document (cache hits and coalesced calls are free). */
  upstreamCalls: number;
}

/**
 * The collector principal of one upstream: it sees only that upstream, as the configured collector
 * identity (`collectors.identities[upstream]`) or else the upstream's service account — never a caller's
 * credential — and its calls are background calls (they spend only above the callers' reserve).
 */
export function collectorPrincipal(config: GatewayConfig, upstreamId: string | undefined): Principal {
  const upstreamIds = upstreamId === undefined ? config.upstreams.map((u) => u.id) : [upstreamId];
  const credentials: Principal['credentials'] = Object.fromEntries(
    upstreamIds.flatMap((id) => {
      const own = config.collectors.identities[id];
      return own ? [[id, { username: own.username, password: own.password, bearerToken: own.bearerToken }]] : [];
    }),
  );
  return { id: `collector:${upstreamId ?? '*'}`, role: 'analyst', upstreamIds, credentials, background: true };
}

/**
 * Runs one document as `upstreamId`'s collector principal, through the same resolvers and upstream
 * pipeline as a caller's query, counting the upstream attempts it made.
 */
export async function runCollectorQuery<T>(deps: CollectorQueryDeps, upstreamId: string | undefined, document: DocumentNode, variables: Record<string, unknown>): Promise<CollectorAnswer<T>> {
  const principal = collectorPrincipal(deps.config, upstreamId);
  const trace = newTrace(`collector:${upstreamId ?? '*'}`);
  const contextValue = createGatewayContext({ principal, registry: deps.registry, config: deps.config, history: deps.history, trace });
  const result = await execute({ schema: deps.schema, document, variableValues: variables, contextValue });
  const thrown: unknown[] = [...(result.errors ?? []).map((e) => e.originalError ?? e), ...contextValue.partialErrors.map((p) => p.error)];
  const errors = thrown.map((e) => (e as Error).message);
  const deferred = thrown.length > 0 && thrown.every(isBackgroundDeferral);
  return { data: (result.data ?? undefined) as T | undefined, errors, deferred, upstreamCalls: trace.upstreamAttempts };
}
