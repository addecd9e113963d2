import { Redis } from 'ioredis';
import { pino, type Logger } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheKey } from '../../src/cache/cache-key.js';
import type { CacheEntry } from '../../src/cache/cache-store.js';
import { RedisCacheStore } from '../../src/cache/redis-cache-store.js';
import { TieredCacheStore } from '../../src/cache/tiered-cache-store.js';
import { freePort } from '../helpers/free-port.js';
import { provideTestRedis } from '../helpers/redis-server.js';

const { redis: server } = await provideTestRedis();
afterAll(() => server?.stop());

/** A connection configured as createSharedLayers configures it: fail fast, never queue. */
async function connection(url: string): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  redis.on('error', () => {});
  await redis.connect();
  return redis;
}

/** A pino logger whose lines land in `lines`. */
function capturingLogger(): { logger: Logger; lines: { level: number; msg: string }[] } {
  const lines: { level: number; msg: string }[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}

const key = (path: string, identity = 'user:admin', instanceId = 'cv-a') => cacheKey({ instanceId, identity, method: 'GET', path });
const entry = <V>(value: V, tags: string[] = [], instanceId = 'cv-a'): CacheEntry<V> => ({ instanceId, tags, value });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!server)('RedisCacheStore shared by two replicas', () => {
  let redisA: Redis;
  let redisB: Redis;
  let replicaA: RedisCacheStore<unknown>;
  let replicaB: RedisCacheStore<unknown>;

  beforeAll(async () => {
    redisA = await connection(server!.url);
    redisB = await connection(server!.url);
    const keyPrefix = `${server!.keyPrefix}cache:`;
    replicaA = new RedisCacheStore({ redis: redisA, keyPrefix });
    replicaB = new RedisCacheStore({ redis: redisB, keyPrefix, maxValueBytes: 1024 });
  });

  afterAll(async () => {
    await replicaA?.clear();
    await redisA?.quit();
    await redisB?.quit();
  });

  it('serves an entry stored by one replica to the other', async () => {
    await replicaA.set(key('/Client'), entry({ clients: [1, 2] }), 10_000);
    expect(await replicaB.get(key('/Client'))).toEqual({ clients: [1, 2] });
  });

  it('hands back values deep-frozen, like every other cached answer', async () => {
    await replicaA.set(key('/Frozen'), entry({ a: { b: [1] } }), 10_000);
    const value = (await replicaB.get(key('/Frozen'))) as { a: { b: number[] } };
    expect(Object.isFrozen(value.a.b)).toBe(true);
  });

  it('forgets an entry when its TTL is over', async () => {
    await replicaA.set(key('/Short'), entry('soon gone'), 150);
    expect(await replicaB.get(key('/Short'))).toBe('soon gone');
    const stored = await replicaB.getEntry(key('/Short'));
    expect(stored?.ttlMs).toBeGreaterThan(0);
    expect(stored?.ttlMs).toBeLessThanOrEqual(150);
    await sleep(250);
    expect(await replicaB.get(key('/Short'))).toBeUndefined();
  });

  it('does not store with a TTL of zero', async () => {
    await replicaA.set(key('/Zero'), entry('x'), 0);
    expect(await replicaB.get(key('/Zero'))).toBeUndefined();
  });

  it('drops tagged entries for every replica when one invalidates the tag, and only those', async () => {
    await replicaA.set(key('/Job?page=1'), entry('jobs 1', ['jobs']), 10_000);
    await replicaA.set(key('/Job?page=2'), entry('jobs 2', ['jobs', 'clients']), 10_000);
    await replicaA.set(key('/Plan'), entry('plans', ['plans']), 10_000);
    await replicaA.set(key('/Job', 'user:admin', 'cv-b'), entry('other instance jobs', ['jobs'], 'cv-b'), 10_000);

    await replicaB.deleteByTags('cv-a', ['jobs']);

    expect(await replicaA.get(key('/Job?page=1'))).toBeUndefined();
    expect(await replicaA.get(key('/Job?page=2'))).toBeUndefined();
    expect(await replicaA.get(key('/Plan'))).toBe('plans');
    expect(await replicaA.get(key('/Job', 'user:admin', 'cv-b'))).toBe('other instance jobs');
  });

  it('keeps the entries of two identities apart', async () => {
    await replicaA.set(key('/Client', 'user:alice'), entry('what alice may see'), 10_000);
    expect(await replicaB.get(key('/Client', 'user:bob'))).toBeUndefined();
    await replicaB.set(key('/Client', 'user:bob'), entry('what bob may see'), 10_000);
    expect(await replicaA.get(key('/Client', 'user:alice'))).toBe('what alice may see');
    expect(await replicaA.get(key('/Client', 'user:bob'))).toBe('what bob may see');
  });

  it('does not share values over the size bound', async () => {
    await replicaB.set(key('/Big'), entry('x'.repeat(2048)), 10_000);
    expect(await replicaA.get(key('/Big'))).toBeUndefined();
  });

  it('prunes expired entries from the index of a tag that keeps being written', async () => {
    const tag = 'hot';
    for (let i = 0; i < 20; i += 1) await replicaA.set(key(`/Hot/${i}`), entry(i, [tag]), 50);
    await sleep(100);
    await replicaA.set(key('/Hot/fresh'), entry('fresh', [tag]), 10_000);
    expect(await redisA.zcard(`${server!.keyPrefix}cache:{cv-a}t:${tag}`)).toBe(1);
  });

  it('writes only under its key prefix, with an expiry on every key', async () => {
    await replicaA.set(key('/Prefixed'), entry('p', ['t']), 10_000);
    const keys = await redisA.keys(`${server!.keyPrefix}cache:*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) expect(await redisA.pttl(k)).toBeGreaterThan(0);
  });
});

describe.skipIf(!server)('TieredCacheStore: memory over Redis', () => {
  let redisA: Redis;
  let redisB: Redis;
  const silent = pino({ level: 'silent' });

  beforeAll(async () => {
    redisA = await connection(server!.url);
    redisB = await connection(server!.url);
  });

  afterAll(async () => {
    await redisA?.quit();
    await redisB?.quit();
  });

  const tiered = (redis: Redis, logger: Logger = silent, localTtlCapMs = 5_000) =>
    new TieredCacheStore<unknown>({
      shared: new RedisCacheStore({ redis, keyPrefix: `${server!.keyPrefix}tiered:` }),
      maxBytes: 1024 * 1024,
      localTtlCapMs,
      logger,
    });

  it('reads what another replica stored, then serves it from memory', async () => {
    const a = tiered(redisA);
    const b = tiered(redisB);
    await a.set(key('/Client'), entry('shared'), 10_000);
    expect(await b.get(key('/Client'))).toBe('shared');
    // Now in b's memory: gone from Redis, still served locally.
    await redisA.del(await redisA.keys(`${server!.keyPrefix}tiered:{cv-a}e:*`));
    expect(await b.get(key('/Client'))).toBe('shared');
  });

  it('keeps a local copy no longer than the local TTL cap, so invalidations elsewhere reach it', async () => {
    const a = tiered(redisA, silent, 200);
    const b = tiered(redisB, silent, 200);
    await a.set(key('/Job'), entry('before the mutation', ['jobs']), 10_000);
    expect(await b.get(key('/Job'))).toBe('before the mutation');
    await a.deleteByTags('cv-a', ['jobs']);
    await sleep(250);
    expect(await b.get(key('/Job'))).toBeUndefined();
  });

  it('answers from memory and never throws while Redis is unreachable, warning once', async () => {
    const deadPort = await freePort();
    const dead = new Redis(`redis://127.0.0.1:${deadPort}`, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    dead.on('error', () => {});
    const { logger, lines } = capturingLogger();
    const store = tiered(dead, logger);

    await store.set(key('/Client'), entry('local only', ['clients']), 10_000);
    expect(await store.get(key('/Client'))).toBe('local only');
    expect(await store.get(key('/Unknown'))).toBeUndefined();
    expect(await store.get(key('/Unknown2'))).toBeUndefined();
    await store.deleteByTags('cv-a', ['clients']);
    expect(await store.get(key('/Client'))).toBeUndefined();

    expect(lines.filter((l) => l.level === 40)).toHaveLength(1);
    dead.disconnect();
  });

  it('falls back to memory when the connection drops mid-way', async () => {
    const redis = await connection(server!.url);
    const store = tiered(redis);
    await store.set(key('/Before'), entry('kept locally'), 10_000);
    redis.disconnect();
    expect(await store.get(key('/Before'))).toBe('kept locally');
    expect(await store.get(key('/Never'))).toBeUndefined();
    await expect(store.set(key('/After'), entry('x'), 10_000)).resolves.toBeUndefined();
  });
});
