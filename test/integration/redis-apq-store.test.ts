import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisApqStore } from '../../src/persisted/redis-apq-store.js';
import { provideTestRedis } from '../helpers/redis-server.js';

const { redis: server, skipReason } = await provideTestRedis();

describe.skipIf(!server)(`RedisApqStore ${skipReason ?? ''}`, () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(server!.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
    return new Promise<void>((resolve) => redis.once('ready', () => resolve()));
  });
  afterAll(async () => {
    redis?.disconnect();
    await server?.stop();
  });

  it('stores documents under its prefix with the configured TTL', async () => {
    const store = new RedisApqStore({ redis, logger: pino({ level: 'silent' }), ttlMs: 60_000, maxQueryBytes: 1_000, keyPrefix: `${server!.keyPrefix}apq:` });
    await store.set('abc', '{ a }');
    expect(await store.get('abc')).toBe('{ a }');
    expect(await redis.get(`${server!.keyPrefix}apq:abc`)).toBe('{ a }');
    const ttl = await redis.pttl(`${server!.keyPrefix}apq:abc`);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('does not store documents over maxQueryBytes', async () => {
    const store = new RedisApqStore({ redis, logger: pino({ level: 'silent' }), ttlMs: 60_000, maxQueryBytes: 4, keyPrefix: `${server!.keyPrefix}apq:` });
    await store.set('big', '{ abc }');
    expect(await store.get('big')).toBeUndefined();
  });

  it('turns a lost connection into misses and no-ops, warning once', async () => {
    const down = new Redis('redis://127.0.0.1:9', { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    down.on('error', () => {});
    const warnings: unknown[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push(line) });
    const store = new RedisApqStore({ redis: down, logger, ttlMs: 1_000, maxQueryBytes: 1_000 });
    await expect(store.set('x', '{ x }')).resolves.toBeUndefined();
    await expect(store.get('x')).resolves.toBeUndefined();
    expect(warnings).toHaveLength(1);
    down.disconnect();
  });
});
