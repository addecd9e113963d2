import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createRedisClient, duplicateRedisClient, useRedisPasswords, type RedisClient } from '../../src/cache/redis-connection.js';
import type { RedisConfig } from '../../src/config/schema.js';

const OPTIONS = { connectTimeoutMs: 100, maxReconnectDelayMs: 100, connectionName: 'backup-graph' };

describe('a Redis password reread from its file', () => {
  const made: RedisClient[] = [];
  afterEach(() => {
    for (const c of made.splice(0)) c.disconnect();
  });

  it('reaches the subscriber connections duplicated from a client, not only the client itself', () => {
    // Sentinel config: ioredis copies a Redis client's options into its duplicate (lazy: nothing connects).
    const config: RedisConfig = { sentinels: [{ host: '127.0.0.1', port: 1 }], name: 'primary', password: 'first', sentinelPassword: 's-first' };
    const client = createRedisClient(config, OPTIONS);
    const subscriber = duplicateRedisClient(client, 'backup-graph-alerts');
    made.push(client, subscriber);
    expect(subscriber).toBeInstanceOf(Redis);
    expect((subscriber as Redis).options.connectionName).toBe('backup-graph-alerts');

    Object.assign(config, { password: 'second', sentinelPassword: 's-second' });
    useRedisPasswords(config);

    for (const c of [client, subscriber] as Redis[]) {
      expect(c.options.password).toBe('second');
      expect(c.options.sentinelPassword).toBe('s-second');
    }
  });

  it('leaves clients of another config alone', () => {
    const a: RedisConfig = { sentinels: [{ host: '127.0.0.1', port: 1 }], name: 'a', password: 'a1' };
    const b: RedisConfig = { sentinels: [{ host: '127.0.0.1', port: 1 }], name: 'b', password: 'b1' };
    const clientA = createRedisClient(a, OPTIONS);
    const subB = duplicateRedisClient(createRedisClient(b, OPTIONS), 'backup-graph-jobpoll');
    made.push(clientA, subB);
    Object.assign(a, { password: 'a2' });
    useRedisPasswords(a);
    expect((subB as Redis).options.password).toBe('b1');
    expect((clientA as Redis).options.password).toBe('a2');
  });
});
