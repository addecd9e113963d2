import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBackupDrSimulator, type BackupDrSimulator, type Cluster, type DiskPool } from '../../simulators/backupdr/index.js';
import { startTestGateway, type GraphQLResponse, type TestGateway } from '../helpers/gateway.js';

/**
 * Appliances (reachability, virtual disks, disk use), group members and the health report's appliance
 * check, over real HTTP against the console simulator; expectations come from its seeded estate.
 */
const BDR = 'bdr-sim';
const MB = 1024 * 1024;

let sim: BackupDrSimulator;
let gw: TestGateway;

beforeAll(async () => {
  sim = await startBackupDrSimulator();
  gw = await startTestGateway({ upstreams: [{ id: BDR, kind: 'backupdr', url: sim.url, bearerToken: 'admin-token' }] });
});
afterAll(async () => {
  await gw?.close();
  await sim?.close();
});
beforeEach(() => sim.reset());

const byId = (a: { id: string }, b: { id: string }) => Number(a.id) - Number(b.id);
const poolsOf = (c: Cluster): DiskPool[] => sim.data.diskpools.filter((p) => p.clusterId === c.id).sort(byId);

describe('console appliances', () => {
  it('shows each appliance with version, reachability, virtual disks and the disk use of its pools', async () => {
    const res = await gw.query(`{ backupDr(upstream: "${BDR}") { appliances(first: 50, sort: [{ field: ID }]) { totalCount edges { node {
      consoleId name version status reachable accessible vdiskCount vdiskLimit vdiskColor stale
      diskPools { consoleId }
      diskUse { poolCount capacityBytes usedBytes freeBytes freePercent unboundedUsedBytes }
    } } } } }`);
    expect(res.body.errors).toBeUndefined();
    const nodes = (res.body.data as any).backupDr.appliances.edges.map((e: any) => e.node);
    const clusters = [...sim.data.clusters].sort(byId);
    expect((res.body.data as any).backupDr.appliances.totalCount).toBe(clusters.length);
    expect(nodes.map((n: any) => n.consoleId)).toEqual(clusters.map((c) => c.id));
    for (const [i, c] of clusters.entries()) {
      const n = nodes[i];
      const images = sim.data.backups.filter((b) => b.clusterId === c.id).length;
      const pools = poolsOf(c);
      const bounded = pools.filter((p) => p.capacity_mb > 0);
      const capacity = bounded.reduce((s, p) => s + p.capacity_mb, 0) * MB;
      const free = bounded.reduce((s, p) => s + p.free_mb, 0) * MB;
      expect(n).toEqual({
        consoleId: c.id,
        name: c.name,
        version: c.version,
        status: c.stale ? 'unreachable' : 'online',
        reachable: !c.stale,
        accessible: !c.stale,
        vdiskCount: images,
        vdiskLimit: expect.any(Number),
        vdiskColor: expect.any(String),
        stale: c.stale,
        diskPools: pools.map((p) => ({ consoleId: p.id })),
        diskUse: {
          poolCount: pools.length,
          capacityBytes: capacity,
          usedBytes: bounded.reduce((s, p) => s + p.usage_mb, 0) * MB,
          freeBytes: free,
          freePercent: expect.closeTo((free / capacity) * 100, 6),
          unboundedUsedBytes: pools.filter((p) => p.capacity_mb === 0).reduce((s, p) => s + p.usage_mb, 0) * MB,
        },
      });
    }
    // The pools of every appliance come from one pool list for the whole page.
    expect(sim.calls('GET /diskpool')).toBe(1);
  });

  it('counts the appliances the console reaches, naming the unreachable ones', async () => {
    const res = await gw.query(`{ backupDr(upstream: "${BDR}") { applianceSummary { total reachable unreachable unreachableAppliances { consoleId name } } } }`);
    expect(res.body.errors).toBeUndefined();
    const stale = sim.data.clusters.filter((c) => c.stale).sort(byId);
    expect(stale.length).toBeGreaterThan(0);
    expect((res.body.data as any).backupDr.applianceSummary).toEqual({
      total: sim.data.clusters.length,
      reachable: sim.data.clusters.length - stale.length,
      unreachable: stale.length,
      unreachableAppliances: stale.map((c) => ({ consoleId: c.id, name: c.name })),
    });
  });

  it('reports an unreachable appliance in the health report', async () => {
    const res = await gw.query(`{ healthReport(upstream: "${BDR}") { checks { area status figure message } } }`);
    expect(res.body.errors).toBeUndefined();
    const check = (res.body.data as any).healthReport.checks.find((c: any) => c.area === 'MEDIA_AGENTS');
    const stale = sim.data.clusters.filter((c) => c.stale);
    expect(check.figure).toBe(stale.length);
    expect(check.status).toBe(stale.length === sim.data.clusters.length ? 'CRITICAL' : 'WARNING');
    for (const c of stale) expect(check.message).toContain(c.name);
  });
});

describe('group members', () => {
  it('lists a logical group\'s member applications with paging and totalCount', async () => {
    const group = [...sim.data.logicalgroups].sort((a, b) => b.memberAppIds.length - a.memberAppIds.length)[0];
    const expected = [...group.memberAppIds].sort((a, b) => Number(a) - Number(b));
    const q = `query($id: ID!, $after: String) { node(id: $id) { ... on BackupDrLogicalGroup { memberCount members(first: 2, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { consoleId logicalGroup { consoleId } } } } } } }`;
    const gid = await globalId('logicalGroups', group.id);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: GraphQLResponse<{ node: any }> = await gw.query(q, { id: gid, after });
      expect(res.body.errors).toBeUndefined();
      const node: any = res.body.data?.node;
      expect(node.memberCount).toBe(expected.length);
      expect(node.members.totalCount).toBe(expected.length);
      for (const e of node.members.edges) {
        expect(e.node.logicalGroup.consoleId).toBe(group.id);
        seen.push(e.node.consoleId);
      }
      if (!node.members.pageInfo.hasNextPage) break;
      after = node.members.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it('lists each consistency group\'s members from the console\'s list view', async () => {
    const res = await gw.query(`{ backupDr(upstream: "${BDR}") { consistencyGroups(first: 20) { edges { node {
      consoleId memberCount members(first: 100) { totalCount edges { node { consoleId } } } } } } } }`);
    expect(res.body.errors).toBeUndefined();
    const nodes = (res.body.data as any).backupDr.consistencyGroups.edges.map((e: any) => e.node);
    expect(nodes.length).toBe(Math.min(20, sim.data.consistencygroups.length));
    for (const n of nodes) {
      const group = sim.data.consistencygroups.find((g) => g.id === n.consoleId)!;
      const expected = [...group.memberAppIds].sort((a, b) => Number(a) - Number(b));
      expect(n.members).toEqual({ totalCount: expected.length, edges: expected.map((id) => ({ node: { consoleId: id } })) });
    }
  });
});

/** A group's global id as the console's list gives it. */
async function globalId(list: 'logicalGroups' | 'consistencyGroups', consoleId: string): Promise<string> {
  const res = await gw.query(`{ backupDr(upstream: "${BDR}") { ${list}(first: 500) { edges { node { id consoleId } } } } }`);
  const node = (res.body.data as any).backupDr[list].edges.map((e: any) => e.node).find((n: any) => n.consoleId === consoleId);
  return node.id;
}
