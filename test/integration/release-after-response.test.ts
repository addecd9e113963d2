import 'reflect-metadata';
import { describe, expect, it, vi } from 'vitest';
import { releaseContext, type GatewayContext } from '../../src/context.js';
import { accessLine } from '../helpers/gateway.js';
import { useOpsGateway } from '../helpers/ops-gateway.js';

// The real releaseContext, watched: which contexts are let go, and when.
vi.mock('../../src/context.js', async (real) => {
  const actual = await real<typeof import('../../src/context.js')>();
  return { ...actual, releaseContext: vi.fn(actual.releaseContext) };
});
const released = vi.mocked(releaseContext);

const PAGE = '{ jobs(first: 30) { totalCount edges { node { id ... on CommvaultJob { jobId client { name hostName } } } } } }';

describe('an operation lets go of what it held once its HTTP answer is written', () => {
  const env = useOpsGateway({ server: { batching: { enabled: true } } });

  it('answers the whole page first, then releases that request\'s context once, after its access line', async () => {
    released.mockClear();
    const res = await env.gw.query<any>(PAGE, {}, { apiKey: 'k-ops', headers: { 'x-request-id': 'release-1' } });
    expect(res.body.errors).toBeUndefined();
    const edges = res.body.data.jobs.edges as Array<{ node: { jobId: number; client: { name: string; hostName: string | null } } }>;
    expect(edges).toHaveLength(30);
    // Every client answered from the simulator's own clients: nothing was let go before the answer was made.
    for (const { node } of edges) {
      const job = env.sim.data.jobs.find((j) => j.jobId === node.jobId)!;
      const client = env.sim.data.clients.find((c) => c.clientId === job.clientId)!;
      expect([node.client.name, node.client.hostName]).toEqual([client.clientName, client.hostName]);
    }
    await accessLine(env.lines, 'release-1');
    expect(released).toHaveBeenCalledTimes(1);
    const ctx = released.mock.calls[0]![0] as GatewayContext;
    expect(ctx.principal.id).toBe('ops');
    expect(ctx.trace?.id).toBe('release-1');
  });

  it('releases each operation of a batch once', async () => {
    released.mockClear();
    const res = await fetch(`${env.gw.url}/graphql`, {
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
