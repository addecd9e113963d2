import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackupDrSimulator, type BackupDrSimulator } from '../../simulators/backupdr/index.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

/**
 * One console list that fails must null that list only: its sibling lists, the console's other
 * fields and unrelated root fields keep their data (docs/schema.md, "Partial data and errors").
 * The console fails only the user list: the application list comes from the cache, and every call
 * the user list makes meets a simulated 503.
 */
const BDR = 'bdr-partial';
const ADMIN_KEY = 'k-admin';

let sim: BackupDrSimulator;
let gw: TestGateway;

beforeAll(async () => {
  sim = await startBackupDrSimulator();
  gw = await startTestGateway({
    upstreams: [{ id: BDR, kind: 'backupdr', url: sim.url, bearerToken: 'admin-token' }],
    callers: [
      { id: 'admin', apiKey: ADMIN_KEY, role: 'analyst' },
    ],
  });
}, 60_000);

afterAll(async () => {
  await gw?.close();
  await sim?.close();
});

const DOCUMENT = /* GraphQL */ `
  query ($upstream: ID!) {
    upstreams { id }
    backupDr(upstream: $upstream) {
      applications(first: 5) { totalCount }
      users(first: 5) { totalCount }
    }
  }
`;

describe('a Backup and DR console list that fails', () => {
  it('answers both lists when the console answers', async () => {
    const res = await gw.query<any>(DOCUMENT, { upstream: BDR }, { apiKey: ADMIN_KEY });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.backupDr.users.totalCount).toBe(sim.data.users.length);
    expect(res.body.data?.backupDr.applications.totalCount).toBe(sim.data.applications.length);
  });

  it('answers backupDr null beside the error for a console id the caller may not see, keeping the rest', async () => {
    const res = await gw.query<any>(DOCUMENT, { upstream: 'no-such-console' }, { apiKey: ADMIN_KEY });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ upstreams: [{ id: BDR }], backupDr: null });
    expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });

  it('nulls only that list; the other list and unrelated root fields keep their data', async () => {
    // The application list is answered from the cache; every call the user list makes meets a 503.
    await gw.query<any>('query ($u: ID!) { backupDr(upstream: $u) { applications(first: 5) { totalCount } } }', { u: BDR }, { apiKey: ADMIN_KEY });
    await sim.setFaults({ fail5xx: { count: 50, status: 503 } });
    try {
      const res = await gw.query<any>(DOCUMENT.replace('users(first: 5)', 'users(first: 6)'), { upstream: BDR }, { apiKey: ADMIN_KEY });
      expect(res.status).toBe(200);
      expect(res.body.data?.upstreams).toEqual([{ id: BDR }]);
      expect(res.body.data?.backupDr.users).toBeNull();
      expect(res.body.data?.backupDr.applications.totalCount).toBe(sim.data.applications.length);
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors![0]!.path).toEqual(['backupDr', 'users']);
      expect(String(res.body.errors![0]!.extensions?.code)).toMatch(/^UPSTREAM_/);
    } finally {
      await sim.setFaults({ fail5xx: { count: 0 } });
    }
  });
});
