import { Redis } from 'ioredis';
import { pino, type Logger } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BucketConfig } from '../../src/config/schema.js';
import { ErrorCode } from '../../src/errors/codes.js';
import { GatewayError } from '../../src/errors/gateway-error.js';
import { RedisRateLimiter } from '../../src/ratelimit/redis-rate-limiter.js';
import { freePort } from '../helpers/free-port.js';
import { provideTestRedis } from '../helpers/redis-server.js';

const { redis: server } = await provideTestRedis();
afterAll(() => server?.stop());

const silent = pino({ level: 'silent' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let keyCounter = 0;
/** A bucket key no other test uses. */
const freshKey = () => JSON.stringify(['cv-test', 'user:admin', `read-${++keyCounter}`]);

async function connection(url: string): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  redis.on('error', () => {});
  await redis.connect();
  return redis;
}

/** The error a promise rejects with, and how long that took. */
async function rejection(p: Promise<unknown>): Promise<{ error: GatewayError; afterMs: number }> {
  const started = Date.now();
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GatewayError);
  return { error: error as GatewayError, afterMs: Date.now() - started };
}

/** How long a promise took to resolve. */
async function resolvedAfterMs(p: Promise<unknown>, started = Date.now()): Promise<number> {
  await p;
  return Date.now() - started;
}

describe.skipIf(!server)('RedisRateLimiter: three replicas, one budget', () => {
  const connections: Redis[] = [];
  let replicas: RedisRateLimiter[];

  const limiter = (redis: Redis, options: { now?: () => number; logger?: Logger } = {}) =>
    new RedisRateLimiter({ redis, logger: options.logger ?? silent, keyPrefix: `${server!.keyPrefix}rl:`, now: options.now });

  beforeAll(async () => {
    for (let i = 0; i < 3; i += 1) connections.push(await connection(server!.url));
    replicas = connections.map((redis) => limiter(redis));
  });

  afterAll(async () => {
    for (const r of replicas ?? []) r.close();
    for (const c of connections) await c.quit();
  });

  it('admits no more than capacity + refill × elapsed across replicas, and about that many', async () => {
    const key = freshKey();
    const bucket: BucketConfig = { capacity: 5, refillPerSecond: 20 };
    const windowMs = 1_000;
    const started = Date.now();
    const admittedAt: number[] = [];
    const perReplica = [0, 0, 0];
    let rejected = 0;

    // Three workers per replica, each asking again as soon as it has an answer.
    const worker = async (replica: number) => {
      while (Date.now() - started < windowMs) {
        try {
          await replicas[replica].acquire(key, bucket, Date.now() + 60);
          if (Date.now() - started > windowMs) break;
          admittedAt.push(Date.now() - started);
          perReplica[replica] += 1;
        } catch (error) {
          expect((error as GatewayError).code).toBe(ErrorCode.RATE_LIMITED);
          rejected += 1;
          await sleep(5);
        }
      }
    };
    await Promise.all([0, 1, 2].flatMap((r) => [worker(r), worker(r), worker(r)]));

    admittedAt.sort((a, b) => a - b);
    // At every moment, what was admitted so far fits the budget (+1 for rounding at the edge).
    admittedAt.forEach((atMs, i) => expect(i + 1).toBeLessThanOrEqual(bucket.capacity + (bucket.refillPerSecond * atMs) / 1000 + 1));
    const budget = bucket.capacity + (bucket.refillPerSecond * windowMs) / 1000; // 25
    expect(admittedAt.length).toBeLessThanOrEqual(budget + 1);
    expect(admittedAt.length).toBeGreaterThanOrEqual(budget * 0.8);
    expect(rejected).toBeGreaterThan(0);
    for (const n of perReplica) expect(n).toBeGreaterThan(0);
  });

  it('serves waiting callers of different replicas in turn, and fails at once a caller whose turn is past its deadline', async () => {
    const key = freshKey();
    const bucket: BucketConfig = { capacity: 1, refillPerSecond: 10 }; // a token every 100 ms
    const started = Date.now();
    await replicas[0].acquire(key, bucket, started + 150);
    const second = resolvedAfterMs(replicas[1].acquire(key, bucket, started + 150), started);
    await sleep(20); // the second caller's reservation is in Redis before the third asks
    const third = await rejection(replicas[2].acquire(key, bucket, Date.now() + 150));

    expect(third.error.code).toBe(ErrorCode.RATE_LIMITED);
    expect(third.afterMs).toBeLessThan(50);
    // Third in line: the token after the second caller's, ~200 ms from the start.
    expect(third.error.retryAfterMs).toBeGreaterThan(150);
    expect(third.error.retryAfterMs).toBeLessThanOrEqual(200);
    expect(await second).toBeGreaterThanOrEqual(90);
  });

  it('rejects at once with the wait when the next token comes after the deadline', async () => {
    const key = freshKey();
    const bucket: BucketConfig = { capacity: 1, refillPerSecond: 1 };
    await replicas[0].acquire(key, bucket, Date.now() + 100);
    const { error, afterMs } = await rejection(replicas[1].acquire(key, bucket, Date.now() + 100));
    expect(error.code).toBe(ErrorCode.RATE_LIMITED);
    expect(error.retryAfterMs).toBeGreaterThan(900);
    expect(error.retryAfterMs).toBeLessThanOrEqual(1000);
    expect(afterMs).toBeLessThan(50);
  });

  it('holds every replica after one of them saw a 429, until the pause ends', async () => {
    const key = freshKey();
    const bucket: BucketConfig = { capacity: 5, refillPerSecond: 50 };
    await replicas[1].acquire(key, bucket, Date.now() + 100);
    const started = Date.now();
    await replicas[0].pauseUntilShared(key, started + 400);

    const waited = resolvedAfterMs(replicas[1].acquire(key, bucket, started + 1_000), started);
    const tooShort = await rejection(replicas[2].acquire(key, bucket, Date.now() + 100));
    expect(tooShort.error.code).toBe(ErrorCode.RATE_LIMITED);
    expect(tooShort.error.retryAfterMs).toBeGreaterThanOrEqual(300);
    expect(await waited).toBeGreaterThanOrEqual(390);
  });

  it('re-queues a caller whose reservation a later pause made void', async () => {
    const key = freshKey();
    const bucket: BucketConfig = { capacity: 1, refillPerSecond: 5 }; // a token every 200 ms
    const started = Date.now();
    await replicas[0].acquire(key, bucket, started + 100);
    const reserved = resolvedAfterMs(replicas[1].acquire(key, bucket, started + 2_000), started); // due at ~200 ms
    await sleep(50);
    await replicas[2].pauseUntilShared(key, started + 500);
    // Paused until 500 ms, then the first token after the pause: ~700 ms.
    expect(await reserved).toBeGreaterThanOrEqual(650);
  });

  it('agrees across replicas whose clocks disagree by minutes (Redis time decides)', async () => {
    const key = freshKey();
    const bucket: BucketConfig = { capacity: 2, refillPerSecond: 1 };
    const aheadNow = () => Date.now() + 120_000;
    const behindNow = () => Date.now() - 120_000;
    const ahead = limiter(connections[0], { now: aheadNow });
    const behind = limiter(connections[1], { now: behindNow });

    await ahead.acquire(key, bucket, aheadNow() + 100);
    await behind.acquire(key, bucket, behindNow() + 100);
    const spent = await rejection(ahead.acquire(key, bucket, aheadNow() + 100));
    expect(spent.error.retryAfterMs).toBeLessThanOrEqual(1_000);

    // A 300 ms pause announced on a clock two minutes ahead still means 300 ms to the replica behind.
    const started = Date.now();
    await ahead.pauseUntilShared(key, aheadNow() + 300);
    const waited = await resolvedAfterMs(behind.acquire(key, bucket, behindNow() + 2_000), started);
    expect(waited).toBeGreaterThanOrEqual(280);
    expect(waited).toBeLessThan(2_000);
    ahead.close();
    behind.close();
  });

  it('lets an idle bucket expire once it would be full again', async () => {
    const key = freshKey();
    await replicas[0].acquire(key, { capacity: 2, refillPerSecond: 4 }, Date.now() + 100);
    const pttl = await connections[0].pttl(`${server!.keyPrefix}rl:${key}`);
    // One token missing at 4/s: full in 250 ms, plus the 1 s margin.
    expect(pttl).toBeGreaterThan(1_000);
    expect(pttl).toBeLessThanOrEqual(1_250);
  });

  it('reads a bucket without taking a token (the budget check before an operation runs)', async () => {
    const key = freshKey();
    const bucket: BucketConfig = { capacity: 5, refillPerSecond: 0.001 };
    expect(await replicas[0]!.peek(key, bucket)).toEqual({ tokens: 5, pausedMs: 0 });
    await replicas[0]!.acquire(key, bucket, Date.now());
    for (let i = 0; i < 20; i += 1) await replicas[i % 3]!.peek(key, bucket);
    const read = await replicas[1]!.peek(key, bucket);
    expect(read.tokens).toBeGreaterThanOrEqual(4);
    expect(read.tokens).toBeLessThan(4.1);
    // Twenty peeks later, the four tokens left are all still there to take, and no fifth.
    for (let i = 0; i < 4; i += 1) await replicas[2]!.acquire(key, bucket, Date.now());
    await expect(replicas[0]!.acquire(key, bucket, Date.now())).rejects.toMatchObject({ code: ErrorCode.RATE_LIMITED });
    replicas[0]!.pauseUntil(key, Date.now() + 60_000);
    await sleep(50);
    const paused = await replicas[1]!.peek(key, bucket);
    expect(paused.tokens).toBe(0);
    expect(paused.pausedMs).toBeGreaterThan(50_000);
  });

  it('rejects callers sleeping on a reservation when closed', async () => {
    const redis = await connection(server!.url);
    const own = limiter(redis);
    const key = freshKey();
    const bucket: BucketConfig = { capacity: 1, refillPerSecond: 2 };
    await own.acquire(key, bucket, Date.now() + 100);
    const sleeping = rejection(own.acquire(key, bucket, Date.now() + 2_000));
    await sleep(30);
    own.close();
    expect((await sleeping).error.code).toBe(ErrorCode.UPSTREAM_UNAVAILABLE);
    await redis.quit();
  });
});

describe.skipIf(!server)('RedisRateLimiter: Redis unreachable', () => {
  it('falls back to a local bucket, divided among replicas, and warns once', async () => {
    const dead = new Redis(`redis://127.0.0.1:${await freePort()}`, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    dead.on('error', () => {});
    const lines: { level: number }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const limiter = new RedisRateLimiter({ redis: dead, logger, fallbackReplicaCount: 2 });
    const key = freshKey();
    const bucket: BucketConfig = { capacity: 4, refillPerSecond: 0.5 }; // locally: 2 tokens, 0.25/s

    await limiter.acquire(key, bucket, Date.now() + 50);
    await limiter.acquire(key, bucket, Date.now() + 50);
    const { error } = await rejection(limiter.acquire(key, bucket, Date.now() + 50));
    expect(error.code).toBe(ErrorCode.RATE_LIMITED);
    limiter.pauseUntil(key, Date.now() + 1_000);

    expect(lines.filter((l) => l.level === 40)).toHaveLength(1);
    limiter.close();
    dead.disconnect();
  });
});
