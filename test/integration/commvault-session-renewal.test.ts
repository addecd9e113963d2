import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import 'reflect-metadata';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { commvaultUpstream, startTestGateway, type TestGateway } from '../helpers/gateway.js';

/**
 * Commvault sessions are renewed before their idle expiry while in use (`POST /RenewLoginToken`,
 * docs/upstreams/commvault.md §2.4), and logged in again only when renewal fails. The simulator and
 * the gateway both run with a one-second idle timeout, so renewals fall due within a test.
 */
const IDLE_MS = 1000;
const NO_CACHE = { ttlMs: { jobsRunning: 0, jobsFinished: 0, inventory: 0, capacity: 0, events: 0, metadata: 0 } };
const PLANS = '{ commvaultPlans { name } }';

let sim: CommvaultSimulator;
let gw: TestGateway;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function plans(): Promise<unknown[]> {
  const res = await gw.query<{ commvaultPlans: unknown[] }>(PLANS);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.commvaultPlans;
}

async function post(path: string, body: unknown, token?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${sim.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { authtoken: token } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json().catch(() => null) };
}

beforeAll(async () => {
  sim = await startCommvaultSimulator({ port: 0, tokenIdleTimeoutMs: IDLE_MS });
  gw = await startTestGateway({ upstreams: [commvaultUpstream('cv', sim.url, { sessionIdleTimeoutMs: IDLE_MS })], cache: NO_CACHE });
});

afterAll(async () => {
  await gw?.close();
  await sim?.close();
});

beforeEach(() => sim.reset());

describe('the simulator', () => {
  it('renews a token for the deviceId it was issued to, ends the old one, and refuses another deviceId', async () => {
    const login = await post('/Login', { username: 'admin', password: Buffer.from('admin').toString('base64'), deviceId: 'host-a' });
    const token = login.body.token as string;
    const refused = await post('/RenewLoginToken', { sessionId: token, deviceId: 'host-b' });
    expect(refused.body.token).toBeUndefined();
    expect(refused.body.error).toMatchObject({ errorCode: expect.any(Number), errLogMessage: expect.stringMatching(/device/i) });

    const renewed = await post('/RenewLoginToken', { sessionId: token, deviceId: 'host-a' });
    expect(renewed.body.token).toMatch(/^QSDK /);
    expect(renewed.body.token).not.toBe(token);
    expect((await post('/WhoAmI', {}, token)).status).toBe(401);
    expect((await post('/WhoAmI', {}, renewed.body.token)).status).toBe(200);
  });

  it('expires a token left unused for the idle timeout', async () => {
    const login = await post('/Login', { username: 'admin', password: Buffer.from('admin').toString('base64'), deviceId: 'host-a' });
    expect((await post('/WhoAmI', {}, login.body.token)).status).toBe(200);
    await sleep(IDLE_MS + 100);
    expect((await post('/WhoAmI', {}, login.body.token)).status).toBe(401);
  });
});

describe('the gateway', () => {
  it('renews a session it keeps using, logging in once', async () => {
    const started = Date.now();
    const expected = await plans();
    // 3 s of use, a call every 150 ms: a renewal is due every 800 ms.
    const until = started + 3000;
    let calls = 1;
    while (Date.now() < until) {
      await sleep(150);
      expect(await plans()).toEqual(expected);
      calls += 1;
    }
    const renewals = sim.calls('POST /RenewLoginToken');
    expect(renewals).toBeGreaterThanOrEqual(2);
    // At most one per 800 ms of use (a slow machine stretches the loop, never the rate).
    expect(renewals).toBeLessThanOrEqual(Math.floor((Date.now() - started) / (0.8 * IDLE_MS)));
    expect(sim.calls('POST /Login')).toBe(1);
    // No call met a 401: each plan list was asked exactly once.
    expect(sim.calls('GET /V2/Plan')).toBe(calls);
  });

  it('renews once for calls that find the renewal due together', async () => {
    await plans();
    sim.reset();
    await sleep(0.8 * IDLE_MS + 100);
    const answers = await Promise.all(Array.from({ length: 5 }, () => plans()));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(sim.calls('POST /RenewLoginToken')).toBe(1);
    expect(sim.calls('POST /Login')).toBe(0);
  });

  it('logs in once more when the renewal is refused', async () => {
    await plans();
    // Every token dies, so the renewal finds none to renew.
    sim.setFaults({ expireAllTokens: true });
    sim.reset();
    await sleep(0.8 * IDLE_MS + 100);
    await plans();
    expect(sim.calls('POST /RenewLoginToken')).toBe(1);
    expect(sim.calls('POST /Login')).toBe(1);
    expect(sim.calls('GET /V2/Plan')).toBe(1);
  });
});
