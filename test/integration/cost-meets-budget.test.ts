import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { commvaultUpstream, startTestGateway, type TestGateway } from '../helpers/gateway.js';

/** The simulator's statuses that the gateway reads as a successful backup (COMPLETED, COMPLETED_WITH_ERRORS). */
const SUCCESSFUL = new Set(['Completed', 'Completed w/ one or more errors', 'Completed w/ one or more warnings']);
const LAST_BACKUPS = '{ commvaultClients(first: 200) { edges { node { clientId lastSuccessfulBackupAt } } } }';
/** One `GET /Subclient?clientId=` per client: 201 estimated calls, above what one CommServe bucket ever gives in 5 s (29 + 15/s × 5 s = 104). */
const SUBCLIENTS_OF_200 = '{ commvaultClients(first: 200) { edges { node { clientId subclients { name } } } } }';

describe('cost meets budget (real HTTP, simulator counts)', () => {
  let sim: CommvaultSimulator;
  let gw: TestGateway;

  beforeAll(async () => {
    sim = await startCommvaultSimulator();
    gw = await startTestGateway({ upstreams: [commvaultUpstream('cv-main', sim.url)] });
  });
  afterAll(async () => {
    await gw?.close();
    await sim?.close();
  });

  it('answers the last successful backup of 200 clients whole on an idle gateway, from a few list calls instead of 200', async () => {
    sim.reset();
    const res = await gw.query<{ commvaultClients: { edges: Array<{ node: { clientId: number; lastSuccessfulBackupAt: string | null } }> } }>(LAST_BACKUPS);
    expect(res.body.errors).toBeUndefined();
    const edges = res.body.data!.commvaultClients.edges;
    expect(edges).toHaveLength(200);

    // Expected from the seeded jobs: the start of each client's newest successful backup.
    for (const { node } of edges) {
      const newest = sim.data.jobs
        .filter((j) => j.clientId === node.clientId && j.jobType === 'Backup' && SUCCESSFUL.has(j.status))
        .reduce<number | null>((best, j) => (best === null || j.startTime > best ? j.startTime : best), null);
      expect({ clientId: node.clientId, at: node.lastSuccessfulBackupAt }).toEqual({
        clientId: node.clientId,
        at: newest === null ? null : new Date(newest * 1000).toISOString(),
      });
    }
    // Before: one GET /Job per client (104 answered, 96 RATE_LIMITED). Now: the client list and a walk of POST /Jobs.
    expect(sim.calls('GET /Job')).toBe(0);
    expect(sim.calls('POST /Jobs')).toBeGreaterThan(0);
    expect(sim.calls('POST /Jobs')).toBeLessThanOrEqual(12);
  });

  it('refuses an operation above what the bucket can ever give with 429 RATE_LIMITED before any upstream call', async () => {
    // Warm the client list first, so that "no call" below is about the refused operation alone.
    await gw.query('{ commvaultClients(first: 1) { totalCount } }');
    sim.reset();
    const res = await gw.query(SUBCLIENTS_OF_200);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(res.body.data).toBeUndefined();
    const [error] = res.body.errors as Array<{ extensions: Record<string, unknown> }>;
    expect(error!.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      upstream: { instance: 'cv-main' },
      estimatedCalls: 201,
      mostAvailable: 104,
    });
    expect(error!.extensions.retryAfterMs).toBeGreaterThan(0);
    expect(error!.extensions.available).toBeLessThan(201);
    expect(sim.stats().total).toBe(0);
  });

  it('refuses an operation that fits a full bucket while the bucket is spent, and says when it will fit', async () => {
    // 90 clients' subclients per page: 91 calls each, within a full bucket's 104; the second page, right
    // after the first, finds about 75 (the refill over the 5 s queue timeout) and is refused whole.
    const page = (after?: string) => `{ commvaultClients(first: 90${after ? `, after: "${after}"` : ''}) { pageInfo { endCursor } edges { node { subclients { name } } } } }`;
    const first = await gw.query<{ commvaultClients: { pageInfo: { endCursor: string } } }>(page());
    expect(first.body.errors).toBeUndefined();
    sim.reset();
    const second = await gw.query(page(first.body.data!.commvaultClients.pageInfo.endCursor));
    expect(second.status).toBe(429);
    const [error] = second.body.errors as Array<{ extensions: Record<string, unknown> }>;
    expect(error!.extensions).toMatchObject({ code: 'RATE_LIMITED', upstream: { instance: 'cv-main' }, estimatedCalls: 91, mostAvailable: 104 });
    expect(error!.extensions.available).toBeLessThan(91);
    expect(error!.extensions.retryAfterMs).toBeGreaterThan(0);
    expect(sim.stats().total).toBe(0);
  });
});
