import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import 'reflect-metadata';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { toGlobalId } from '../../src/util/global-id.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { wsClient, type Received, type WsClient } from '../helpers/ws-client.js';

/**
 * The subscription limits (`subscriptions.*`): per connection, per caller, idle connections, keep-alive.
 * The subscriptions follow a job the simulator shows running and never moves (a seeded one: only jobs
 * started through its API progress), so each stays open until stopped.
 */
const KEYS = { one: 'k-one', two: 'k-two', tight: 'k-tight' } as const;
const CV = 'cv';
const PROGRESS = 'subscription ($id: ID!) { jobProgress(id: $id) { id status } }';
const LIMITS = { maxPerConnection: 2, maxPerCaller: 3, idleTimeoutMs: 1_000, keepAliveMs: 200 };

let sim: CommvaultSimulator;
let gw: TestGateway;
let runningJob: string;
const open: WsClient[] = [];

function client(key: string = KEYS.one): WsClient {
  const c = wsClient(gw.url, key);
  open.push(c);
  return c;
}

const code = (r: Received) => (r.error as Array<{ extensions?: { code?: string } }> | undefined)?.[0]?.extensions?.code;

async function follow(c: WsClient): Promise<Received> {
  const r = c.subscribe(PROGRESS, { id: runningJob });
  await r.first;
  return r;
}

/** The replica's subscription gauges, as /metrics shows them. */
async function gauges(): Promise<{ subscriptions: number; polls: number }> {
  const text = await (await fetch(`${gw.url}/metrics`)).text();
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
  return { subscriptions: value('backup_graph_subscriptions'), polls: value('backup_graph_job_polls') };
}

/** Follows once the server has counted an unsubscribe (the client's `complete` is sent, not awaited). */
async function followWhenFree(c: WsClient): Promise<Received> {
  for (let attempt = 0; ; attempt++) {
    const r = await follow(c);
    if (code(r) !== 'RATE_LIMITED' || attempt === 20) return r;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

beforeAll(async () => {
  sim = await startCommvaultSimulator({ port: 0 });
  const running = sim.data.jobs.find((j) => j.status === 'Running');
  if (!running) throw new Error('no running job in the simulator data');
  runningJob = toGlobalId('CommvaultJob', CV, running.jobId);
  gw = await startTestGateway({
    callers: [
      { id: 'one', apiKey: KEYS.one, role: 'analyst' },
      { id: 'two', apiKey: KEYS.two, role: 'analyst' },
      { id: 'tight', apiKey: KEYS.tight, role: 'frontend' },
    ],
    upstreams: [{ id: CV, kind: 'commvault', url: sim.url, username: 'admin', password: 'admin' }],
    subscriptions: { ...LIMITS, poll: { minIntervalMs: 200 } },
    // Caller two's role is tightened: the HTTP path's role limits must bind subscriptions too.
    roles: { frontend: { maxDepth: 3, maxCost: 1 } },
  });
});

afterAll(async () => {
  await Promise.all(open.map((c) => c.dispose()));
  await gw?.close();
  await sim?.close();
});

describe('subscription limits', () => {
  it('refuses a third subscription on one connection with RATE_LIMITED, and takes one again after another ended', async () => {
    const c = client();
    const [a, b] = [await follow(c), await follow(c)];
    expect([a.error, b.error]).toEqual([undefined, undefined]);
    const third = c.subscribe(PROGRESS, { id: runningJob });
    await third.done;
    expect(code(third)).toBe('RATE_LIMITED');
    a.stop();
    await a.done;
    const again = await followWhenFree(c);
    expect(again.error).toBeUndefined();
    expect(again.results[0]?.data?.jobProgress?.status).toBe('RUNNING');
    b.stop();
    again.stop();
  });

  it('holds the limit against a burst of subscribes sent at once', async () => {
    const c = client(KEYS.two);
    await c.connected;
    const burst = Array.from({ length: 5 }, () => c.subscribe(PROGRESS, { id: runningJob }));
    await Promise.all(burst.map((r) => r.first));
    expect(burst.map(code).sort()).toEqual(['RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED', undefined, undefined]);
    for (const r of burst) r.stop();
  });

  it('counts a caller over all its connections, and each caller apart', async () => {
    const [c1, c2, other] = [client(), client(), client(KEYS.two)];
    const held = [await follow(c1), await follow(c1), await follow(c2)];
    const fourth = c2.subscribe(PROGRESS, { id: runningJob });
    await fourth.done;
    expect(code(fourth)).toBe('RATE_LIMITED');
    const others = await follow(other);
    expect(others.error).toBeUndefined();
    for (const r of [...held, others]) r.stop();
  });

  it('closes a connection that holds no subscription for idleTimeoutMs', async () => {
    const c = client();
    await c.connected;
    const started = Date.now();
    expect(await c.closed).toBe(1000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(LIMITS.idleTimeoutMs - 50);
  });

  it('keeps a connection with a subscription open past idleTimeoutMs', async () => {
    const c = client(KEYS.two);
    const r = await followWhenFree(c);
    expect(r.error).toBeUndefined();
    const closedEarly = await Promise.race([c.closed, new Promise((resolve) => setTimeout(() => resolve('open'), LIMITS.idleTimeoutMs * 2))]);
    expect(closedEarly).toBe('open');
    r.stop();
  });

  it('polls a job while someone follows it, and stops once the last subscriber left', async () => {
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const c = client(KEYS.two);
    const subs = [await followWhenFree(c), await followWhenFree(c)];
    const before = sim.calls('GET /Job/{id}');
    await sleep(1_000);
    expect(sim.calls('GET /Job/{id}')).toBeGreaterThan(before);
    expect(await gauges()).toEqual({ subscriptions: 2, polls: 1 });
    for (const r of subs) r.stop();
    await Promise.all(subs.map((r) => r.done));
    await sleep(100);
    const after = sim.calls('GET /Job/{id}');
    await sleep(1_000);
    expect(sim.calls('GET /Job/{id}')).toBe(after);
    expect(await gauges()).toEqual({ subscriptions: 0, polls: 0 });
  });

  it("applies the role's depth and cost limits to subscription documents", async () => {
    const c = client(KEYS.tight);
    const deep = c.subscribe('subscription ($id: ID!) { jobProgress(id: $id) { ... on CommvaultJob { subclient { client { name } } } } }', { id: runningJob });
    const dear = c.subscribe('subscription ($id: ID!) { jobProgress(id: $id) { ... on CommvaultJob { client { name } } } }', { id: runningJob });
    await Promise.all([deep.done, dear.done]);
    expect((deep.error as Array<{ extensions?: Record<string, unknown> }>)?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect((dear.error as Array<{ extensions?: Record<string, unknown> }>)?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxCost: 1 });
    const fine = await follow(c);
    expect(fine.error).toBeUndefined();
    fine.stop();
  });

  it('drops a peer that stops answering pings', async () => {
    const socket = new WebSocket(`${gw.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { autoPong: false });
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${KEYS.one}` } }));
    const started = Date.now();
    const closeCode = await new Promise<number>((resolve) => socket.once('close', resolve));
    // Terminated, not closed: the peer is taken for dead (1006) one interval after the unanswered ping.
    expect(closeCode).toBe(1006);
    expect(Date.now() - started).toBeLessThan(LIMITS.keepAliveMs * 3);
  });
});
