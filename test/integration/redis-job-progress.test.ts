import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import 'reflect-metadata';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { JobStatus } from '../../src/datasources/domain.js';
import type { LiveJob } from '../../src/subscriptions/live-job.js';
import type { JobEvent } from '../../src/subscriptions/poll-loop.js';
import { LeasedPolls } from '../../src/subscriptions/redis-lease.js';
import { sha256Hex } from '../../src/util/sha256.js';
import { within } from '../helpers/within.js';
import { serialize } from 'node:v8';
import { toGlobalId } from '../../src/util/global-id.js';
import { commvaultUpstream, startTestGateway, TEST_ANALYST_KEY, type TestGateway } from '../helpers/gateway.js';
import { provideTestRedis } from '../helpers/redis-server.js';
import { wsClient, type WsClient } from '../helpers/ws-client.js';

const { redis: server, skipReason } = await provideTestRedis();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MIN_INTERVAL_MS = 100;
const JOB_MS = 3_000;
afterAll(async () => {
  await server?.stop();
});

const PROGRESS = 'subscription ($id: ID!) { jobProgress(id: $id) { id status ... on CommvaultJob { percentComplete } } }';

describe.skipIf(!server)(`jobProgress across replicas sharing Redis ${skipReason ?? ''}`, () => {
  let sim: CommvaultSimulator;
  const replicas: TestGateway[] = [];
  const open: WsClient[] = [];

  beforeAll(async () => {
    sim = await startCommvaultSimulator({ port: 0, jobDurationMs: [JOB_MS, JOB_MS] });
    for (let i = 0; i < 2; i++) {
      replicas.push(
        await startTestGateway({
          callers: [
            { id: 'test-analyst', apiKey: TEST_ANALYST_KEY, role: 'analyst' },
            { id: 'admin', apiKey: 'k-admin', role: 'admin' },
          ],
          upstreams: [commvaultUpstream('cv', sim.url)],
          redis: { url: server!.url },
          subscriptions: { poll: { minIntervalMs: MIN_INTERVAL_MS, maxIntervalMs: 4 * MIN_INTERVAL_MS, youngJobMs: 0, leaseMs: 1_000 } },
        }),
      );
    }
  });

  afterAll(async () => {
    await Promise.all(open.map((c) => c.dispose()));
    for (const r of replicas) await r.close();
    await sim?.close();
  });

  it('polls a job once for the subscribers of both replicas: the lease holder reads, the other relays', async () => {
    const sc = sim.data.subclients.find((s) => s.enableBackup && sim.data.clients.find((c) => c.clientId === s.clientId)?.online)!;
    const started = await replicas[0].query<any>(
      'mutation ($s: ID!) { backupSubclient(input: { subclient: $s, level: FULL }) { jobs { jobId } } }',
      { s: toGlobalId('CommvaultSubclient', 'cv', sc.subclientId) },
      { apiKey: 'k-admin' },
    );
    const id = toGlobalId('CommvaultJob', 'cv', started.body.data.backupSubclient.jobs[0].jobId);
    const clients = replicas.flatMap((r) => Array.from({ length: 10 }, () => wsClient(r.url, TEST_ANALYST_KEY)));
    open.push(...clients);
    await Promise.all(clients.map((c) => c.connected));
    sim.reset();
    const t0 = Date.now();
    const subs = clients.map((c) => c.subscribe(PROGRESS, { id }));
    await Promise.all(subs.map((s) => s.done));
    const elapsedMs = Date.now() - t0;

    const sequences = subs.map((s) => s.results.map((r) => `${r.data?.jobProgress?.status}:${r.data?.jobProgress?.percentComplete}`));
    expect(subs.every((s) => s.error === undefined)).toBe(true);
    for (const sequence of sequences) expect(sequence.at(-1)).toBe('COMPLETED:100');
    // A replica's subscribers see one sequence; the other replica's relay starts where the holder was when it joined.
    const longest = sequences.reduce((a, b) => (b.length > a.length ? b : a));
    for (const sequence of sequences) expect(longest.join(' ').endsWith(sequence.join(' '))).toBe(true);
    const reads = sim.calls('GET /Job/{id}');
    console.log(`jobProgress, 2 replicas × 10 subscribers: ${longest.length} events, ${reads} upstream GET /Job/{id} in ${elapsedMs} ms`);
    expect(reads).toBeLessThanOrEqual(Math.ceil(elapsedMs / MIN_INTERVAL_MS) + 2);
  });
});

describe.skipIf(!server)(`the poll lease ${skipReason ?? ''}`, () => {
  const timing = { minIntervalMs: 50, maxIntervalMs: 50, youngJobMs: 0, maxFailures: 5 };
  const LEASE_MS = 600;
  const logger = pino({ level: 'silent' });
  const clients: Redis[] = [];
  afterAll(() => {
    for (const c of clients) c.disconnect();
  });

  const replica = async () => {
    const redis = new Redis(server!.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    redis.on('error', () => {}); // the dead replica's reconnect attempts
    await new Promise<void>((resolve) => redis.once('ready', () => resolve()));
    clients.push(redis);
    return { redis, polls: new LeasedPolls({ redis, timing, leaseMs: LEASE_MS, logger, keyPrefix: `${server!.keyPrefix}jobpoll:` }) };
  };
  /** A job whose progress is a counter, read by one replica's poll (counted per replica). */
  let percent = 0;
  const job = (): LiveJob => ({ job: { status: JobStatus.RUNNING, startedAt: null } as never, percentComplete: percent });

  it('renews the lease while the holder lives, and another replica takes the poll over when it dies', async () => {
    const [a, b] = [await replica(), await replica()];
    const reads = { a: 0, b: 0 };
    const seenByB: number[] = [];
    const ticker = setInterval(() => percent++, 40);
    const driverA = a.polls.start('job-1', async () => (reads.a++, job()), () => {});
    await sleep(100);
    const driverB = b.polls.start('job-1', async () => (reads.b++, job()), (e: JobEvent) => e.kind === 'state' && seenByB.push(e.state.percentComplete ?? -1));
    await sleep(LEASE_MS * 2);
    // Past several lease lives, A still holds it (renewed), B relays what A reads.
    expect(reads.a).toBeGreaterThan(5);
    expect(reads.b).toBe(0);
    expect(seenByB.length).toBeGreaterThan(3);

    // A dies: its connection drops, so it neither renews nor gives the lease up.
    a.redis.disconnect();
    driverA.stop();
    const relayed = seenByB.length;
    await sleep(LEASE_MS * 2.5);
    expect(reads.b).toBeGreaterThan(3);
    expect(seenByB.length).toBeGreaterThan(relayed + 3);
    expect(seenByB).toEqual([...seenByB].sort((x, y) => x - y));
    clearInterval(ticker);
    driverB.stop();
    await b.polls.close();
    await a.polls.close();
  });

  it('never shows a follower\'s subscribers the progress going back when a message arrives after the newer kept state', async () => {
    const { redis, polls } = await replica();
    const hash = sha256Hex('job-order');
    const wire = (percentComplete: number, seq: number) =>
      serialize({ kind: 'state', state: { job: { status: JobStatus.RUNNING, startedAt: null }, percentComplete }, from: 'holder-1', seq });
    // Another replica holds the lease and has published its second state, which Redis keeps.
    await redis.set(polls.leaseKey(hash), 'holder-1', 'PX', 5_000);
    await redis.set(polls.stateKey(hash), wire(20, 2), 'PX', 5_000);
    const seen: number[] = [];
    const driver = polls.start('job-order', async () => job(), (e: JobEvent) => e.kind === 'state' && seen.push(e.state.percentComplete ?? -1));
    await within(2_000, async () => seen.length === 1);
    // Its first state reaches the channel only now (the two connections are not ordered), then its third.
    await redis.publish(polls.channelOf(hash), wire(10, 1));
    await redis.publish(polls.channelOf(hash), wire(30, 3));
    await within(2_000, async () => seen.length >= 2);
    await sleep(100);
    expect(seen).toEqual([20, 30]);
    driver.stop();
    await polls.close();
  });

  it('hands the poll over at once when the holder stops while the job runs', async () => {
    const [a, b] = [await replica(), await replica()];
    const reads = { a: 0, b: 0 };
    const driverA = a.polls.start('job-2', async () => (reads.a++, job()), () => {});
    await sleep(100);
    const driverB = b.polls.start('job-2', async () => (reads.b++, job()), () => {});
    // Just past B's second try (at start, then LEASE_MS / 2 later): without a word from A, its next is LEASE_MS / 2 away.
    await sleep(LEASE_MS / 2 + 20);
    expect(reads.b).toBe(0);
    // A's last subscriber leaves: it gives the lease up and says so; B claims well before its next try (LEASE_MS / 2).
    driverA.stop();
    const stoppedAt = Date.now();
    while (reads.b === 0 && Date.now() - stoppedAt < LEASE_MS) await sleep(10);
    expect(reads.b).toBeGreaterThanOrEqual(1);
    expect(Date.now() - stoppedAt).toBeLessThan(LEASE_MS / 4);
    driverB.stop();
    await b.polls.close();
    await a.polls.close();
  });
});
