import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import 'reflect-metadata';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { commvaultUpstream, startTestGateway, type TestGateway } from '../helpers/gateway.js';

/**
 * A query stream longer than many token lifetimes: the simulator's tokens die after 3 s without use,
 * the gateway knows it (`sessionIdleTimeoutMs`) and renews while in use, so one login serves the whole
 * stream and no caller ever sees the 401 an expired token would get. Three callers query concurrently.
 */
const TOKEN_MS = 3000;
const STREAM_MS = 15_000;
const NO_CACHE = { ttlMs: { jobsRunning: 0, jobsFinished: 0, inventory: 0, capacity: 0, events: 0, metadata: 0 } };

let sim: CommvaultSimulator;
let gw: TestGateway;

beforeAll(async () => {
  sim = await startCommvaultSimulator({ port: 0, tokenIdleTimeoutMs: TOKEN_MS });
  gw = await startTestGateway({ upstreams: [commvaultUpstream('cv', sim.url, { sessionIdleTimeoutMs: TOKEN_MS })], cache: NO_CACHE });
});

afterAll(async () => {
  await gw?.close();
  await sim?.close();
});

describe('a query stream over many token lifetimes', () => {
  it('logs in once, renews before expiry, and no 401 reaches a caller', async () => {
    const expected = sim.data.plans.map((p) => p.planName).sort();
    const started = Date.now();
    let queries = 0;
    const errors: unknown[] = [];
    const stream = async (): Promise<void> => {
      while (Date.now() - started < STREAM_MS) {
        const res = await gw.query<{ commvaultPlans: { name: string }[] }>('{ commvaultPlans { name } }');
        queries += 1;
        if (res.body.errors) errors.push(...res.body.errors);
        else expect(res.body.data!.commvaultPlans.map((p) => p.name).sort()).toEqual(expected);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };
    await Promise.all([stream(), stream(), stream()]);
    const elapsed = Date.now() - started;
    expect(queries).toBeGreaterThan(3 * (STREAM_MS / TOKEN_MS));
    expect(errors).toEqual([]);
    // One login in all: a 401 anywhere would have dropped the session and logged in again.
    expect(sim.calls('POST /Login')).toBe(1);
    // Renewed at least once per token lifetime of the stream, at most once per 80 % of one.
    expect(sim.calls('POST /RenewLoginToken')).toBeGreaterThanOrEqual(Math.floor(STREAM_MS / TOKEN_MS));
    expect(sim.calls('POST /RenewLoginToken')).toBeLessThanOrEqual(Math.floor(elapsed / (0.8 * TOKEN_MS)));
  }, 40_000);
});
