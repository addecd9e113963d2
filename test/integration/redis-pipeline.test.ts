import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSharedLayers, type SharedLayers } from '../../src/cache/shared-layers.js';
import { applyKindDefaults } from '../../src/config/load.js';
import { configSchema, type GatewayConfig } from '../../src/config/schema.js';
import { createUpstreamPipeline } from '../../src/datasources/pipeline/index.js';
import type { SourceHooks, UpstreamPipeline, UpstreamRequest, UpstreamResponse } from '../../src/datasources/pipeline/types.js';
import { ErrorCode } from '../../src/errors/codes.js';
import { GatewayError } from '../../src/errors/gateway-error.js';
import { FakeUpstream } from '../helpers/fake-upstream.js';
import { provideTestRedis } from '../helpers/redis-server.js';

const { redis: server } = await provideTestRedis();
afterAll(() => server?.stop());

const logger = pino({ level: 'silent' });
const BUCKET = { capacity: 4, refillPerSecond: 10 };

/** A source that needs no login: the pipeline sees one instance and one identity from every replica. */
class SharedSource implements SourceHooks {
  readonly instanceId = 'cv-shared';
  readonly identity = 'user:svc';
  constructor(private readonly pipeline: UpstreamPipeline) {}
  async authHeaders(): Promise<Record<string, string>> {
    return {};
  }
  onUnauthorized(): void {}
  errorFromResponse(): GatewayError | undefined {
    return undefined;
  }
  send<T>(req: UpstreamRequest): Promise<UpstreamResponse<T>> {
    return this.pipeline.send<T>(this, req);
  }
}

interface Replica {
  layers: SharedLayers;
  pipeline: UpstreamPipeline;
  source: SharedSource;
}

describe.skipIf(!server)('two gateway replicas sharing Redis', () => {
  let fake: FakeUpstream;
  let config: GatewayConfig;
  let a: Replica;
  let b: Replica;
  let run = 0;

  const replica = async (): Promise<Replica> => {
    const layers = await createSharedLayers({
      redis: server!.url,
      logger,
      maxBytes: 1024 * 1024,
      // A fresh prefix per test: each starts with an empty cache and a full bucket.
      keyPrefix: `${server!.keyPrefix}${run}:`,
      localTtlCapMs: 300,
    });
    const pipeline = createUpstreamPipeline({
      upstreams: config.upstreams,
      cache: config.cache,
      logger,
      cacheStore: layers.cacheStore,
      rateLimiter: layers.rateLimiter,
    });
    return { layers, pipeline, source: new SharedSource(pipeline) };
  };

  beforeAll(async () => {
    fake = await FakeUpstream.start('/webconsole/api');
    config = applyKindDefaults(configSchema.parse({
      upstreams: [
        {
          id: 'cv-shared',
          kind: 'commvault',
          url: fake.url,
          timeoutMs: 2_000,
          retry: { maxAttempts: 1, baseDelayMs: 10 },
          rateLimit: { read: BUCKET, queueTimeoutMs: 300 },
        },
      ],
    }));
  });

  afterAll(async () => {
    await fake?.close();
  });

  beforeEach(async () => {
    run += 1;
    fake.reset();
    a = await replica();
    b = await replica();
  });

  afterEach(async () => {
    for (const r of [a, b]) {
      await r.pipeline.close();
      await r.layers.close();
    }
  });

  it('serves a read cached by replica A to replica B without an upstream call', async () => {
    fake.on('GET /Client', { json: { clients: [{ id: 1 }] } });
    const read = (r: Replica) => r.source.send({ method: 'GET', path: '/Client', cacheClass: 'inventory' });
    const fromA = await read(a);
    const fromB = await read(b);
    expect(fromB.body).toEqual(fromA.body);
    expect(await read(b)).toBe(await read(b)); // then from B's own memory
    expect(fake.calls('GET /Client')).toHaveLength(1);
  });

  it('reaches the upstream again on B after A invalidated the tag, once B’s local copy has lapsed', async () => {
    let version = 0;
    fake.on('GET /Job', () => ({ json: { version: ++version } }));
    const read = (r: Replica) => r.source.send<{ version: number }>({ method: 'GET', path: '/Job', cacheClass: 'jobsFinished', tags: ['jobs'] });
    expect((await read(a)).body.version).toBe(1);
    expect((await read(b)).body.version).toBe(1);
    await a.pipeline.invalidate('cv-shared', ['jobs']);
    await new Promise((r) => setTimeout(r, 350)); // localTtlCapMs is 300 here
    expect((await read(b)).body.version).toBe(2);
    expect(fake.calls('GET /Job')).toHaveLength(2);
  });

  it('holds replica B back after replica A was answered 429, until the upstream’s Retry-After', async () => {
    fake.on('GET /Job', { status: 429, headers: { 'retry-after': '1' }, json: { error: 'slow down' } });
    const read = (r: Replica) => r.source.send({ method: 'GET', path: '/Job', query: { from: r === a ? 'a' : 'b' } });
    const fromA = await read(a).catch((e: unknown) => e as GatewayError);
    expect(fromA).toBeInstanceOf(GatewayError);
    const fromB = await read(b).catch((e: unknown) => e as GatewayError);
    expect(fromB).toBeInstanceOf(GatewayError);
    expect((fromB as GatewayError).code).toBe(ErrorCode.RATE_LIMITED);
    expect((fromB as GatewayError).retryAfterMs).toBeGreaterThan(800);
    expect(fake.calls('GET /Job')).toHaveLength(1);
  });

  it('never lets the two replicas together exceed one bucket against the upstream', async () => {
    const hitsAtMs: number[] = [];
    const started = Date.now();
    fake.on('GET /Job', () => {
      hitsAtMs.push(Date.now() - started);
      return { json: { jobs: [] } };
    });
    const errors: GatewayError[] = [];
    let ok = 0;
    // Waves of distinct uncached reads from both replicas: 8 calls every 100 ms for 1 s.
    const calls: Promise<void>[] = [];
    for (let wave = 0; wave < 10; wave += 1) {
      for (const [i, r] of [a, b, a, b, a, b, a, b].entries()) {
        calls.push(
          r.source.send({ method: 'GET', path: '/Job', query: { wave, i } }).then(
            () => void (ok += 1),
            (e: unknown) => void errors.push(e as GatewayError),
          ),
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    await Promise.all(calls);

    hitsAtMs.sort((x, y) => x - y);
    hitsAtMs.forEach((atMs, i) => expect(i + 1).toBeLessThanOrEqual(BUCKET.capacity + (BUCKET.refillPerSecond * atMs) / 1000 + 1));
    expect(hitsAtMs).toHaveLength(ok);
    expect(ok).toBeGreaterThanOrEqual(10);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.code).toBe(ErrorCode.RATE_LIMITED);
      expect(error.retryAfterMs).toBeGreaterThan(0);
    }
  });
});
