import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCommvaultSimulator, type CommvaultSimulator, type TenantWindow } from '../../simulators/commvault/index.js';
import { startTestGateway, type GraphQLResponse, type TestGateway } from '../helpers/gateway.js';
import { control } from '../helpers/simulator-http.js';

/**
 * The tenant's budget, shortened so a test sees several windows: 100 reads per 20 s, in fixed windows. A
 * slow rate (5/s) that a loaded test machine still serves, and a burst of 5 tokens (4 after the headroom):
 * a bucket of one token loses its refill whenever the event loop stalls longer than one refill interval.
 */
const LIMIT = 100;
const PERIOD_S = 20;
/** Demand: 5× the tenant's read rate, for a little over two windows. */
const DEMAND_PER_S = (5 * LIMIT) / PERIOD_S;
const DEMAND_MS = 2.2 * PERIOD_S * 1000;

/**
 * A distinct read per i: one job's detail, its own small `GET /Job/{id}` the cache cannot answer for
 * another (a job list would ask for a page of 500 jobs, whose JSON alone slows a loaded test machine
 * below the tenant's rate).
 */
function distinctRead(jobIds: number[], i: number): string {
  return `{ commvaultJob(jobId: ${jobIds[(i + 1) % jobIds.length]}, upstream: "cvcloud-t1") { id } }`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a Commvault Cloud tenant under 5× demand: its fixed window is never overspent and mostly used', () => {
  let tenant: CommvaultSimulator;
  let gw: TestGateway;
  let jobIds: number[];
  beforeAll(async () => {
    tenant = await startCommvaultSimulator({ tenantBudget: { readsPerPeriod: LIMIT, writesPerPeriod: 50, periodSeconds: PERIOD_S } });
    jobIds = tenant.data.jobs.map((j) => j.jobId);
    gw = await startTestGateway({
      callers: [
        { id: 'ops-a', apiKey: 'key-a', role: 'analyst' },
        // Its own credential on the tenant: another identity, the same tenant budget.
        { id: 'ops-b', apiKey: 'key-b', role: 'analyst', credentials: { 'cvcloud-t1': { username: 'acme', password: 'acme' } } },
      ],
      // A configured read bucket far above the tenant's (the real tenant's default would be far below this
      // shortened one): only what the tenant announces in X-RateLimit-Limit/Period shapes the bucket.
      upstreams: [
        {
          id: 'cvcloud-t1',
          kind: 'commvault-cloud',
          url: tenant.url,
          username: 'admin',
          password: 'admin',
          rateLimit: { read: { capacity: 100, refillPerSecond: 100 }, queueTimeoutMs: 1000 },
        },
      ],
    });
  }, 30_000);
  afterAll(async () => {
    await gw?.close();
    await tenant?.close();
  });

  it('two callers with their own credentials get 0 upstream 429s and use ≥ 90 % of the windows they fill', async () => {
    // Each caller logs in and the gateway learns the announced limit, one query at a time.
    for (const apiKey of ['key-a', 'key-b']) {
      const primed = await gw.query(distinctRead(jobIds, -1), undefined, { apiKey });
      expect(primed.body.errors).toBeUndefined();
    }
    // Let the priming's window end, so the demand's first call opens a window of its own.
    await sleep(PERIOD_S * 1000 + 200);

    const demandStartMs = Date.now();
    const answers: Array<Promise<GraphQLResponse>> = [];
    const total = Math.round((DEMAND_PER_S * DEMAND_MS) / 1000);
    for (let i = 0; i < total; i++) {
      // Open loop: one query every 1/DEMAND_PER_S s, whatever the answers do.
      const due = demandStartMs + (i * 1000) / DEMAND_PER_S;
      if (due > Date.now()) await sleep(due - Date.now());
      answers.push(gw.query(distinctRead(jobIds, i), undefined, { apiKey: i % 2 === 0 ? 'key-a' : 'key-b' }));
    }
    const demandEndMs = Date.now();
    const settled = await Promise.all(answers);

    const stats = await control(tenant, "stats");
    const windows = (stats.tenantWindows as TenantWindow[]).filter((w) => w.startedAtMs >= demandStartMs);
    // The tenant refused nothing: the gateway never sent a read past its budget, whichever caller asked.
    expect(windows.map((w) => w.refused)).toEqual(windows.map(() => 0));
    // Windows that opened and closed while the demand ran (at least two) used ≥ 90 % of their budget.
    const full = windows.filter((w) => w.startedAtMs + PERIOD_S * 1000 <= demandEndMs);
    expect(full.length).toBeGreaterThanOrEqual(2);
    const used = full.reduce((n, w) => n + w.reads, 0);
    expect(used, JSON.stringify(full)).toBeGreaterThanOrEqual(0.9 * LIMIT * full.length);
    // And none more than the budget (the simulator would have refused the rest).
    for (const w of full) expect(w.reads).toBeLessThanOrEqual(LIMIT);
    // Callers beyond the budget were refused by the gateway itself, with a retry hint; no other error.
    const served = settled.filter((a) => !a.body.errors);
    const refused = settled.filter((a) => a.body.errors?.[0]?.extensions?.code === 'RATE_LIMITED');
    expect(served.length + refused.length).toBe(settled.length);
    for (const a of refused) expect(a.body.errors?.[0]?.extensions?.retryAfterMs).toEqual(expect.any(Number));
  }, 120_000);
});
