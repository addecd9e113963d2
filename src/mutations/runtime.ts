import type { RedisClient } from '../cache/redis-connection.js';
import { pino } from 'pino';
import type { Logger } from '../observability/logger.js';
import { MemoryIdempotencyStore, type IdempotencyStore } from './idempotency.js';
import { RedisIdempotencyStore } from './redis-idempotency.js';

/** What every mutation resolver shares (GatewayContext.mutations): the idempotency store and the audit log. */
export interface MutationRuntime {
  readonly idempotency: IdempotencyStore;
  /** Info-level audit lines: one per mutation that reached an upstream. */
  readonly audit: Logger;
}

/** Redis (shared by replicas) when the gateway has one, else one process's memory. */
export function createMutationRuntime(deps: { redis?: RedisClient; logger: Logger; keyPrefix?: string }): MutationRuntime {
  return {
    idempotency: deps.redis ? new RedisIdempotencyStore({ redis: deps.redis, keyPrefix: deps.keyPrefix }) : new MemoryIdempotencyStore(),
    audit: deps.logger.child({ component: 'audit' }),
  };
}

const byOwner = new WeakMap<object, MutationRuntime>();

/**
 * The runtime of contexts built without one (tests that execute documents without the HTTP app): one
 * memory store per `owner` (the source registry), so keys still meet across that owner's requests.
 */
export function defaultMutationRuntime(owner: object): MutationRuntime {
  let runtime = byOwner.get(owner);
  if (!runtime) byOwner.set(owner, (runtime = createMutationRuntime({ logger: pino({ level: 'silent' }) })));
  return runtime;
}
