import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import 'reflect-metadata';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { noteWriteSent } from '../../src/datasources/pipeline/writes-sent.js';
import { ErrorCode } from '../../src/errors/codes.js';
import { GatewayError } from '../../src/errors/gateway-error.js';
import { RedisIdempotencyStore } from '../../src/mutations/redis-idempotency.js';
import { toGlobalId } from '../../src/util/global-id.js';
import { commvaultUpstream, startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { provideTestRedis } from '../helpers/redis-server.js';

const { redis: server, skipReason } = await provideTestRedis();

const scope = (key: string, inputHash = 'h1') => ({ callerId: 'c1', key, inputHash });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!server)(`idempotency keys in Redis ${skipReason ?? ''}`, () => {
  let redis: Redis;
  beforeAll(async () => {
    redis = new Redis(server!.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    await new Promise<void>((resolve) => redis.once('ready', () => resolve()));
  });
  afterAll(async () => {
    redis?.disconnect();
    await server?.stop();
  });

  const replica = () => new RedisIdempotencyStore({ redis, keyPrefix: `${server!.keyPrefix}idem:` });

  it('runs the work once for two replicas asked at once, and both get its value (Dates intact)', async () => {
    let runs = 0;
    const work = async () => {
      runs += 1;
      await sleep(100);
      return { jobIds: [7], at: new Date('2026-01-02T03:04:05Z') };
    };
    const [a, b] = await Promise.all([replica().run(scope('k1'), work), replica().run(scope('k1'), work)]);
    expect(runs).toBe(1);
    expect(b).toEqual(a);
    expect(b.at).toBeInstanceOf(Date);
    // Later, a third replica gets the kept outcome too.
    expect(await replica().run(scope('k1'), work)).toEqual(a);
    expect(runs).toBe(1);
  });

  it('refuses the same key with another input', async () => {
    await replica().run(scope('k2'), async () => 1);
    await expect(replica().run(scope('k2', 'other'), async () => 2)).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
  });

  it('keeps an upstream refusal, but frees the key after an error before anything was sent', async () => {
    const refused = async () => {
      noteWriteSent(); // the pipeline's mark: the write reached the upstream, which refused it
      throw new GatewayError(ErrorCode.UPSTREAM_ERROR, 'no', { upstream: { instance: 'cv', status: 200 } });
    };
    await expect(replica().run(scope('k3'), refused)).rejects.toMatchObject({ code: ErrorCode.UPSTREAM_ERROR });
    await expect(replica().run(scope('k3'), async () => 'second')).rejects.toMatchObject({ code: ErrorCode.UPSTREAM_ERROR, message: 'no' });

    // The same code from a read before the write (nothing sent) leaves the key free.
    const readFailed = () => Promise.reject(new GatewayError(ErrorCode.UPSTREAM_ERROR, 'read', { upstream: { instance: 'cv', status: 200 } }));
    await expect(replica().run(scope('k5'), readFailed)).rejects.toMatchObject({ code: ErrorCode.UPSTREAM_ERROR });
    expect(await replica().run(scope('k5'), async () => 'sent now')).toBe('sent now');

    const limited = () => Promise.reject(new GatewayError(ErrorCode.RATE_LIMITED, 'wait'));
    await expect(replica().run(scope('k4'), limited)).rejects.toMatchObject({ code: ErrorCode.RATE_LIMITED });
    expect(await replica().run(scope('k4'), async () => 'ran')).toBe('ran');
  });

  describe('two gateways sharing one Redis', () => {
    let sim: CommvaultSimulator;
    let gateways: TestGateway[];
    beforeAll(async () => {
      sim = await startCommvaultSimulator({ port: 0 });
      const config = {
        callers: [{ id: 'ops', apiKey: 'k-ops', role: 'admin' }],
        redis: { url: server!.url },
        upstreams: [commvaultUpstream('cv', sim.url)],
      };
      gateways = [await startTestGateway(config), await startTestGateway(config)];
    });
    afterAll(async () => {
      for (const g of gateways ?? []) await g.close();
      await sim?.close();
    });

    it('send one backup for the same key arriving at both at once, and answer both with its payload', async () => {
      const sc = sim.data.subclients.find((s) => s.enableBackup)!;
      const input = { subclient: toGlobalId('CommvaultSubclient', 'cv', sc.subclientId), level: 'FULL', idempotencyKey: randomUUID() };
      const doc = 'mutation($input: BackupSubclientInput!) { backupSubclient(input: $input) { jobs { id jobId status } } }';
      sim.reset();
      const [a, b] = await Promise.all(gateways.map((g) => g.query(doc, { input }, { apiKey: 'k-ops' })));
      expect(a.body.errors).toBeUndefined();
      expect(b.body).toEqual(a.body);
      expect(sim.calls('POST /Subclient/{id}/action/backup')).toBe(1);
    });
  });
});
