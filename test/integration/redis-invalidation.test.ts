import { connect, createServer, type Socket } from 'node:net';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import 'reflect-metadata';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { cacheKey } from '../../src/cache/cache-key.js';
import type { CacheEntry, RemoteInvalidation } from '../../src/cache/cache-store.js';
import { InvalidationChannel } from '../../src/cache/invalidation-channel.js';
import { RedisCacheStore } from '../../src/cache/redis-cache-store.js';
import { createSharedLayers, type SharedLayers } from '../../src/cache/shared-layers.js';
import { cacheInvalidationResyncsTotal } from '../../src/observability/metrics.js';
import { toGlobalId } from '../../src/util/global-id.js';
import { freePort } from '../helpers/free-port.js';
import { commvaultUpstream, startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { provideTestRedis } from '../helpers/redis-server.js';
import { within } from '../helpers/within.js';

/**
 * Invalidations reach every replica's memory layer through Redis pub/sub within one second
 * (docs/replicas.md "Invalidation between replicas"). Local copies are kept for a minute here, so
 * nothing below can pass by a local copy merely expiring.
 */
const { redis: server, skipReason } = await provideTestRedis();
afterAll(() => server?.stop());

const logger = pino({ level: 'silent' });
const BOUND_MS = 1_000;
const LONG_LOCAL_MS = 60_000;

async function connection(url: string): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  redis.on('error', () => {});
  await redis.connect();
  return redis;
}

/** Ids of the gateway's subscriber connections Redis knows now (`CLIENT LIST`, by connection name). */
async function subscriberIds(redis: Redis): Promise<string[]> {
  const list = (await redis.client('LIST')) as string;
  return list
    .split('\n')
    .filter((line) => / name=backup-graph-invalidations /.test(line))
    .map((line) => /\bid=(\d+)/.exec(line)![1]);
}

const key = (path: string) => cacheKey({ instanceId: 'cv-a', identity: 'user:admin', method: 'GET', path });
/** A cached upstream answer with this body. */
const entry = (body: unknown, tags: string[] = ['jobs'], instanceId = 'cv-a'): CacheEntry => ({ instanceId, tags, value: { status: 200, headers: {}, body } });
/** The body a replica's cache answers for `k`, or undefined for a miss. */
const cached = async (layers: SharedLayers, k: string) => (await layers.cacheStore.get(k))?.body;

describe.skipIf(!server)(`cache invalidation between replicas ${skipReason ?? ''}`, () => {
  let admin: Redis;
  let run = 0;
  const opened: SharedLayers[] = [];

  /** A replica's shared layers; all of one test share a key prefix (the channel's name included). */
  const replica = async () => {
    const layers = await createSharedLayers({
      redis: server!.url,
      logger,
      maxBytes: 1024 * 1024,
      keyPrefix: `${server!.keyPrefix}${run}:`,
      localTtlCapMs: LONG_LOCAL_MS,
    });
    opened.push(layers);
    return layers;
  };
  /** Writes to Redis as a replica would, but announces nothing: what the others then serve is their local copy. */
  const behindTheirBack = () => new RedisCacheStore({ redis: admin, keyPrefix: `${server!.keyPrefix}${run}:cache:` });

  beforeAll(async () => {
    admin = await connection(server!.url);
  });
  afterAll(async () => {
    await admin?.quit();
  });
  afterEach(async () => {
    run += 1;
    for (const layers of opened.splice(0)) await layers.close();
  });

  it('drops replica B’s local copy within one second of replica A invalidating its tag, and B then reads the fresh answer', async () => {
    const a = await replica();
    const b = await replica();
    await a.cacheStore.set(key('/Job'), entry({ version: 1 }), LONG_LOCAL_MS);
    expect(await cached(b, key('/Job'))).toEqual({ version: 1 });
    // B now answers from its memory: a newer answer in Redis does not reach it.
    await behindTheirBack().set(key('/Job'), entry({ version: 2 }), LONG_LOCAL_MS);
    expect(await cached(b, key('/Job'))).toEqual({ version: 1 });

    await a.cacheStore.deleteByTags('cv-a', ['jobs']);
    await within(BOUND_MS, async () => (await cached(b, key('/Job'))) === undefined);
    await a.cacheStore.set(key('/Job'), entry({ version: 3 }), LONG_LOCAL_MS);
    expect(await cached(b, key('/Job'))).toEqual({ version: 3 });
  });

  it('leaves B’s local copies of other tags and other instances alone', async () => {
    const a = await replica();
    const b = await replica();
    const clients = cacheKey({ instanceId: 'cv-a', identity: 'user:admin', method: 'GET', path: '/Client' });
    const otherJobs = cacheKey({ instanceId: 'cv-b', identity: 'user:admin', method: 'GET', path: '/Job' });
    await a.cacheStore.set(key('/Job'), entry({ jobs: 'a' }), LONG_LOCAL_MS);
    await a.cacheStore.set(clients, entry({ clients: 1 }, ['inventory']), LONG_LOCAL_MS);
    await a.cacheStore.set(otherJobs, entry({ jobs: 'b' }, ['jobs'], 'cv-b'), LONG_LOCAL_MS);
    for (const k of [key('/Job'), clients, otherJobs]) await cached(b, k);
    // Redis loses both survivors behind B's back: B can still answer them only from its memory.
    await behindTheirBack().clear();

    await a.cacheStore.deleteByTags('cv-a', ['jobs']);
    await within(BOUND_MS, async () => (await cached(b, key('/Job'))) === undefined);
    expect(await cached(b, clients)).toEqual({ clients: 1 });
    expect(await cached(b, otherJobs)).toEqual({ jobs: 'b' });
  });

  it('drops every local copy once the subscriber connection is back after Redis dropped it', async () => {
    const before = new Set(await subscriberIds(admin));
    const b = await replica();
    const [ownSubscriber] = (await subscriberIds(admin)).filter((id) => !before.has(id));
    expect(ownSubscriber).toBeDefined();
    await behindTheirBack().set(key('/Job'), entry({ version: 1 }), LONG_LOCAL_MS);
    expect(await cached(b, key('/Job'))).toEqual({ version: 1 });
    // An invalidation B never hears of: published while it is not subscribed, as during an outage.
    await behindTheirBack().set(key('/Job'), entry({ version: 2 }), LONG_LOCAL_MS);
    expect(await cached(b, key('/Job'))).toEqual({ version: 1 });
    const resyncs = (await cacheInvalidationResyncsTotal.get()).values[0]?.value ?? 0;

    await admin.client('KILL', 'ID', ownSubscriber!);
    // Reconnecting waits 200 ms (the retry strategy), then subscribing again takes a round trip.
    await within(2 * BOUND_MS, async () => ((await cached(b, key('/Job'))) as { version: number } | undefined)?.version === 2);
    expect((await cacheInvalidationResyncsTotal.get()).values[0]?.value).toBe(resyncs + 1);
  });

  it('subscribes once Redis answers when the replica started without it, dropping what it cached meanwhile', async () => {
    // Redis is reached through a port where nothing listens yet; a forwarder to the test Redis opens there later.
    const port = await freePort();
    const url = new URL(server!.url);
    const layers = await createSharedLayers({
      redis: `redis://127.0.0.1:${port}`,
      logger,
      maxBytes: 1024 * 1024,
      keyPrefix: `${server!.keyPrefix}${run}:`,
      localTtlCapMs: LONG_LOCAL_MS,
    });
    opened.push(layers);
    const sockets = new Set<Socket>();
    const forwarder = createServer((client) => {
      const upstream = connect(Number(url.port), url.hostname);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('error', () => {});
        socket.on('close', () => void sockets.delete(socket));
      }
      client.pipe(upstream).pipe(client);
    });
    try {
      await layers.cacheStore.set(key('/Job'), entry({ during: 'outage' }), LONG_LOCAL_MS);
      expect(await cached(layers, key('/Job'))).toEqual({ during: 'outage' });
      await new Promise<void>((resolve) => forwarder.listen(port, '127.0.0.1', resolve));
      const channel = `${server!.keyPrefix}${run}:cache:invalidations`;
      await within(3 * BOUND_MS, async () => ((await admin.pubsub('NUMSUB', channel)) as [string, number])[1] === 1);
      await within(BOUND_MS, async () => (await cached(layers, key('/Job'))) === undefined);
    } finally {
      await layers.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => forwarder.close(resolve));
    }
  });

  it('hands a replica the other replicas’ invalidations, never its own', async () => {
    const channelName = `${server!.keyPrefix}${run}:cache:invalidations`;
    const heard = { a: [] as RemoteInvalidation[], b: [] as RemoteInvalidation[] };
    const open = async (name: 'a' | 'b') => {
      const subscriber = new Redis(server!.url, { lazyConnect: true, autoResubscribe: false, enableOfflineQueue: false });
      const channel = new InvalidationChannel({ publisher: admin, subscriber, channel: channelName, logger });
      await channel.start((event) => void heard[name].push(event));
      return channel;
    };
    const a = await open('a');
    const b = await open('b');
    try {
      await a.publish('cv-a', ['jobs']);
      await within(BOUND_MS, () => heard.b.some((e) => !('all' in e)));
      // B's message reaching A shows A's own message (sent earlier, on the same channel) came and went.
      await b.publish('cv-a', ['inventory']);
      await within(BOUND_MS, () => heard.a.some((e) => !('all' in e)));
      const received = (events: RemoteInvalidation[]) => events.filter((e) => !('all' in e));
      expect(received(heard.a)).toEqual([{ instanceId: 'cv-a', tags: ['inventory'] }]);
      expect(received(heard.b)).toEqual([{ instanceId: 'cv-a', tags: ['jobs'] }]);
    } finally {
      await a.close();
      await b.close();
    }
  });

  describe('two gateways sharing one Redis and one Commvault', () => {
    let sim: CommvaultSimulator;
    let gateways: TestGateway[];
    const JOB_IDS = '{ jobs(first: 50) { edges { node { ... on CommvaultJob { jobId } } } } }';
    const BACKUP = 'mutation($input: BackupSubclientInput!) { backupSubclient(input: $input) { jobs { jobId } } }';

    beforeAll(async () => {
      sim = await startCommvaultSimulator({ port: 0 });
      const config = {
        callers: [{ id: 'ops', apiKey: 'k-ops', role: 'admin' }],
        redis: { url: server!.url },
        // Job lists cached for a minute: only an invalidation can make a replica read them again.
        cache: { ttlMs: { jobsRunning: 60_000, jobsFinished: 60_000 } },
        upstreams: [commvaultUpstream('cv', sim.url)],
      };
      gateways = [await startTestGateway(config), await startTestGateway(config)];
    });
    afterAll(async () => {
      for (const g of gateways ?? []) await g.close();
      await sim?.close();
    });

    it('shows a backup started on replica A in replica B’s job list within one second', async () => {
      const [a, b] = gateways;
      const jobIds = async (g: TestGateway): Promise<number[]> => {
        const res = await g.query<{ jobs: { edges: { node: { jobId: number } }[] } }>(JOB_IDS, {}, { apiKey: 'k-ops' });
        expect(res.body.errors).toBeUndefined();
        return res.body.data!.jobs.edges.map((e) => e.node.jobId);
      };
      // Both replicas hold the list in memory.
      await jobIds(a);
      const before = await jobIds(b);
      expect(await jobIds(b)).toEqual(before);

      const sc = sim.data.subclients.find((s) => s.enableBackup && sim.data.clients.find((c) => c.clientId === s.clientId)?.online)!;
      const input = { subclient: toGlobalId('CommvaultSubclient', 'cv', sc.subclientId), level: 'FULL' };
      const res = await a.query<{ backupSubclient: { jobs: { jobId: number }[] } }>(BACKUP, { input }, { apiKey: 'k-ops' });
      expect(res.body.errors).toBeUndefined();
      const started = sim.data.jobs[sim.data.jobs.length - 1]!;
      expect(res.body.data!.backupSubclient.jobs[0]!.jobId).toBe(started.jobId);
      expect(before).not.toContain(started.jobId);

      expect(await jobIds(a)).toContain(started.jobId);
      await within(BOUND_MS, async () => (await jobIds(b)).includes(started.jobId));
    });
  });
});
