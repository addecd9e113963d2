import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

/**
 * One Commvault Cloud MSP service account (`msp-service` of the simulator, which reaches the companies
 * Acme (1) and Globex (2)) configured once with two tenants: each tenant is an upstream with its own
 * data, cache and budget, and both run on one login.
 */
const READS = 4;
const ACME = 1;
const GLOBEX = 2;
/** Distinct reads of acme: each is one `GET` the cache cannot answer for another. */
const ACME_LISTS = [
  '{ commvaultPlans(upstream: "acme") { __typename } }',
  '{ commvaultStoragePolicies(upstream: "acme") { __typename } }',
  '{ commvaultStoragePools(upstream: "acme") { __typename } }',
  '{ commvaultLibraries(upstream: "acme") { __typename } }',
  '{ commvaultMediaAgents(upstream: "acme") { __typename } }',
];

let sim: CommvaultSimulator;
let gw: TestGateway;

beforeAll(async () => {
  // Every tenant company of the service gets this budget of its own (the simulator counts per `operatorcompanyid`).
  sim = await startCommvaultSimulator({ tenantBudget: { readsPerPeriod: READS, writesPerPeriod: 20, periodSeconds: 600 } });
  gw = await startTestGateway({
    upstreams: [
      {
        id: 'msp',
        kind: 'commvault-cloud',
        url: sim.url,
        username: 'msp-service',
        password: 'msp-service',
        tenants: [
          { id: 'acme', companyId: ACME },
          { id: 'globex', companyId: GLOBEX },
        ],
      },
    ],
  });
});

afterAll(async () => {
  await gw?.close();
  await sim?.close();
});

async function clientNames(upstream: string) {
  const res = await gw.query<{ commvaultClients: { totalCount: number; edges: { node: { name: string } }[] } }>(
    'query($u: ID) { commvaultClients(upstream: $u, first: 500) { totalCount edges { node { name } } } }',
    { u: upstream },
  );
  expect(res.body.errors).toBeUndefined();
  return res.body.data?.commvaultClients.edges.map((e) => e.node.name).sort();
}

function simClients(companyId: number): string[] {
  return sim.data.clients.filter((c) => c.companyId === companyId).map((c) => c.clientName).sort();
}

describe('a Commvault Cloud MSP entry with two tenants', () => {
  it('shows each tenant as an upstream of its own, with its own company data, on one login', async () => {
    const upstreams = await gw.query<{ upstreams: { id: string; kind: string }[] }>('{ upstreams { id kind } }');
    expect(upstreams.body.data?.upstreams).toEqual([
      { id: 'acme', kind: 'COMMVAULT_CLOUD' },
      { id: 'globex', kind: 'COMMVAULT_CLOUD' },
    ]);
    expect(simClients(ACME).length).toBeGreaterThan(0);
    expect(await clientNames('acme')).toEqual(simClients(ACME));
    expect(await clientNames('globex')).toEqual(simClients(GLOBEX));
    // The service account's token serves both tenants: one login, counted in the tenant that made it.
    expect(sim.calls('POST /Login')).toBe(1);
    expect(sim.tenantSpent(ACME).reads).toBe(1);
    expect(sim.tenantSpent(GLOBEX).reads).toBe(1);
    expect(sim.tenantSpent(ACME).writes + sim.tenantSpent(GLOBEX).writes).toBe(1);
    // Nothing was counted outside the two tenants.
    expect(sim.tenantSpent()).toEqual({ reads: 0, writes: 0 });
  });

  it("gives each tenant its own budget: acme's spent budget refuses acme's calls, not globex's", async () => {
    const acme = [];
    for (const query of ACME_LISTS) acme.push(await gw.query(query));
    const refused = acme.filter((a) => a.body.errors?.some((e) => e.extensions?.code === 'RATE_LIMITED'));
    expect(refused.length).toBeGreaterThan(0);
    // No read reached acme past its budget.
    expect(sim.tenantSpent(ACME).reads).toBeLessThanOrEqual(READS);
    expect(sim.tenantWindows(ACME).every((w) => w.refused === 0)).toBe(true);

    const globexBefore = sim.tenantSpent(GLOBEX).reads;
    const plans = await gw.query<{ commvaultPlans: { name: string }[] }>('{ commvaultPlans(upstream: "globex") { name } }');
    expect(plans.body.errors).toBeUndefined();
    const globexPlans = sim.data.plans.filter((p) => p.companyId === GLOBEX || p.companyId === 0).map((p) => p.planName);
    expect(plans.body.data?.commvaultPlans.every((p) => globexPlans.includes(p.name))).toBe(true);
    expect(sim.tenantSpent(GLOBEX).reads).toBe(globexBefore + 1);
  });
});
