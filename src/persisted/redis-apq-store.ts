import type { RedisClient } from '../cache/redis-connection.js';
import type { Logger } from 'pino';
import type { ApqStore } from './apq-store.js';

export const DEFAULT_APQ_KEY_PREFIX = 'bg:apq:';

export interface RedisApqStoreOptions {
  /** The shared connection (`createSharedLayers().redis`); it fails fast while Redis is down. */
  redis: RedisClient;
  logger: Logger;
  /** Life of a registration, in ms (Redis `PX`); registering again renews it. */
  ttlMs: number;
  /** Largest document text stored, in bytes; larger ones run but are not shared. */
  maxQueryBytes: number;
  /** Prefix of every key this store writes. @default 'bg:apq:' */
  keyPrefix?: string;
}

/**
 * APQ documents shared by every replica: one Redis string per hash with a TTL, so a client that
 * registered on replica A is answered by hash on replica B. Redis being down turns every lookup into a
 * miss (the client re-registers, the request still runs) and every registration into a no-op: warned
 * once per outage, never an error to the client. Redis's own `maxmemory` policy bounds the total.
 */
export class RedisApqStore implements ApqStore {
  private readonly prefix: string;
  private warned = false;

  constructor(private readonly options: RedisApqStoreOptions) {
    this.prefix = options.keyPrefix ?? DEFAULT_APQ_KEY_PREFIX;
  }

  async get(hash: string): Promise<string | undefined> {
    try {
      const value = await this.options.redis.get(this.prefix + hash);
      this.warned = false;
      return value ?? undefined;
    } catch (error) {
      this.warnOnce(error);
      return undefined;
    }
  }

  async set(hash: string, query: string): Promise<void> {
    if (Buffer.byteLength(query, 'utf8') > this.options.maxQueryBytes) return;
    try {
      await this.options.redis.set(this.prefix + hash, query, 'PX', this.options.ttlMs);
      this.warned = false;
    } catch (error) {
      this.warnOnce(error);
    }
  }

  private warnOnce(error: unknown): void {
    if (this.warned) return;
    this.warned = true;
    this.options.logger.warn({ err: error }, 'APQ store in Redis unavailable: persisted queries miss until it answers');
  }
}
