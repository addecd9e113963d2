import { Prng } from './prng.js';

/** What a test may inject through `POST /__sim/faults` (shared by every simulator). */
export interface SimFaults {
  /** Extra delay before every answer, on top of the simulator's own latency. */
  latencyMs?: number;
  /** Probability (0..1) that an API request answers HTTP 500. */
  errorRate?: number;
  fail5xx?: { count: number; status?: 500 | 502 | 503 };
  malformedJson?: { count: number };
  rateLimitBurst?: { count: number; retryAfterSeconds: number };
  /** HTTP 200 carrying the resource's own error shape. */
  errList?: { count: number };
  /**
   * The next `count` writes (Commvault `…/action/…` routes and those marked `write`; console POST/PUT/DELETE that succeed) are carried out, then their answer is lost:
   * sent after `delayMs` (past the gateway's timeout), or replaced by a `status` error page.
   */
  afterWrite?: { count: number; delayMs?: number; status?: 500 | 502 | 503 };
  /** Applied at once (every session dies); never stays active. */
  expireAllTokens?: true;
}

/** A fault decided for one request before authentication: it replaces the whole answer. */
export type PreAuthFault =
  | { kind: 'rateLimit'; retryAfterSeconds: number }
  | { kind: 'status'; status: 500 | 502 | 503 };

/** A fault decided after the request authenticated: it spoils the resource's own answer. */
export type PostAuthFault = { kind: 'malformedJson' } | { kind: 'errList' };

/**
 * Active faults. Count faults form a queue in a fixed priority (429 burst, 5xx, malformed JSON,
 * errList): a request consumes at most one unit, so `fail5xx {count: 2}` + `errList {count: 1}` gives
 * 503, 503, errList — predictable for tests that script a sequence.
 *
 * Every `apply` and `clear` opens a new era, and a count fault remembers the era it was set in. A
 * request takes faults with the era it arrived in (`era()` before its latency sleep): one still
 * sleeping out an earlier fault (slow past the client's timeout, its client long gone) passes by the
 * count faults set since, which therefore meet exactly the requests sent after them.
 */
export class FaultState {
  private latencyMs = 0;
  private errorRate = 0;
  private fail5xx?: Since<{ count: number; status: 500 | 502 | 503 }>;
  private malformedJson?: Since<{ count: number }>;
  private rateLimitBurst?: Since<{ count: number; retryAfterSeconds: number }>;
  private errList?: Since<{ count: number }>;
  private afterWrite?: Since<{ count: number; delayMs?: number; status?: 500 | 502 | 503 }>;
  private currentEra = 0;
  private readonly random: Prng;

  constructor(seed: number) {
    this.random = new Prng(seed ^ 0x5eed);
  }

  /**
   * Merges `f` into the active faults (a key absent from `f` stays as it was; a count of 0 or a
   * latency/errorRate of 0 switches that fault off). `expireAllTokens` is the caller's to act on.
   */
  apply(f: SimFaults): void {
    const since: number = ++this.currentEra;
    if (f.latencyMs !== undefined) this.latencyMs = nonNegative(f.latencyMs, 'latencyMs');
    if (f.errorRate !== undefined) {
      if (!(f.errorRate >= 0 && f.errorRate <= 1)) throw new FaultError('errorRate must be within 0..1');
      this.errorRate = f.errorRate;
    }
    if (f.fail5xx !== undefined) {
      const status = f.fail5xx.status ?? 503;
      if (![500, 502, 503].includes(status)) throw new FaultError('fail5xx.status must be 500, 502 or 503');
      this.fail5xx = positiveCount(f.fail5xx.count, 'fail5xx.count') ? { count: f.fail5xx.count, status, since } : undefined;
    }
    if (f.malformedJson !== undefined) {
      this.malformedJson = positiveCount(f.malformedJson.count, 'malformedJson.count') ? { count: f.malformedJson.count, since } : undefined;
    }
    if (f.rateLimitBurst !== undefined) {
      const retry = nonNegative(f.rateLimitBurst.retryAfterSeconds ?? 1, 'rateLimitBurst.retryAfterSeconds');
      this.rateLimitBurst = positiveCount(f.rateLimitBurst.count, 'rateLimitBurst.count')
        ? { count: f.rateLimitBurst.count, retryAfterSeconds: retry, since }
        : undefined;
    }
    if (f.errList !== undefined) {
      this.errList = positiveCount(f.errList.count, 'errList.count') ? { count: f.errList.count, since } : undefined;
    }
    if (f.afterWrite !== undefined) {
      const { delayMs, status } = f.afterWrite;
      if (delayMs !== undefined) nonNegative(delayMs, 'afterWrite.delayMs');
      if (status !== undefined && ![500, 502, 503].includes(status)) throw new FaultError('afterWrite.status must be 500, 502 or 503');
      this.afterWrite = positiveCount(f.afterWrite.count, 'afterWrite.count') ? { count: f.afterWrite.count, delayMs, status, since } : undefined;
    }
  }

  clear(): void {
    this.currentEra += 1;
    this.latencyMs = 0;
    this.errorRate = 0;
    this.fail5xx = undefined;
    this.malformedJson = undefined;
    this.rateLimitBurst = undefined;
    this.errList = undefined;
    this.afterWrite = undefined;
  }

  /** The active faults in the same shape as they are set (remaining counts). */
  active(): SimFaults {
    const out: SimFaults = {};
    if (this.latencyMs > 0) out.latencyMs = this.latencyMs;
    if (this.errorRate > 0) out.errorRate = this.errorRate;
    if (this.fail5xx) out.fail5xx = withoutEra(this.fail5xx);
    if (this.malformedJson) out.malformedJson = withoutEra(this.malformedJson);
    if (this.rateLimitBurst) out.rateLimitBurst = withoutEra(this.rateLimitBurst);
    if (this.errList) out.errList = withoutEra(this.errList);
    if (this.afterWrite) out.afterWrite = withoutEra(this.afterWrite);
    return out;
  }

  /** The era a request arrives in; pass it to the `take…` calls it makes later. */
  era(): number {
    return this.currentEra;
  }

  extraLatencyMs(): number {
    return this.latencyMs;
  }

  /** Consumes the next pre-auth fault for one API request that arrived in `era`, if any. */
  takePreAuth(era: number): PreAuthFault | undefined {
    if (meets(this.rateLimitBurst, era)) {
      const { retryAfterSeconds } = this.rateLimitBurst;
      this.rateLimitBurst = decrement(this.rateLimitBurst);
      return { kind: 'rateLimit', retryAfterSeconds };
    }
    if (meets(this.fail5xx, era)) {
      const { status } = this.fail5xx;
      this.fail5xx = decrement(this.fail5xx);
      return { kind: 'status', status };
    }
    if (this.errorRate > 0 && this.random.next() < this.errorRate) return { kind: 'status', status: 500 };
    return undefined;
  }

  /** Consumes the next lost-answer fault for a write (arrived in `era`) that was carried out, if any. */
  takeAfterWrite(era: number): { delayMs?: number; status?: 500 | 502 | 503 } | undefined {
    if (!meets(this.afterWrite, era)) return undefined;
    const { delayMs, status } = this.afterWrite;
    this.afterWrite = decrement(this.afterWrite);
    return { delayMs, status };
  }

  /** Consumes the next post-auth fault for one authenticated API request that arrived in `era`, if any. */
  takePostAuth(era: number): PostAuthFault | undefined {
    if (meets(this.malformedJson, era)) {
      this.malformedJson = decrement(this.malformedJson);
      return { kind: 'malformedJson' };
    }
    if (meets(this.errList, era)) {
      this.errList = decrement(this.errList);
      return { kind: 'errList' };
    }
    return undefined;
  }
}

/** A count fault with the era it was set in. */
type Since<T> = T & { since: number };

/** Whether a request that arrived in `era` meets fault `f` (set in that era or before). */
function meets<T>(f: Since<T> | undefined, era: number): f is Since<T> {
  return f !== undefined && f.since <= era;
}

function withoutEra<T extends { since: number }>(f: T): Omit<T, 'since'> {
  const { since: _since, ...rest } = f;
  return rest;
}

/** A fault request the control endpoint should reject with 400. */
export class FaultError extends Error {}

function decrement<T extends { count: number }>(f: T): T | undefined {
  return f.count > 1 ? { ...f, count: f.count - 1 } : undefined;
}

function nonNegative(n: unknown, name: string): number {
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) throw new FaultError(`${name} must be a number >= 0`);
  return n;
}

function positiveCount(n: unknown, name: string): boolean {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new FaultError(`${name} must be an integer >= 0`);
  return n > 0;
}
