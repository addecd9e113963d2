import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheKey } from '../../src/cache/cache-key.js';
import { primaries } from '../../src/cache/redis-connection.js';
import { createSharedLayers, type SharedLayers } from '../../src/cache/shared-layers.js';
import type { RedisConfig } from '../../src/config/schema.js';
import { ErrorCode } from '../../src/errors/codes.js';
import { isGatewayError } from '../../src/errors/gateway-error.js';
import { RedisIdempotencyStore } from '../../src/mutations/redis-idempotency.js';
import { RedisApqStore } from '../../src/persisted/redis-apq-store.js';
import { provideTestRedisCluster, provideTestRedisSentinel, type TestRedisTopology } from '../helpers/redis-topologies.js';

/**
 * The shared layer beyond one Redis node: every script (cache entries with their tag indexes, token
 * buckets, idempotency locks) and the APQ store run unchanged against a three-node Cluster started by
 * the test, and the gateway reaches a master through a Sentinel group.
 */
const run = promisify(execFile);
const silent = pino({ level: 'silent' });
const cluster = await provideTestRedisCluster();
const sentinel = await provideTestRedisSentinel();

const key = (path: string, instanceId: string) => cacheKey({ instanceId, identity: 'user:admin', method: 'GET', path });
const entry = (instanceId: string, tags: string[], value: unknown) => ({ instanceId, tags, value: { status: 200, headers: {}, body: value } });
const BUCKET = { capacity: 3, refillPerSecond: 0.001 };

/** Two replicas' shared layers over one topology, as two gateways would open them. */
async function twoReplicas(config: RedisConfig, keyPrefix: string): Promise<[SharedLayers, SharedLayers]> {
  const open = () => createSharedLayers({ redis: config, logger: silent, maxBytes: 1 << 20, keyPrefix, localTtlCapMs: 1 });
  return [await open(), await open()];
}

async function keysOn(port: number, pattern: string): Promise<string[]> {
  const { stdout } = await run('redis-cli', ['-p', String(port), '--scan', '--pattern', pattern]);
  return stdout.split('\n').filter(Boolean);
}

async function slotOf(port: number, redisKey: string): Promise<number> {
  const { stdout } = await run('redis-cli', ['-p', String(port), 'cluster', 'keyslot', redisKey]);
  return Number(stdout.trim());
}

describe.skipIf(!cluster.topology)('the shared layer on a three-node Redis Cluster', () => {
  const topology = cluster.topology as TestRedisTopology;
  let a: SharedLayers;
  let b: SharedLayers;

  beforeAll(async () => {
    [a, b] = await twoReplicas({ cluster: topology.nodes }, 'bgc:');
  }, 30_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await topology?.stop();
  });

  it('shares cache entries between replicas and drops them by tag, each instance in one slot', async () => {
    const instances = ['cv-a', 'cv-b', 'cv-c', 'cv-d', 'bdr-1', 'bdr-2'];
    for (const id of instances) {
      await a.cacheStore.set(key('/Job', id), entry(id, ['jobs'], `${id} jobs`), 60_000);
      await a.cacheStore.set(key('/Client', id), entry(id, ['inventory'], `${id} clients`), 60_000);
    }
    for (const id of instances) expect((await b.cacheStore.get(key('/Job', id)))?.body).toBe(`${id} jobs`);

    // Every key of one instance (entries and tag indexes) hashes to one slot; instances spread over nodes.
    const port = topology.dataPorts[0]!;
    const nodesUsed = new Set<number>();
    for (const id of instances) {
      const keys = (await Promise.all(topology.dataPorts.map((p) => keysOn(p, `bgc:cache:{${id}}*`)))).flat();
      expect(keys.length).toBe(4); // two entries, two tag indexes
      expect(new Set(await Promise.all(keys.map((k) => slotOf(port, k)))).size).toBe(1);
      for (const [i, p] of topology.dataPorts.entries()) if ((await keysOn(p, `bgc:cache:{${id}}*`)).length > 0) nodesUsed.add(i);
    }
    expect(nodesUsed.size).toBeGreaterThan(1);

    await b.cacheStore.deleteByTags('cv-c', ['jobs']);
    expect(await a.cacheStore.get(key('/Job', 'cv-c'))).toBeUndefined();
    expect((await a.cacheStore.get(key('/Client', 'cv-c')))?.body).toBe('cv-c clients');
    expect((await a.cacheStore.get(key('/Job', 'cv-d')))?.body).toBe('cv-d jobs');
  });

  it('spends one token bucket from both replicas', async () => {
    const deadline = () => Date.now() + 50;
    await a.rateLimiter.acquire('cv-a:admin:read', BUCKET, deadline());
    await b.rateLimiter.acquire('cv-a:admin:read', BUCKET, deadline());
    await a.rateLimiter.acquire('cv-a:admin:read', BUCKET, deadline());
    const refused = await b.rateLimiter.acquire('cv-a:admin:read', BUCKET, deadline()).then(() => undefined, (e: unknown) => e);
    expect(isGatewayError(refused) && refused.code).toBe(ErrorCode.RATE_LIMITED);
    // Another key (another slot, maybe another node) has its own full bucket.
    await b.rateLimiter.acquire('cv-b:admin:read', BUCKET, deadline());
  });

  it('runs a mutation once for one idempotency key sent to both replicas at once', async () => {
    const stores = [a, b].map((l) => new RedisIdempotencyStore({ redis: l.redis, keyPrefix: 'bgc:idem:' }));
    let calls = 0;
    const act = async () => {
      calls += 1;
      await new Promise((r) => setTimeout(r, 50));
      return { jobIds: [4242] };
    };
    const scope = { callerId: 'ops', key: 'nightly-1', inputHash: 'h1' };
    const results = await Promise.all(stores.map((s) => s.run(scope, act)));
    expect(calls).toBe(1);
    expect(results).toEqual([{ jobIds: [4242] }, { jobIds: [4242] }]);
  });

  it('keeps persisted queries registered through one replica for the other', async () => {
    const [apqA, apqB] = [a, b].map((l) => new RedisApqStore({ redis: l.redis, logger: silent, ttlMs: 60_000, maxQueryBytes: 1_000, keyPrefix: 'bgc:apq:' }));
    await apqA!.set('9f86d081', '{ jobs { totalCount } }');
    expect(await apqB!.get('9f86d081')).toBe('{ jobs { totalCount } }');
  });

  it('clears every node', async () => {
    await a.cacheStore.clear();
    expect(primaries(a.redis).length).toBe(3);
    for (const p of topology.dataPorts) expect(await keysOn(p, 'bgc:cache:*')).toEqual([]);
  });
});

describe.skipIf(!sentinel.topology)('the shared layer behind a Redis Sentinel group', () => {
  const topology = sentinel.topology as TestRedisTopology;
  let a: SharedLayers;
  let b: SharedLayers;

  beforeAll(async () => {
    [a, b] = await twoReplicas({ sentinels: topology.nodes, name: topology.name! }, 'bgs:');
  }, 30_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await topology?.stop();
  });

  it('finds the master through the sentinel and shares entries and buckets there', async () => {
    await a.cacheStore.set(key('/Plan', 'cv-a'), entry('cv-a', ['inventory'], 'plans'), 60_000);
    expect((await b.cacheStore.get(key('/Plan', 'cv-a')))?.body).toBe('plans');
    expect((await keysOn(topology.dataPorts[0]!, 'bgs:cache:*')).length).toBe(2);
    for (let i = 0; i < 3; i++) await (i % 2 ? a : b).rateLimiter.acquire('cv-a:admin:write', BUCKET, Date.now() + 50);
    const refused = await a.rateLimiter.acquire('cv-a:admin:write', BUCKET, Date.now() + 50).then(() => undefined, (e: unknown) => e);
    expect(isGatewayError(refused) && refused.code).toBe(ErrorCode.RATE_LIMITED);
  });
});
