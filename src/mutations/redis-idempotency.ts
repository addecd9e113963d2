import { randomBytes } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import type { RedisClient } from '../cache/redis-connection.js';
import { ErrorCode } from '../errors/codes.js';
import { GatewayError } from '../errors/gateway-error.js';
import { sha256Hex } from '../util/sha256.js';
import {
  IDEMPOTENCY_TTL_MS,
  keyReusedError,
  settle,
  unwrap,
  type IdempotencyScope,
  type IdempotencyStore,
  type Outcome,
} from './idempotency.js';

export const DEFAULT_IDEMPOTENCY_KEY_PREFIX = 'bg:idem:';

/**
 * How long a replica holds a key while its write runs. Longer than any one write may take (the
 * pipeline's deadline is queue timeout + upstream timeout, 15 s by default); a replica that dies
 * mid-write frees the key after it.
 */
export const DEFAULT_IDEMPOTENCY_LOCK_MS = 60_000;

const POLL_MS = 25;

/** Deletes the key only while it still holds this replica's lock token. */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

interface Pending {
  state: 'pending';
  inputHash: string;
  token: string;
}
interface Done {
  state: 'done';
  inputHash: string;
  /** v8-serialised Outcome, base64 (keeps Dates of the records). */
  outcome: string;
}

/**
 * Keys shared by every replica: one Redis string per (caller, key). The first replica takes it with
 * `SET NX PX lockMs` (a pending record), runs the write and replaces it with the outcome for 24 h;
 * another replica that finds it pending polls until it is done. Requests of one replica with the same
 * key share one promise first, so they make one Redis round too.
 *
 * Redis down: a mutation with a key is refused (UPSTREAM_UNAVAILABLE) rather than run without the
 * guarantee the client asked for; mutations without a key do not touch this store.
 */
export class RedisIdempotencyStore implements IdempotencyStore {
  private readonly prefix: string;
  private readonly ttlMs: number;
  private readonly lockMs: number;
  private readonly local = new Map<string, { inputHash: string; outcome: Promise<{ outcome: Outcome; thrown?: unknown }> }>();

  constructor(private readonly options: { redis: RedisClient; keyPrefix?: string; ttlMs?: number; lockMs?: number }) {
    this.prefix = options.keyPrefix ?? DEFAULT_IDEMPOTENCY_KEY_PREFIX;
    this.ttlMs = options.ttlMs ?? IDEMPOTENCY_TTL_MS;
    this.lockMs = options.lockMs ?? DEFAULT_IDEMPOTENCY_LOCK_MS;
  }

  async run<T>(scope: IdempotencyScope, fn: () => Promise<T>): Promise<T> {
    // Digests: neither the caller id nor the client's key needs to be readable in Redis.
    const id = `${this.prefix}${sha256Hex(scope.callerId)}:${sha256Hex(scope.key)}`;
    const mine = this.local.get(id);
    if (mine) {
      if (mine.inputHash !== scope.inputHash) throw keyReusedError();
      return unwrap((await mine.outcome) as { outcome: Outcome<T>; thrown?: unknown });
    }
    const outcome = this.shared(id, scope, fn);
    this.local.set(id, { inputHash: scope.inputHash, outcome });
    try {
      return unwrap((await outcome) as { outcome: Outcome<T>; thrown?: unknown });
    } finally {
      this.local.delete(id);
    }
  }

  private async shared(id: string, scope: IdempotencyScope, fn: () => Promise<unknown>): Promise<{ outcome: Outcome; thrown?: unknown }> {
    const { redis } = this.options;
    const waitUntil = Date.now() + this.lockMs + 5_000;
    for (;;) {
      const token = randomBytes(12).toString('hex');
      const pending: Pending = { state: 'pending', inputHash: scope.inputHash, token };
      const pendingText = JSON.stringify(pending);
      const taken = await this.redisCall(() => redis.set(id, pendingText, 'PX', this.lockMs, 'NX'));
      if (taken === 'OK') {
        const settled = await settle(fn);
        if (settled.keep) {
          const done: Done = { state: 'done', inputHash: scope.inputHash, outcome: serialize(settled.outcome).toString('base64') };
          await this.redisCall(() => redis.set(id, JSON.stringify(done), 'PX', this.ttlMs)).catch(() => undefined);
        } else {
          await this.redisCall(() => redis.eval(RELEASE, 1, id, pendingText)).catch(() => undefined);
        }
        return settled;
      }
      const raw = await this.redisCall(() => redis.get(id));
      if (raw === null) continue; // released or expired between SET and GET: try to take it
      const record = JSON.parse(raw) as Pending | Done;
      if (record.inputHash !== scope.inputHash) throw keyReusedError();
      if (record.state === 'done') return { outcome: deserialize(Buffer.from(record.outcome, 'base64')) as Outcome };
      if (Date.now() > waitUntil) {
        throw new GatewayError(ErrorCode.UPSTREAM_UNCERTAIN, 'Another request with this idempotencyKey is still running; check the job list before retrying');
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private async redisCall<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw new GatewayError(ErrorCode.UPSTREAM_UNAVAILABLE, 'The idempotency store (Redis) is unavailable; the mutation was not sent', { cause: error });
    }
  }
}
