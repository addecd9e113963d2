import type { GatewayConfig } from './config/schema.js';
import type { ForecastOptions } from './monitoring/forecast.js';
import type { MonitoringThresholds } from './monitoring/thresholds.js';
import type { PrincipalSources, SourceRegistry } from './datasources/registry.js';
import type { GatewayError } from './errors/gateway-error.js';
import { defaultMutationRuntime, type MutationRuntime } from './mutations/runtime.js';
import type { Principal } from './principal.js';
import type { HistoryStore } from './store/history-store.js';
import { noteUncacheable } from './cache/response-reads.js';
import type { RequestTrace } from './observability/request-trace.js';
import type { JobPollRegistry } from './subscriptions/job-poller.js';

export type { Principal, ResolvedCredential } from './principal.js';

/** Everything a resolver may use for one GraphQL request. Built by `createGatewayContext`, per request. */
export interface GatewayContext {
  principal: Principal;
  /** The upstream sources this principal may use. */
  sources: PrincipalSources;
  /**
   * Per-request state made on first use, keyed by its owner's token (e.g. a product's DataLoaders): a
   * query that touches one product builds nothing for the others. `make` gets this context, so a hot
   * caller can pass one module-level function instead of a new closure per call.
   */
  perRequest<T>(token: symbol, make: (ctx: GatewayContext) => T): T;
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
  /**
   * What the HTTP request (or collector run) does, for the access log and the response cache; absent on
   * WebSocket operations. The sources in `sources` carry it to the pipeline (UpstreamSource.forRequest).
   */
  trace?: RequestTrace;
}

const HISTORY = Symbol('history');
const STATE = Symbol('perRequestState');

/**
 * One request's context. A class, so every request's context shares one shape and one prototype: the
 * function this replaced gave each request a new prototype object (for the `history` getter), which
 * made every context a shape of its own and cost more than the rest of the request's own code
 * (profiled, docs/performance.md). Apollo clones the context per operation with
 * `Object.assign(Object.create(prototype), context)`: the prototype (the getter, `perRequest`) is kept
 * and the own properties — the symbol-keyed store and state included — are copied.
 */
class RequestContext implements GatewayContext {
  readonly principal: Principal;
  readonly sources: PrincipalSources;
  readonly partialErrors: GatewayContext['partialErrors'] = [];
  readonly maxPageSize: number;
  readonly thresholds: MonitoringThresholds;
  readonly forecast: ForecastOptions;
  readonly mutations: MutationRuntime;
  readonly jobPolls: JobPollRegistry | undefined;
  readonly trace: RequestTrace | undefined;
  readonly [HISTORY]: HistoryStore | undefined;
  readonly [STATE] = new Map<symbol, unknown>();

  constructor(deps: Parameters<typeof createGatewayContext>[0]) {
    this.principal = deps.principal;
    this.trace = deps.trace;
    this.sources = deps.registry.forPrincipal(deps.principal, deps.trace);
    this.maxPageSize = deps.config.server.maxPageSize;
    this.thresholds = deps.config.monitoring.thresholds;
    this.forecast = deps.config.monitoring.forecast;
    this.mutations = deps.mutations ?? defaultMutationRuntime(deps.registry);
    this.jobPolls = deps.jobPolls;
    this[HISTORY] = deps.history;
  }

  /** Read only when a resolver reads it, and only then marks the answer. */
  get history(): HistoryStore | undefined {
    // The gateway's own database is not among the upstream entries the response cache follows: an
    // answer that read it could go stale unseen, so it is never kept whole.
    if (this[HISTORY] !== undefined) {
      const reads = this.trace?.reads;
      if (reads !== undefined) noteUncacheable(reads);
    }
    return this[HISTORY];
  }

  /** Lets go of the request's state (loaders, held lists and the answers they hold) once its answer is written. */
  release(): void {
    this[STATE].clear();
  }

  perRequest<T>(token: symbol, make: (ctx: GatewayContext) => T): T {
    const state = this[STATE];
    if (state.has(token)) return state.get(token) as T;
    const made = make(this);
    state.set(token, made);
    return made;
  }
}

/** Lets go of a request's per-request state (RequestContext.release); a context made otherwise (tests) holds none to let go. */
export function releaseContext(ctx: GatewayContext): void {
  if (ctx instanceof RequestContext) ctx.release();
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
  trace?: RequestTrace;
}): GatewayContext {
  return new RequestContext(deps);
}
