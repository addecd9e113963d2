import type { GatewayConfig } from './config/schema.js';
import type { ForecastOptions } from './monitoring/forecast.js';
import type { MonitoringThresholds } from './monitoring/thresholds.js';
import type { PrincipalSources, SourceRegistry } from './datasources/registry.js';
import type { GatewayError } from './errors/gateway-error.js';
import { defaultMutationRuntime, type MutationRuntime } from './mutations/runtime.js';
import type { Principal } from './principal.js';
import type { HistoryStore } from './store/history-store.js';
import { noteUncacheable } from './cache/response-reads.js';
import { currentTrace } from './observability/request-trace.js';
import type { JobPollRegistry } from './subscriptions/job-poller.js';

export type { Principal, ResolvedCredential } from './principal.js';

/** Everything a resolver may use for one GraphQL request. Built by `createGatewayContext`, per request. */
export interface GatewayContext {
  principal: Principal;
  /** The upstream sources this principal may use. */
  sources: PrincipalSources;
  /**
   * Per-request state made on first use, keyed by its owner's token (e.g. a product's DataLoaders): a
   * query that touches one product builds nothing for the others.
   */
  perRequest<T>(token: symbol, make: () => T): T;
  /**
   * Failures of one upstream in a fan-out whose other upstreams answered: the field keeps the others'
   * data and the Apollo plugin `usePartialErrors` adds these to the response's `errors`.
   */
  partialErrors: Array<{ error: GatewayError; path: ReadonlyArray<string | number> }>;
  /** Upper bound of `first` on every connection (`config.server.maxPageSize`). */
  maxPageSize: number;
  /** The thresholds every severity is judged by (`config.monitoring.thresholds`). */
  thresholds: MonitoringThresholds;
  /** How capacity forecasts are fitted (`config.monitoring.forecast`). */
  forecast: ForecastOptions;
  /** Idempotency store and audit log of mutations (src/mutations). */
  mutations: MutationRuntime;
  /** The replica's job polls, shared by every subscription (src/subscriptions); set only on WebSocket operations. */
  jobPolls?: JobPollRegistry;
  /** The gateway's history database (docs/history.md); absent when `store.enabled` is false. */
  history?: HistoryStore;
}

/** The context of one request: the principal's sources, no per-request state yet, an empty partial-error list. */
export function createGatewayContext(deps: {
  principal: Principal;
  registry: SourceRegistry;
  config: GatewayConfig;
  /** @default one memory store per registry (see defaultMutationRuntime) */
  mutations?: MutationRuntime;
  jobPolls?: JobPollRegistry;
  history?: HistoryStore;
}): GatewayContext {
  const state = new Map<symbol, unknown>();
  // Apollo clones the context per operation with Object.assign, which reads every own getter: kept on
  // the prototype, `history` is read only when a resolver reads it (and only then marks the answer).
  const context = Object.create({
    get history() {
      // The gateway's own database is not among the upstream entries the response cache follows: an
      // answer that read it could go stale unseen, so it is never kept whole.
      if (deps.history !== undefined) {
        const reads = currentTrace()?.reads;
        if (reads !== undefined) noteUncacheable(reads);
      }
      return deps.history;
    },
  }) as GatewayContext;
  return Object.assign(context, {
    principal: deps.principal,
    sources: deps.registry.forPrincipal(deps.principal),
    perRequest<T>(token: symbol, make: () => T): T {
      if (state.has(token)) return state.get(token) as T;
      const made = make();
      state.set(token, made);
      return made;
    },
    partialErrors: [],
    maxPageSize: deps.config.server.maxPageSize,
    thresholds: deps.config.monitoring.thresholds,
    forecast: deps.config.monitoring.forecast,
    mutations: deps.mutations ?? defaultMutationRuntime(deps.registry),
    jobPolls: deps.jobPolls,
  });
}
