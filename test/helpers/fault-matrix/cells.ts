import type { MatrixEnvironment, MatrixUpstream } from './environment.js';

export type FaultName = 'none' | 'refused' | 'slow' | 'flapping5xx' | 'throttled' | 'malformed' | 'errorBody' | 'sessionExpired' | 'redisDown';

/** One fault the matrix injects into one upstream (or, for Redis, under one upstream's mutation). */
export interface Fault {
  name: FaultName;
  title: string;
  /**
   * The code the faulted upstream's field answers with while the fault lasts; null when the gateway
   * rides the fault out and every field has its data.
   */
  queryCode: string | null;
  /** Where an upstream kind maps the fault to another code by design (a console's 503 is UPSTREAM_UNAVAILABLE). */
  queryCodeByKind?: Partial<Record<MatrixUpstream['kind'], string>>;
  /** The code a mutation sent while the fault lasts must answer with, when there is one to expect. */
  mutationCode?: string;
  /** `midFlight`: injected while the queries are on their way (a session dying, Redis stopping under load). */
  when: 'before' | 'midFlight';
  inject(env: MatrixEnvironment, up: MatrixUpstream): Promise<void>;
  lift(env: MatrixEnvironment, up: MatrixUpstream): Promise<void>;
  /** What "recovered" means for this fault (docs/security.md, "Fault matrix"). */
  recovery: string;
}

/** Past the gateway's 2 s per-attempt timeout, with room for the retry to time out too. */
export const SLOW_LATENCY_MS = 4_500;
/** More units than a cell's calls can spend, the bench's long form included: every call of the fault window meets the fault. */
export const FAULT_UNITS = 100_000;
/** The 429's Retry-After: longer than the token wait (300 ms), so the gateway answers rather than waits. */
export const RETRY_AFTER_SECONDS = 1;

const setFaults = (up: MatrixUpstream, f: Parameters<MatrixUpstream['sim']['setFaults']>[0]) => {
  up.sim.setFaults(f);
  return Promise.resolve();
};

export const FAULTS: readonly Fault[] = [
  {
    name: 'refused',
    title: 'connection refused',
    queryCode: 'UPSTREAM_UNAVAILABLE',
    when: 'before',
    inject: (_env, up) => up.gate.refuse(),
    lift: (_env, up) => up.gate.admit(),
    recovery: 'the breaker lets a trial call through after its cooldown and closes on its answer',
  },
  {
    name: 'slow',
    title: 'slow past the timeout',
    queryCode: 'UPSTREAM_TIMEOUT',
    when: 'before',
    inject: (_env, up) => setFaults(up, { latencyMs: SLOW_LATENCY_MS }),
    lift: (_env, up) => setFaults(up, { latencyMs: 0 }),
    recovery: 'answers come within the timeout again; the breaker (open when enough attempts timed out) closes after its cooldown',
  },
  {
    name: 'flapping5xx',
    title: '5xx flapping',
    queryCode: 'UPSTREAM_ERROR',
    // A console's 502/503 is its API service being down behind a live web server (docs/upstreams/backupdr.md).
    queryCodeByKind: { backupdr: 'UPSTREAM_UNAVAILABLE' },
    when: 'before',
    inject: (_env, up) => setFaults(up, { fail5xx: { count: FAULT_UNITS, status: 503 } }),
    lift: (_env, up) => setFaults(up, { fail5xx: { count: 0 } }),
    recovery: 'reads are retried while it flaps; once the 503s stop the breaker closes after its cooldown',
  },
  {
    name: 'throttled',
    title: '429 with Retry-After',
    queryCode: 'RATE_LIMITED',
    when: 'before',
    inject: (_env, up) => setFaults(up, { rateLimitBurst: { count: FAULT_UNITS, retryAfterSeconds: RETRY_AFTER_SECONDS } }),
    lift: (_env, up) => setFaults(up, { rateLimitBurst: { count: 0, retryAfterSeconds: RETRY_AFTER_SECONDS } }),
    recovery: 'the gateway sends nothing to that upstream until Retry-After has passed (callers get RATE_LIMITED with retryAfterMs), then resumes',
  },
  {
    name: 'malformed',
    title: 'malformed JSON',
    queryCode: 'UPSTREAM_ERROR',
    when: 'before',
    inject: (_env, up) => setFaults(up, { malformedJson: { count: FAULT_UNITS } }),
    lift: (_env, up) => setFaults(up, { malformedJson: { count: 0 } }),
    recovery: 'nothing to recover: a broken answer is neither retried nor cached, the next good one is served',
  },
  {
    name: 'errorBody',
    title: 'HTTP 200 with an error body',
    queryCode: 'UPSTREAM_ERROR',
    when: 'before',
    inject: (_env, up) => setFaults(up, { errList: { count: FAULT_UNITS } }),
    lift: (_env, up) => setFaults(up, { errList: { count: 0 } }),
    recovery: 'nothing to recover: the error is the upstream\'s own (upstreamCode), never cached; the next answer is served',
  },
  {
    name: 'sessionExpired',
    title: 'session or token expired mid-flight',
    queryCode: null,
    when: 'midFlight',
    inject: (_env, up) => setFaults(up, { expireAllTokens: true }),
    lift: () => Promise.resolve(),
    recovery:
      'the reads that met a 401 share one new login and are sent again; a write that met one is UPSTREAM_UNCERTAIN, never replayed (the client looks and resends it only if it did not run), and the next call logs in',
  },
  {
    name: 'redisDown',
    title: 'Redis stopped under load and restarted',
    queryCode: null,
    mutationCode: 'UPSTREAM_UNAVAILABLE',
    when: 'midFlight',
    inject: (env) => env.redis.stop(),
    lift: (env) => env.redis.restart(),
    recovery:
      'reads fall back to the local cache and buckets at once; a mutation with an idempotencyKey is refused (nothing sent) until the connection is back, which ioredis re-opens by itself',
  },
];

/**
 * The bench's control cell: the same load with nothing injected. What it shows (an answer missing a
 * healthy upstream's data, a slow answer) is the machine's doing, measured in the same run as the faults.
 */
export const NO_FAULT: Fault = {
  name: 'none',
  title: 'no fault (control)',
  queryCode: null,
  when: 'before',
  inject: () => Promise.resolve(),
  lift: () => Promise.resolve(),
  recovery: 'nothing to recover',
};

/** The code `fault` gives on `up`'s field, or null when its data must come through. */
export function expectedQueryCode(fault: Fault, up: MatrixUpstream): string | null {
  return fault.queryCodeByKind?.[up.kind] ?? fault.queryCode;
}
