import type { Tracer } from '@opentelemetry/api';
import type { Logger } from 'pino';
import type { BucketConfig, GatewayConfig, UpstreamConfig } from '../../config/schema.js';
import { GatewayError, isGatewayError } from '../../errors/gateway-error.js';
import { cacheKey } from '../../cache/cache-key.js';
import type { CacheStore, RemoteInvalidation } from '../../cache/cache-store.js';
import { InFlight } from '../../cache/in-flight.js';
import { MemoryCacheStore } from '../../cache/memory-cache-store.js';
import { MemoryRateLimiter } from '../../ratelimit/memory-rate-limiter.js';
import type { RateLimiter } from '../../ratelimit/rate-limiter.js';
import { AnnouncedLimits } from '../../ratelimit/announced-limits.js';
import { retryAtMs } from '../../ratelimit/retry-after.js';
import { withHeadroom } from '../../ratelimit/token-bucket.js';
import { bucketBudget, refillCovers, type BucketBudget } from '../../ratelimit/budget.js';
import {
  cacheLookupsTotal,
  circuitState,
  coalescedTotal,
  rateLimitRejectionsTotal,
  rateLimitWaitSeconds,
  upstreamRequestDurationSeconds,
  upstreamRequestsTotal,
} from '../../observability/metrics.js';
import { noteRead, noteUncacheable, type ResponseReads } from '../../cache/response-reads.js';
import { CallTrace, type AttemptTrace } from './call-tracing.js';
import { CircuitBreaker, type CircuitState } from './circuit-breaker.js';
import { decodeBody } from './decode.js';
import { walksInPieces, type ListBounds } from './json-bytes.js';
import { listBoundsWorker, LOST, type Matched } from './list-bounds-off-thread.js';
import { deepFreeze } from './freeze.js';
import { answersAwaited, HttpClient, QUEUED_TIMEOUT, TransportError, type HttpResponse } from './http-client.js';
import { tlsVerificationOf } from './tls-options.js';
import { encodeQuery, queryPairs } from './query.js';
import { accessOf, nextRetryDelayMs } from './retry.js';
import { routeOf } from './route.js';
import { noteWriteSent } from './writes-sent.js';
import type { BucketLevel, SourceHooks, UpstreamHealth, UpstreamPipeline, UpstreamRequest, UpstreamResponse } from './types.js';
import { takeAboveReserve } from '../../ratelimit/background-take.js';
import { backgroundDeferred } from '../../ratelimit/rate-limited-error.js';
import {
  answerLost,
  circuitOpen,
  malformedResponse,
  statusError,
  upstreamThrottled,
  upstreamTimeout,
  upstreamTls,
  upstreamUncertain,
  upstreamUnavailable,
  withOrigin,
} from './upstream-errors.js';

export type { CacheStore } from '../../cache/cache-store.js';
export type { RateLimiter } from '../../ratelimit/rate-limiter.js';

/** What the pipeline is built from. */
export interface UpstreamPipelineOptions {
  /** Every upstream the gateway may call; one connection pool and one circuit breaker each. */
  upstreams: readonly UpstreamConfig[];
  /** Byte bound and TTL per resource class. */
  cache: GatewayConfig['cache'];
  logger: Logger;
  /** Where successful reads are kept. @default MemoryCacheStore bounded by `cache.maxBytes` */
  cacheStore?: CacheStore;
  /** Upstream call budget per (instance, identity, read|write). @default MemoryRateLimiter */
  rateLimiter?: RateLimiter;
  /** Clock in epoch ms, for tests; also the default rate limiter's and breakers' clock. @default Date.now */
  now?: () => number;
  /** Jitter source for retry backoff, for tests. @default Math.random */
  random?: () => number;
  /**
   * Set while tracing is on: a span per call and per attempt, and `traceparent` sent upstream
   * (call-tracing.ts). Absent: none of that code runs. @default none
   */
  tracer?: Tracer;
  /**
   * Share of each bucket's capacity (0..1) that background (collector) calls leave to callers: they take
   * a token only while more than this would stay, and never wait (docs/history.md "Collectors"). @default 0.5
   */
  backgroundReserve?: number;
}

/**
 * Transport failures that happen before a request is on the wire (refused, no such host, its time up
 * while it waited for a connection): a write that met one was not sent, so it is UPSTREAM_UNAVAILABLE
 * or UPSTREAM_TIMEOUT rather than UPSTREAM_UNCERTAIN.
 */
const NOT_SENT_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', QUEUED_TIMEOUT]);

/** How many times a call may be re-sent because the upstream said it did not run it (429). */
const MAX_THROTTLED_REPEATS = 5;

/** What one attempt came to, before the retry stage decides what happens next. */
type Outcome =
  | { kind: 'ok'; response: UpstreamResponse }
  /** 401 to an authenticated call: not executed; the session is stale. */
  | { kind: 'unauthorized'; headersUsed: Record<string, string>; error: GatewayError }
  /** 429: not executed; the upstream wants us to wait until `retryAtMs`. */
  | { kind: 'throttled'; retryAtMs: number; error: GatewayError }
  | { kind: 'failed'; error: GatewayError; retryable: boolean }
  /** The breaker refused the attempt: nothing was sent. */
  | { kind: 'refused'; error: GatewayError };

interface Instance {
  config: UpstreamConfig;
  breaker: CircuitBreaker;
  /** For readiness: when the upstream last answered, and the last failure (epoch ms). */
  lastSuccessAtMs?: number;
  lastError?: { code: string; atMs: number };
}

/** Per-call facts every stage needs, computed once. */
interface Call {
  source: SourceHooks;
  req: UpstreamRequest;
  instance: Instance;
  access: 'read' | 'write';
  /**
   * An authenticated write (not a login or logout): once sent, a failure without a readable answer is
   * UPSTREAM_UNCERTAIN, never a retry — the upstream may have carried it out.
   */
  uncertainOnFailure: boolean;
  route: string;
  /** Cache and coalescing key (reads only). */
  key?: string;
  /** TTL when the answer may be cached. */
  ttlMs?: number;
  /** The rate-limit bucket key: instance + identity (or `*` for a shared budget) + access. */
  bucketKey: string;
  /**
   * No retry or token wait starts after this (epoch ms): room to queue for a token
   * (`rateLimit.queueTimeoutMs`) plus one full attempt (`timeoutMs`).
   */
  deadlineMs: number;
  /** The call's span and what it learns (cache outcome, attempts); only while tracing is on. */
  trace?: CallTrace;
}

/**
 * Builds the one pipeline every upstream call of the gateway goes through. The stages run in the order
 * docs/architecture.md fixes, and are composed in `send` and `attempt` below — read those two to see all of it:
 *
 *   1 cache lookup → 2 in-flight coalescing → [ 3 token bucket → 4 circuit breaker → 5 HTTP with
 *   timeout → 6 decoding + upstream error detection ] ↻ 7 retry (reads; 401 re-login; 429 wait) → 8 cache store
 */
export function createUpstreamPipeline(opts: UpstreamPipelineOptions): UpstreamPipeline {
  const now = opts.now ?? Date.now;
  const tracer = opts.tracer;
  const random = opts.random ?? Math.random;
  const backgroundReserve = opts.backgroundReserve ?? 0.5;
  const logger = opts.logger;
  const http = new HttpClient(opts.upstreams);
  for (const upstream of opts.upstreams) {
    if (tlsVerificationOf(upstream) === 'DISABLED') {
      logger.warn({ upstream: upstream.id }, 'TLS certificate verification is off for this upstream (tls.rejectUnauthorized: false)');
    }
  }
  const cacheStore: CacheStore = opts.cacheStore ?? new MemoryCacheStore<UpstreamResponse>({ maxBytes: opts.cache.maxBytes, now: opts.now });
  const rateLimiter = opts.rateLimiter ?? new MemoryRateLimiter({ now });
  const inFlight = new InFlight<UpstreamResponse>();
  const announced = new AnnouncedLimits();
  /** Bumped by `invalidate` (and other replicas' invalidations): a read that started before a mutation's invalidation does not store its answer. */
  const generations = new Map<string, number>();
  /** Every bucket key this pipeline has spent from, with its metric labels (for `bucketLevels`). */
  const bucketsSeen = new Map<string, { instance: string; access: 'read' | 'write' }>();
  /**
   * When each answer this replica stored expires (epoch ms), so a response built from a cache hit lives
   * no longer than the entry. A hit this replica did not store (filled from Redis) counts a full TTL from now.
   */
  const expiries = new WeakMap<UpstreamResponse, number>();
  /** Told of every invalidation, this replica's and (with Redis) the others' — the response cache listens. */
  const invalidationListeners: ((event: RemoteInvalidation) => void)[] = [];
  const announceInvalidation = (event: RemoteInvalidation) => {
    for (const listener of invalidationListeners) listener(event);
  };

  /** After an invalidation: reads already running must neither be joined nor store their answer. */
  function forgetRunning(instanceId: string): void {
    generations.set(instanceId, (generations.get(instanceId) ?? 0) + 1);
    inFlight.forget(instanceId);
  }

  const instances = new Map<string, Instance>();
  for (const config of opts.upstreams) {
    // parseConfig fills each upstream's buckets from its kind; a config that skipped it would have no budget.
    if (!config.rateLimit.read || !config.rateLimit.write) throw new Error(`upstream "${config.id}": rateLimit.read and .write must be set (see applyKindDefaults)`);
    const breaker = new CircuitBreaker({
      failureThreshold: config.breaker.failureThreshold,
      cooldownMs: config.breaker.cooldownMs,
      now,
      onStateChange: (state) => onCircuitChange(config.id, state),
    });
    instances.set(config.id, { config, breaker });
    circuitState.set({ instance: config.id }, 0);
  }

  // Another replica's mutation (or, after a lost connection, possibly some) reaches this replica's
  // running reads as its own would: the cache store has already dropped its local copies.
  cacheStore.onRemoteInvalidation?.((event) => {
    for (const instanceId of 'all' in event ? instances.keys() : [event.instanceId]) forgetRunning(instanceId);
    announceInvalidation(event);
  });

  function onCircuitChange(instance: string, state: CircuitState): void {
    circuitState.set({ instance }, state === 'closed' ? 0 : state === 'half-open' ? 1 : 2);
    const log = state === 'open' ? logger.warn.bind(logger) : logger.info.bind(logger);
    log({ upstream: instance, circuit: state }, 'upstream circuit breaker changed state');
  }

  // ── the stages, in order ──────────────────────────────────────────────────────────────────────

  async function send<T>(source: SourceHooks, req: UpstreamRequest): Promise<UpstreamResponse<T>> {
    const call = describe(source, req);
    // The access log's upstream call count: one property read and increment on the request's trace.
    const trace = source.requestTrace;
    if (trace !== undefined) trace.upstreamCalls += 1;
    // Logins and renewals (`authenticated: false`) carry no data an answer is built from.
    if (trace?.reads !== undefined && req.authenticated !== false) return (await deliverNoted(call, trace.reads)) as UpstreamResponse<T>;
    return (await deliverTraced(call)) as UpstreamResponse<T>;
  }

  /** `deliver`, noting for the response cache which entry the answer is and until when it holds. */
  async function deliverNoted(call: Call, reads: ResponseReads): Promise<UpstreamResponse> {
    if (call.ttlMs === undefined || call.key === undefined) {
      noteUncacheable(reads);
      return deliverTraced(call);
    }
    const response = await deliverTraced(call);
    noteRead(reads, call.instance.config.id, call.req.tags, expiries.get(response) ?? now() + call.ttlMs);
    return response;
  }

  /** `deliver` in a span of its own while tracing is on. */
  async function deliverTraced(call: Call): Promise<UpstreamResponse> {
    if (tracer === undefined) return deliver(call);
    call.trace = new CallTrace(tracer, call.instance.config, call.route, call.source.requestTrace?.id);
    try {
      const response = await deliver(call);
      call.trace.end({ status: response.status });
      return response;
    } catch (error) {
      call.trace.end({ error });
      throw error;
    }
  }

  /** Stages 1–8 of one call: the cache, coalescing, then attempts with retry and the cache store. */
  async function deliver(call: Call): Promise<UpstreamResponse> {
    const { source, req } = call;
    // The identity in a key is a non-secret name (e.g. the user name), so a source serves cached answers
    // only once its own credential has a live session: a caller whose password the upstream would refuse
    // never reads what another source with the same user name cached. Free while the session lives.
    if (call.key !== undefined && req.authenticated !== false) await source.authHeaders();
    // 1. cache lookup — only reads with a cache class; the key carries instance and identity.
    if (call.key !== undefined && call.ttlMs !== undefined) {
      const hit = await cacheGet(call, call.key);
      if (call.trace) call.trace.cache = hit ? 'hit' : 'miss';
      if (hit) return hit;
    }
    // 2. in-flight coalescing — reads only: two identical writes are two operations.
    if (call.key === undefined || call.ttlMs === undefined) {
      if (call.trace) call.trace.cache = 'bypass';
      if (call.key === undefined) return fetchAndStore(call);
    }
    return inFlight.run(call.key, call.instance.config.id, () => fetchAndStore(call), () => {
      coalescedTotal.inc({ instance: call.instance.config.id });
      if (call.trace) call.trace.cache = 'coalesced';
    });
  }

  async function fetchAndStore(call: Call): Promise<UpstreamResponse> {
    const instanceId = call.instance.config.id;
    const generation = generations.get(instanceId) ?? 0;
    // 3–7: attempts with retry; frozen because coalesced callers and cache hits share this object.
    const response = deepFreeze(await withRetry(call));
    // 8. cache store — only what withRetry returned: 2xx that errorFromResponse found nothing wrong with.
    if (call.key !== undefined && call.ttlMs !== undefined && (generations.get(instanceId) ?? 0) === generation) {
      expiries.set(response, now() + call.ttlMs);
      await cacheSet(call, call.key, response, call.ttlMs);
    }
    return response;
  }

  /** 7. retry: idempotent reads with backoff + full jitter; a read once more after a 401 re-login; any call after a 429. */
  async function withRetry(call: Call): Promise<UpstreamResponse> {
    const { config } = call.instance;
    let attemptsMade = 0;
    let reloggedIn = false;
    let throttledRepeats = 0;
    /** The last failure this call met itself: what a retry refused by the breaker reports. */
    let ownFailure: GatewayError | undefined;
    for (;;) {
      const outcome = await attempt(call);
      if (outcome.kind === 'ok') return outcome.response;
      // Other calls opened the breaker while this one waited to retry: its own failure is the news.
      if (outcome.kind === 'refused') throw ownFailure ?? outcome.error;
      if (outcome.kind === 'unauthorized') {
        // The credential went stale. onUnauthorized drops only the session that failed: concurrent 401s
        // share one re-login, and the next call (read or write) logs in first.
        call.source.onUnauthorized(outcome.headersUsed);
        if (call.uncertainOnFailure) {
          // A write is never replayed, not even after a 401: what answers 401 (a front end, a console
          // whose session or token failed, it does not say which) does not prove that nothing ran behind it.
          noteWriteSent();
          throw upstreamUncertain(call.instance.config.id, 'it answered 401 (the session had ended)', 401);
        }
        if (reloggedIn || call.req.resendAfterUnauthorized === false) throw outcome.error;
        reloggedIn = true;
        continue;
      }
      if (outcome.kind === 'throttled') {
        // A 429 did not run the call either. Empty the bucket until the upstream's time; the next
        // attempt's token wait then either fits the deadline or fails fast with RATE_LIMITED.
        rateLimiter.pauseUntil(call.bucketKey, outcome.retryAtMs);
        if (++throttledRepeats > MAX_THROTTLED_REPEATS) throw outcome.error;
        continue;
      }
      attemptsMade += 1;
      ownFailure = outcome.error;
      const delayMs =
        outcome.retryable && call.access === 'read'
          ? nextRetryDelayMs({
              attemptsMade,
              maxAttempts: config.retry.maxAttempts,
              baseDelayMs: config.retry.baseDelayMs,
              nowMs: now(),
              deadlineMs: call.deadlineMs,
              random,
            })
          : undefined;
      if (delayMs === undefined) throw outcome.error;
      await sleep(delayMs);
    }
  }

  /** One attempt, in a span of its own while tracing is on (a child of the call's). */
  async function attempt(call: Call): Promise<Outcome> {
    if (call.trace === undefined) return attemptOnce(call, undefined);
    const span = call.trace.startAttempt(call.req.method, call.route);
    let outcome: Outcome;
    try {
      outcome = await attemptOnce(call, span);
    } catch (error) {
      span.end(error);
      throw error;
    }
    span.end(outcome.kind === 'ok' ? undefined : outcome.error);
    return outcome;
  }

  /** One attempt: 3 token bucket → 4 circuit breaker → 5 HTTP with timeout → 6 decoding and error detection. */
  async function attemptOnce(call: Call, span: AttemptTrace | undefined): Promise<Outcome> {
    const { source, req, instance } = call;
    const instanceId = instance.config.id;
    // Auth headers come before the token and the breaker: getting them may log in, which is itself a
    // pipeline call and must not queue behind this call's token or its half-open trial slot.
    const authHeaders = req.authenticated === false ? {} : await source.authHeaders();

    // 3. token bucket
    const waitedMs = await takeToken(call);
    span?.bucketWaited(waitedMs);

    // 4. circuit breaker
    if (!instance.breaker.tryAcquire()) {
      return { kind: 'refused', error: circuitOpen(instanceId, instance.breaker.retryAfterMs()) };
    }

    // 5. undici request with timeout
    const remainingMs = Math.max(1, call.deadlineMs - now());
    const timeoutMs = Math.min(instance.config.timeoutMs, remainingMs);
    const startedMs = performance.now();
    const trace = source.requestTrace;
    if (trace !== undefined) trace.upstreamAttempts += 1;
    // A collector's source makes every call a background call; other callers mark single calls (progress polls).
    const headers = requestHeaders(req, authHeaders, req.background || source.background ? source.backgroundHeaders : undefined);
    span?.inject(headers); // W3C traceparent naming this attempt
    let raw: HttpResponse;
    try {
      raw = await http.request(instanceId, {
        method: req.method,
        pathAndQuery: pathWithQuery(req),
        headers,
        body: req.rawBody?.text ?? (req.body === undefined ? undefined : JSON.stringify(req.body)),
        timeoutMs,
      });
    } catch (error) {
      if (!(error instanceof TransportError)) {
        instance.breaker.release();
        throw error;
      }
      // A timeout we cut short to fit the call's deadline says little about the upstream's health.
      if (error.kind !== 'timeout' || timeoutMs === instance.config.timeoutMs) instance.breaker.recordFailure();
      else instance.breaker.release();
      observe(call, error.kind, startedMs);
      if (error.kind === 'tls') {
        // The handshake failed, so the upstream ran nothing (a write is not uncertain); the same
        // certificate would fail again, so no retry either.
        const tlsError = upstreamTls(instanceId, error.reason ?? 'the TLS handshake failed', error.code);
        instance.lastError = { code: tlsError.code, atMs: now() };
        return { kind: 'failed', error: tlsError, retryable: false };
      }
      if (call.uncertainOnFailure && !NOT_SENT_CODES.has(error.code ?? '')) {
        noteWriteSent();
        const what = error.kind === 'timeout' ? `no answer within ${timeoutMs} ms` : `the connection failed (${error.code ?? 'unknown'})`;
        return { kind: 'failed', error: upstreamUncertain(instanceId, what), retryable: false };
      }
      const gatewayError =
        error.kind === 'timeout' ? upstreamTimeout(instanceId, timeoutMs) : upstreamUnavailable(instanceId, error.code);
      instance.lastError = { code: gatewayError.code, atMs: now() };
      return { kind: 'failed', error: gatewayError, retryable: true };
    }
    observe(call, String(raw.status), startedMs);
    span?.answered(raw.status);
    // 401 and 429 say the upstream did not run the call; any other answer to a write may follow from it.
    if (call.uncertainOnFailure && raw.status !== 401 && raw.status !== 429) noteWriteSent();
    // An upstream that states its budget (Commvault Cloud) lowers the bucket the next calls spend from. It
    // states the budget of the call's HTTP class (GET/HEAD reads, the rest writes), so a read sent as a POST
    // (a qoperation query) carries the write budget: only an answer of the bucket's own class teaches it.
    const readMethod = call.req.method === 'GET' || call.req.method === 'HEAD';
    if (readMethod === (call.access === 'read')) announced.learn(call.bucketKey, raw.headers);

    // 6. decoding + upstream error detection
    let listBounds: readonly ListBounds[] | undefined;
    const matching = listBoundsOf(call, raw);
    if (matching) {
      const matched = await matching;
      if (matched === LOST) {
        instance.breaker.release();
        return { kind: 'failed', error: answerLost(instanceId), retryable: true };
      }
      raw = { ...raw, bytes: matched.bytes };
      listBounds = matched.lists;
    }
    let outcome: Outcome;
    try {
      outcome = classify(call, raw, authHeaders, listBounds);
    } catch (error) {
      // A throwing errorFromResponse hook must not keep a half-open trial slot forever.
      instance.breaker.release();
      throw error;
    }
    if (outcome.kind === 'failed' && raw.status >= 500) {
      instance.breaker.recordFailure();
      instance.lastError = { code: outcome.error.code, atMs: now() };
    } else {
      instance.breaker.recordSuccess();
      instance.lastSuccessAtMs = now();
    }
    return outcome;
  }

  /** 6. Turns a complete HTTP answer into an outcome; see upstream-errors.ts for the codes. */
  function classify(call: Call, raw: HttpResponse, authHeaders: Record<string, string>, listBounds: readonly ListBounds[] | undefined): Outcome {
    const { source, req } = call;
    const instanceId = call.instance.config.id;
    const origin = { instance: instanceId, status: raw.status };
    const decoded = decodeBody(raw.bytes, raw.headers['content-type'], {
      lazyLists: req.lazyLists,
      ...(listBounds ? { listBounds } : {}),
      malformed: () => malformedResponse(instanceId, raw.status),
    });
    const ok = raw.status >= 200 && raw.status < 300;
    if (!decoded.ok && ok) {
      const error = call.uncertainOnFailure ? upstreamUncertain(instanceId, 'its answer could not be read', raw.status) : malformedResponse(instanceId, raw.status);
      return { kind: 'failed', error, retryable: false };
    }
    // A non-2xx answer that claims JSON but is not (an HTML error page) is judged by its status alone.
    const response: UpstreamResponse = {
      status: raw.status,
      headers: raw.headers,
      body: decoded.ok ? decoded.body : decoded.text,
      bodyBytes: raw.bytes.length,
    };

    if (raw.status === 401 && req.authenticated !== false) {
      return { kind: 'unauthorized', headersUsed: authHeaders, error: sourceError(response) ?? statusError(instanceId, 401) };
    }
    if (raw.status === 429) {
      const retryAt = retryAtMs(raw.headers, now()) ?? now();
      return { kind: 'throttled', retryAtMs: retryAt, error: upstreamThrottled(instanceId, retryAt - now()) };
    }
    const reported = sourceError(response);
    if (raw.status >= 500) {
      // A 5xx to a write says nothing of whether the upstream (behind its front end) ran it.
      if (call.uncertainOnFailure) return { kind: 'failed', error: upstreamUncertain(instanceId, `it answered HTTP ${raw.status}`, raw.status), retryable: false };
      return { kind: 'failed', error: reported ?? statusError(instanceId, raw.status), retryable: true };
    }
    // Errors the upstream reports itself (HTTP 200 with errList…) are final: no retry, no cache.
    if (reported) return { kind: 'failed', error: reported, retryable: false };
    if (!ok) return { kind: 'failed', error: statusError(instanceId, raw.status), retryable: false };
    return { kind: 'ok', response };

    function sourceError(res: UpstreamResponse): GatewayError | undefined {
      const error = source.errorFromResponse(res, req);
      return error ? withOrigin(error, origin) : undefined;
    }
  }

  /**
   * A large successful answer's lazy lists, matched on the worker thread (list-bounds-off-thread.ts)
   * while the event loop handles other answers; its bytes come back with them. Undefined when there are
   * none to match, when no other answer is on its way, or when the worker cannot take them (json-bytes.ts
   * then matches them here).
   *
   * With no other answer awaited the event loop has nothing to do meanwhile, and the round trip is the
   * slower way: waking the worker on a two-core machine whose other core is busy hands it this thread's
   * core (postMessage took 0.04 ms or 0.7 ms, about half the time each, on a cold dashboard page), and the
   * answer then waits for the worker's matching and its reply (docs/performance.md). So the lone answer of
   * a cold page, and the last of a fan-out's, are matched here.
   */
  function listBoundsOf(call: Call, raw: HttpResponse): Promise<Matched> | undefined {
    const lazyLists = call.req.lazyLists;
    if (!lazyLists?.size || raw.status < 200 || raw.status >= 300 || !walksInPieces(raw.bytes, { lazyLists })) return undefined;
    if (answersAwaited() === 0) return undefined;
    return listBoundsWorker.find(raw.bytes, lazyLists);
  }

  /** The bucket a call spends from: the configured one, lowered to what the upstream announced, less the headroom. */
  function bucketOf(config: UpstreamConfig, bucketKey: string, access: 'read' | 'write'): BucketConfig {
    return withHeadroom(announced.effective(bucketKey, config.rateLimit[access] as BucketConfig), config.rateLimit.headroomTokens);
  }

  /** Waits for the call's token; resolves to the time waited (ms). */
  async function takeToken(call: Call): Promise<number> {
    const { config } = call.instance;
    const bucket = bucketOf(config, call.bucketKey, call.access);
    const labels = { instance: config.id, access: call.access };
    if (!bucketsSeen.has(call.bucketKey)) bucketsSeen.set(call.bucketKey, labels);
    const deadlineMs = Math.min(now() + config.rateLimit.queueTimeoutMs, call.deadlineMs);
    const startedMs = performance.now();
    if (call.source.background) {
      // A collector's call: spends only above the callers' reserve, and never waits (callers never queue behind it).
      if (await takeAboveReserve(rateLimiter, call.bucketKey, bucket, backgroundReserve, now)) return 0;
      rateLimitRejectionsTotal.inc(labels);
      throw withOrigin(backgroundDeferred(), { instance: config.id });
    }
    try {
      await rateLimiter.acquire(call.bucketKey, bucket, deadlineMs);
    } catch (error) {
      rateLimitRejectionsTotal.inc(labels);
      throw isGatewayError(error) ? withOrigin(error, { instance: config.id }) : error;
    }
    const waitedMs = performance.now() - startedMs;
    rateLimitWaitSeconds.observe(labels, waitedMs / 1000);
    return waitedMs;
  }

  // ── helpers ───────────────────────────────────────────────────────────────────────────────────

  function describe(source: SourceHooks, req: UpstreamRequest): Call {
    const instance = instances.get(source.instanceId);
    if (!instance) throw new Error(`Upstream instance ${source.instanceId} is not configured`);
    const access = accessOf(req);
    const key =
      access === 'read'
        ? cacheKey({
            instanceId: instance.config.id,
            identity: source.identity,
            method: req.method,
            path: req.path,
            query: req.query,
            headers: req.headers,
            body: req.body,
          })
        : undefined;
    const ttlMs = access === 'read' && req.cacheClass ? opts.cache.ttlMs[req.cacheClass] : undefined;
    return {
      source,
      req,
      instance,
      access,
      uncertainOnFailure: access === 'write' && req.authenticated !== false,
      route: routeOf(req),
      key,
      ttlMs: ttlMs && ttlMs > 0 ? ttlMs : undefined,
      bucketKey: bucketKeyOf(instance.config, source, access),
      deadlineMs: now() + instance.config.rateLimit.queueTimeoutMs + instance.config.timeoutMs,
    };
  }

  async function cacheGet(call: Call, key: string): Promise<UpstreamResponse | undefined> {
    const instance = call.instance.config.id;
    let hit: UpstreamResponse | undefined;
    try {
      hit = await cacheStore.get(key);
    } catch (error) {
      // A broken shared cache must not break reads: the upstream can still answer.
      logger.warn({ upstream: instance, requestId: call.source.requestTrace?.id, err: error }, 'cache lookup failed');
    }
    cacheLookupsTotal.inc({ instance, result: hit ? 'hit' : 'miss' });
    return hit;
  }

  async function cacheSet(call: Call, key: string, value: UpstreamResponse, ttlMs: number): Promise<void> {
    const instanceId = call.instance.config.id;
    try {
      await cacheStore.set(key, { instanceId, tags: call.req.tags ?? [], value, sizeBytes: value.bodyBytes }, ttlMs);
    } catch (error) {
      logger.warn({ upstream: instanceId, requestId: call.source.requestTrace?.id, err: error }, 'cache store failed');
    }
  }

  function observe(call: Call, status: string, startedMs: number): void {
    const seconds = (performance.now() - startedMs) / 1000;
    const instance = call.instance.config.id;
    upstreamRequestsTotal.inc({ instance, route: call.route, status });
    upstreamRequestDurationSeconds.observe({ instance, route: call.route }, seconds);
    // Never headers: they hold Authtoken / Authorization / session ids.
    logger.debug({ upstream: instance, requestId: call.source.requestTrace?.id, route: call.route, status, ms: Math.round(seconds * 1000) }, 'upstream call');
  }

  /**
   * What `source`'s bucket for `access` can give `calls` calls within the queue timeout, read without
   * spending (before an operation runs); undefined when the refill over that wait alone covers them,
   * which needs no read of the bucket at all (the usual small operation: no Redis round trip).
   */
  async function budget(source: SourceHooks, access: 'read' | 'write', calls: number): Promise<BucketBudget | undefined> {
    const instance = instances.get(source.instanceId);
    if (!instance) throw new Error(`Upstream instance ${source.instanceId} is not configured`);
    const { config } = instance;
    const key = bucketKeyOf(config, source, access);
    const bucket = bucketOf(config, key, access);
    if (refillCovers(bucket, config.rateLimit.queueTimeoutMs, calls)) return undefined;
    return bucketBudget(await rateLimiter.peek(key, bucket), bucket, config.rateLimit.queueTimeoutMs, calls);
  }

  function bucketLevels(): BucketLevel[] {
    const emptiest = new Map<string, BucketLevel>();
    for (const [key, { instance, access }] of bucketsSeen) {
      const tokens = rateLimiter.tokens?.(key);
      if (tokens === undefined) continue;
      const id = `${instance}\u0000${access}`;
      const known = emptiest.get(id);
      if (!known || tokens < known.tokens) emptiest.set(id, { instance, access, tokens });
    }
    return [...emptiest.values()];
  }

  function health(): UpstreamHealth[] {
    return [...instances.values()].map(({ config, breaker, lastSuccessAtMs, lastError }) => ({
      id: config.id,
      url: config.url,
      circuit: breaker.state,
      retryAfterMs: breaker.retryAfterMs(),
      lastSuccessAtMs,
      lastError: lastError && { ...lastError },
    }));
  }

  return {
    send,
    health,
    budget,
    bucketLevels,
    async invalidate(instanceId, tags) {
      forgetRunning(instanceId);
      announceInvalidation({ instanceId, tags });
      await cacheStore.deleteByTags(instanceId, tags);
    },
    onInvalidation(listener) {
      invalidationListeners.push(listener);
    },
    renewConnections(instanceId) {
      http.renewPool(instanceId);
    },
    async close() {
      rateLimiter.close?.();
      await http.close();
    },
  };
}

/** The rate-limit bucket of a call: instance + identity + access. A shared budget (a Cloud tenant's) is one bucket for every identity; '*' is no identity's name. */
function bucketKeyOf(config: UpstreamConfig, source: SourceHooks, access: 'read' | 'write'): string {
  return JSON.stringify([config.id, config.rateLimit.shared ? '*' : source.identity, access]);
}

/** `/path?query` with the query in the order given, each name and value percent-encoded. */
function pathWithQuery(req: UpstreamRequest): string {
  const path = req.path.startsWith('/') ? req.path : `/${req.path}`;
  return path + encodeQuery(queryPairs(req.query));
}

/**
 * Headers of one attempt: JSON by default (Accept, and Content-Type with a body), then the request's own,
 * a background call's, then authentication, a later one replacing an earlier one of the same name in any
 * letter case (a datasource's `Accept` replaces the default instead of doubling it). Names go out
 * lower-cased, as HTTP/2 writes them; HTTP/1.1 names are case-insensitive. One object, no copies:
 * made for every upstream call (50 before a fan-out page's first answer), merging through a Map of
 * [name, value] pairs took 1.1–1.4 µs a call in a loop, this 0.2 µs.
 */
function requestHeaders(req: UpstreamRequest, authHeaders: Record<string, string>, background: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const contentType = req.rawBody !== undefined ? req.rawBody.contentType : req.body !== undefined ? 'application/json' : undefined;
  if (contentType !== undefined) headers['content-type'] = contentType;
  if (req.headers !== undefined) putLowerCased(headers, req.headers);
  if (background !== undefined) putLowerCased(headers, background);
  putLowerCased(headers, authHeaders);
  return headers;
}

function putLowerCased(into: Record<string, string>, from: Readonly<Record<string, string>>): void {
  for (const name of Object.keys(from)) into[name.toLowerCase()] = from[name] as string;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
