import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { releaseContext, type GatewayContext } from '../../src/context.js';
import { commvaultUpstream, startTestGateway, type TestGateway } from '../helpers/gateway.js';

// The real releaseContext, watched: which contexts are let go, and when.
vi.mock('../../src/context.js', async (real) => {
  const actual = await real<typeof import('../../src/context.js')>();
  return { ...actual, releaseContext: vi.fn(actual.releaseContext) };
});
const released = vi.mocked(releaseContext);

const PAGE = '{ jobs(first: 30) { totalCount edges { node { id ... on CommvaultJob { jobId client { name hostName } } } } } }';

describe('an operation lets go of what it held once its HTTP answer is written', () => {
  let sim: CommvaultSimulator;
  let gw: TestGateway;
  const lines: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    sim = await startCommvaultSimulator();
    gw = await startTestGateway(
      { upstreams: [commvaultUpstream('cv', sim.url)], callers: [{ id: 'ops', apiKey: 'k-ops', role: 'admin' }], server: { batching: { enabled: true } } },
      { logLines: lines },
    );
  });
  afterAll(async () => {
    await gw?.close();
    await sim?.close();
  });

  it('answers the whole page first, then releases that request\'s context once, after its access line', async () => {
    released.mockClear();
    const res = await gw.query<any>(PAGE, {}, { apiKey: 'k-ops', headers: { 'x-request-id': 'release-1' } });
    expect(res.body.errors).toBeUndefined();
    const edges = res.body.data.jobs.edges as Array<{ node: { jobId: number; client: { name: string; hostName: string | null } } }>;
    expect(edges).toHaveLength(30);
    // Every client answered from the simulator's own clients: nothing was let go before the answer was made.
    for (const { node } of edges) {
      const job = sim.data.jobs.find((j) => j.jobId === node.jobId)!;
      const client = sim.data.clients.find((c) => c.clientId === job.clientId)!;
      expect([node.client.name, node.client.hostName]).toEqual([client.clientName, client.hostName]);
    }
    for (let i = 0; i < 100 && released.mock.calls.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(lines.some((l) => l.component === 'access' && l.requestId === 'release-1')).toBe(true);
    expect(released).toHaveBeenCalledTimes(1);
    const ctx = released.mock.calls[0]![0] as GatewayContext;
    expect(ctx.principal.id).toBe('ops');
    expect(ctx.trace?.id).toBe('release-1');
  });

  it('releases each operation of a batch once', async () => {
    released.mockClear();
    const res = await fetch(`${gw.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer k-ops' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ jobs(first: 2) { totalCount } }' }]),
    });
    expect(res.status).toBe(200);
    const answers = (await res.json()) as Array<{ data?: Record<string, unknown> }>;
    expect(answers.map((a) => Object.keys(a.data ?? {}))).toEqual([['__typename'], ['jobs']]);
    for (let i = 0; i < 100 && released.mock.calls.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    expect(released).toHaveBeenCalledTimes(2);
  });
});
