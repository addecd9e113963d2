import { LRUCache } from 'lru-cache';
import { ErrorCode } from '../errors/codes.js';
import { runCountingWrites } from '../datasources/pipeline/writes-sent.js';
import { canonicalJson } from '../util/canonical-json.js';
import { sha256Hex } from '../util/sha256.js';
import { badUserInput, GatewayError, isGatewayError, type UpstreamErrorOrigin } from '../errors/gateway-error.js';

/** How long the first outcome of a key is kept (the "within 24 h"). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** Longest idempotency key accepted. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/** One mutation call under an idempotency key. */
export interface IdempotencyScope {
  /** The caller's configured id: keys of different callers never meet. */
  callerId: string;
  /** The client's `idempotencyKey`. */
  key: string;
  /** Digest of the operation and its input (without the key): the same key with another input is refused. */
  inputHash: string;
}

/** The outcome kept for a key: a value (plain data, serialisable), or the error the upstream gave. */
export type Outcome<T = unknown> =
  | { ok: true; value: T }
  | { ok: false; error: { code: ErrorCode; message: string; upstream?: UpstreamErrorOrigin; upstreamCode?: string | number } };

/**
 * First-outcome store for mutations: the first call of (caller, key) runs `fn`; every later call within
 * the TTL — and every call arriving while the first runs — gets that call's outcome without running `fn`.
 * `fn` must resolve to plain data (records, ids): the Redis store serialises it.
 */
export interface IdempotencyStore {
  run<T>(scope: IdempotencyScope, fn: () => Promise<T>): Promise<T>;
}

/** Digest of an operation's input, with `idempotencyKey` left out, keys sorted. */
export function inputHash(operation: string, input: object): string {
  // canonicalJson leaves undefined properties out: the key itself is not part of the input it guards.
  return sha256Hex(`${operation}\u0000${canonicalJson(comparable({ ...input, idempotencyKey: undefined }))}`);
}

/**
 * The input as its meaning compares: a nullable field given as null means what leaving it out means
 * (graphql-jit passes an unset variable inside an input object as null where graphql-js leaves the
 * field out), and a date is its instant (canonicalJson would write any Date as `{}`).
 */
function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(comparable);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, comparable(v)]));
}

/** @throws BAD_USER_INPUT for an empty or too long key. */
export function checkIdempotencyKey(key: string): void {
  if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw badUserInput(`idempotencyKey must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`);
  }
}

export function keyReusedError(): GatewayError {
  return badUserInput('This idempotencyKey was already used with a different input; use a new key for a new operation');
}

/**
 * Runs `fn` into an outcome. Kept (`keep: true`) are successes and the errors an upstream gave after it
 * received the write (refusals, UPSTREAM_UNCERTAIN): sending again could do it twice or do it at all
 * where the first did not. Errors before anything was sent (bad input, rate limit, open circuit, and an
 * UPSTREAM_ERROR of a read the mutation made before its write) are not kept: the key stays free for a
 * retry. The pipeline's write ledger tells the two UPSTREAM_ERRORs apart.
 */
export async function settle<T>(fn: () => Promise<T>): Promise<{ outcome: Outcome<T>; keep: boolean; thrown?: unknown }> {
  const { result, ledger } = runCountingWrites(fn);
  try {
    return { outcome: { ok: true, value: await result }, keep: true };
  } catch (error) {
    const afterWrite = isGatewayError(error) && (error.code === ErrorCode.UPSTREAM_UNCERTAIN || (error.code === ErrorCode.UPSTREAM_ERROR && ledger.sent > 0));
    if (afterWrite) {
      const kept = { code: error.code, message: error.message, upstream: error.upstream, upstreamCode: error.upstreamCode };
      return { outcome: { ok: false, error: kept }, keep: true, thrown: error };
    }
    return { outcome: { ok: false, error: { code: ErrorCode.INTERNAL_SERVER_ERROR, message: '' } }, keep: false, thrown: error };
  }
}

/** The value of an outcome, or its error thrown again. */
export function unwrap<T>(settled: { outcome: Outcome<T>; thrown?: unknown }): T {
  if (settled.outcome.ok) return settled.outcome.value;
  if (settled.thrown !== undefined) throw settled.thrown;
  const e = settled.outcome.error;
  throw new GatewayError(e.code, e.message, { upstream: e.upstream, upstreamCode: e.upstreamCode });
}

interface Entry {
  inputHash: string;
  settled: Promise<{ outcome: Outcome; keep: boolean; thrown?: unknown }>;
}

/** One process's keys (no Redis configured): an LRU bounded by count, each key living `ttlMs`. */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly entries: LRUCache<string, Entry>;

  constructor(options: { ttlMs?: number; maxEntries?: number } = {}) {
    this.entries = new LRUCache<string, Entry>({ max: options.maxEntries ?? 10_000, ttl: options.ttlMs ?? IDEMPOTENCY_TTL_MS });
  }

  async run<T>(scope: IdempotencyScope, fn: () => Promise<T>): Promise<T> {
    const id = JSON.stringify([scope.callerId, scope.key]);
    const existing = this.entries.get(id);
    if (existing) {
      if (existing.inputHash !== scope.inputHash) throw keyReusedError();
      return unwrap((await existing.settled) as { outcome: Outcome<T>; thrown?: unknown });
    }
    const entry: Entry = { inputHash: scope.inputHash, settled: settle(fn) };
    this.entries.set(id, entry);
    const settled = await entry.settled;
    if (!settled.keep && this.entries.get(id) === entry) this.entries.delete(id);
    return unwrap(settled as { outcome: Outcome<T>; thrown?: unknown });
  }
}
