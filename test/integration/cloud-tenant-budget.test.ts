import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

/** Distinct reads: each is one `GET` the cache cannot answer for another. */
const LISTS = [
  '{ commvaultPlans { id } }',
  '{ commvaultStoragePolicies { id } }',
  '{ commvaultStoragePools { id } }',
  '{ commvaultLibraries { id } }',
  '{ commvaultMediaAgents { id } }',
  '{ jobs(first: 3) { edges { node { id } } } }',
  '{ jobs(first: 4) { edges { node { id } } } }',
  '{ jobs(first: 5) { edges { node { id } } } }',
];

const READS = 5;

describe('a Commvault Cloud tenant: one budget for every caller, as the tenant announces it', () => {
  let tenant: CommvaultSimulator;
  let gw: TestGateway;
  beforeAll(async () => {
    tenant = await startCommvaultSimulator({ tenantBudget: { readsPerPeriod: READS, writesPerPeriod: 50, periodSeconds: 600 } });
    gw = await startTestGateway({
      callers: [
        { id: 'ops-a', apiKey: 'key-a', role: 'analyst' },
        // Its own credential on the tenant: another identity, the same tenant budget.
        { id: 'ops-b', apiKey: 'key-b', role: 'analyst', credentials: { 'cvcloud-t1': { username: 'acme', password: 'acme' } } },
      ],
      // The configured bucket is the documented default (1000 reads an hour, burst 50): far above what
      // this tenant announces, so only the announced limit can keep the calls under it.
      upstreams: [{ id: 'cvcloud-t1', kind: 'commvault-cloud', url: tenant.url, username: 'admin', password: 'admin' }],
    });
  });
  afterAll(async () => {
    await gw?.close();
    await tenant?.close();
  });

  it('sends no call past the budget the tenant announces in X-RateLimit-Limit/Period, whichever caller asks', async () => {
    const answers = [];
    for (const [i, query] of LISTS.entries()) answers.push(await gw.query(query, undefined, { apiKey: i % 2 === 0 ? 'key-a' : 'key-b' }));
    const spent = tenant.tenantSpent();
    const sentReads = Object.entries(tenant.stats().byRoute).reduce((n, [route, count]) => (route.startsWith('GET ') ? n + Number(count) : n), 0);
    // Every read that reached the tenant was within its budget: none was answered 429 there.
    expect(sentReads).toBe(spent.reads);
    expect(spent.reads).toBeLessThanOrEqual(READS);
    // The gateway refused the rest itself, with a retry hint, instead of spending them on 429s.
    const refused = answers.filter((a) => a.body.errors?.some((e) => e.extensions?.code === 'RATE_LIMITED'));
    expect(refused.length).toBeGreaterThanOrEqual(LISTS.length - READS);
    for (const a of refused) expect(a.body.errors?.[0]?.extensions?.retryAfterMs).toEqual(expect.any(Number));
    // And it used what the window lets go at once: 5 reads per 600 s is a burst of one token, the other
    // four spread over the period (windowSafeBucket), so the first read (sent before the limit was
    // known) and that token went through.
    expect(spent.reads).toBeGreaterThanOrEqual(2);
  });
});
