import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { toGlobalId } from '../../src/util/global-id.js';
import { commvaultUpstream, startTestGateway, type TestGateway } from '../helpers/gateway.js';

/**
 * Storage arrays and replication over the simulator's seeded estate (real HTTP). Expectations come from
 * the seed (`sim.data`), never from the gateway's own answers.
 */
const CV = 'cv-arrays';
const byName = (a: string, b: string): number => a.localeCompare(b, 'en', { sensitivity: 'base' });
const iso = (unixSeconds: number): string => new Date(unixSeconds * 1000).toISOString();

describe('Commvault storage arrays and replication against the simulator', () => {
  let sim: CommvaultSimulator;
  let gw: TestGateway;

  beforeAll(async () => {
    sim = await startCommvaultSimulator();
    gw = await startTestGateway({ upstreams: [commvaultUpstream(CV, sim.url)] });
  });
  afterAll(async () => {
    await gw?.close();
    await sim?.close();
  });

  const vmOf = (clientId: number) => sim.data.virtualMachines.find((v) => v.clientId === clientId)!;
  const groupOf = (groupId: number) => sim.data.replicationGroups.find((g) => g.groupId === groupId)!;

  it('the seed holds arrays, both kinds of replication and pairs in more than one state', () => {
    expect(sim.data.storageArrays.length).toBeGreaterThanOrEqual(2);
    expect(new Set(sim.data.replicationGroups.map((g) => g.kind))).toEqual(new Set(['PERIODIC', 'CONTINOUS']));
    expect(new Set(sim.data.replicationPairs.map((p) => p.status)).size).toBeGreaterThan(1);
  });

  it('the simulator serves the real paths only: not the seed\'s /V4/StorageArray or /V4/ReplicationPairs', async () => {
    const login = await fetch(`${sim.url}/Login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ mode: 4, username: 'admin', password: Buffer.from('admin').toString('base64') }),
    });
    const { token } = (await login.json()) as { token: string };
    const get = (path: string) => fetch(`${sim.url}${path}`, { headers: { Accept: 'application/json', Authtoken: token } });
    expect((await get('/V4/StorageArrays')).status).toBe(200);
    expect((await get('/V4/StorageArray')).status).toBe(404);
    expect((await get('/V4/ReplicationPairs')).status).toBe(404);
    expect((await get('/V4/StorageArrays/999999')).status).toBe(404);
  });

  it('pages through every seeded array by name with totalCount, its access nodes the seeded MediaAgents', async () => {
    const expected = [...sim.data.storageArrays].sort((a, b) => byName(a.name, b.name) || a.arrayId - b.arrayId);
    const seen: any[] = [];
    let after: string | null = null;
    do {
      const res: any = await gw.query<any>(
        `query($after: String) { commvaultStorageArrays(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor }
          edges { node { arrayId name vendor controlHost snapVendor accessNodes { mediaAgentId name pruning } mediaAgents { mediaAgentId online }
          snapConfigurations { configId value enabled } } } } }`,
        { after },
      );
      expect(res.body.errors).toBeUndefined();
      const page = res.body.data.commvaultStorageArrays;
      expect(page.totalCount).toBe(expected.length);
      seen.push(...page.edges.map((e: any) => e.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen.map((a) => a.arrayId)).toEqual(expected.map((a) => a.arrayId));
    for (const node of seen) {
      const seeded = expected.find((a) => a.arrayId === node.arrayId)!;
      expect(node.vendor).toBe(seeded.vendorName);
      expect(node.snapVendor).toBe(seeded.vendorName);
      expect(node.controlHost).toBe(seeded.controlHost);
      const mas = seeded.accessNodeIds.map((id) => sim.data.mediaAgents.find((m) => m.mediaAgentId === id)!);
      expect(node.accessNodes).toEqual(mas.map((m) => ({ mediaAgentId: m.mediaAgentId, name: m.mediaAgentName, pruning: seeded.pruningNodeIds.includes(m.mediaAgentId) })));
      // Every access node is a MediaAgent the CommServe lists.
      expect(node.mediaAgents.map((m: any) => m.mediaAgentId)).toEqual(seeded.accessNodeIds);
      expect(node.snapConfigurations).toEqual(seeded.snapConfigs.map((c) => ({ configId: c.masterConfigId, value: c.value, enabled: c.enabled })));
    }
  });

  it('filters arrays by vendor and by search', async () => {
    const netapp = sim.data.storageArrays.filter((a) => a.vendorName.toLowerCase().includes('netapp'));
    const res = await gw.query<any>(`{ byVendor: commvaultStorageArrays(vendor: "NETAPP") { totalCount edges { node { arrayId } } }
      bySearch: commvaultStorageArrays(search: "${sim.data.storageArrays[0]!.controlHost.toUpperCase()}") { totalCount edges { node { arrayId } } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.byVendor.totalCount).toBe(netapp.length);
    expect(res.body.data.byVendor.edges.map((e: any) => e.node.arrayId)).toEqual(netapp.map((a) => a.arrayId));
    expect(res.body.data.bySearch.edges.map((e: any) => e.node.arrayId)).toEqual([sim.data.storageArrays[0]!.arrayId]);
  });

  it('lists replication groups with their hypervisors and pairs as seeded, filtered by type', async () => {
    const res = await gw.query<any>(`{
      all: commvaultReplicationGroups(first: 50) { totalCount edges { node { groupId name replicationType state
        sourceHypervisor { hypervisorId } destinationHypervisor { hypervisorId } pairs { pairId kind sourceVirtualMachine { clientId } } } } }
      continuous: commvaultReplicationGroups(replicationType: "continuous") { totalCount edges { node { groupId } } }
    }`);
    expect(res.body.errors).toBeUndefined();
    const seeded = sim.data.replicationGroups;
    expect(res.body.data.all.totalCount).toBe(seeded.length);
    expect(res.body.data.all.edges.map((e: any) => e.node.groupId)).toEqual([...seeded].sort((a, b) => byName(a.name, b.name)).map((g) => g.groupId));
    for (const { node } of res.body.data.all.edges) {
      const g = groupOf(node.groupId);
      expect(node.replicationType).toBe(g.kind === 'PERIODIC' ? 'PERIODIC' : 'CONTINUOUS');
      expect(node.state).toBe(g.state);
      expect(node.sourceHypervisor.hypervisorId).toBe(g.sourceHypervisorId);
      expect(node.destinationHypervisor.hypervisorId).toBe(g.destinationHypervisorId);
      const pairs = sim.data.replicationPairs.filter((p) => p.groupId === g.groupId);
      expect(node.pairs.map((p: any) => p.pairId).sort()).toEqual(pairs.map((p) => p.pairId).sort());
      for (const p of node.pairs) {
        const sp = pairs.find((x) => x.pairId === p.pairId)!;
        // The pair's source is a seeded VM of the group's source hypervisor.
        expect(p.sourceVirtualMachine.clientId).toBe(sp.sourceVmClientId);
        expect(vmOf(sp.sourceVmClientId).hypervisorId).toBe(g.sourceHypervisorId);
      }
    }
    expect(res.body.data.continuous.edges.map((e: any) => e.node.groupId)).toEqual(seeded.filter((g) => g.kind === 'CONTINOUS').map((g) => g.groupId));
  });

  it('pages through every pair with totalCount, each with the seeded status, sync point and lag', async () => {
    const seen: any[] = [];
    let after: string | null = null;
    const before = Date.now();
    do {
      const res: any = await gw.query<any>(
        `query($after: String) { commvaultReplicationPairs(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor }
          edges { node { pairId kind name destinationName groupName statusCode status lastSyncedBackupJobId syncedTill lastReplicationAt lagSeconds
          destinationHypervisor { hypervisorId } sourceClient { clientId } } } } }`,
        { after },
      );
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.commvaultReplicationPairs.totalCount).toBe(sim.data.replicationPairs.length);
      seen.push(...res.body.data.commvaultReplicationPairs.edges.map((e: any) => e.node));
      after = res.body.data.commvaultReplicationPairs.pageInfo.hasNextPage ? res.body.data.commvaultReplicationPairs.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(sim.data.replicationPairs.length);
    expect(seen.map((p) => p.name)).toEqual(seen.map((p) => p.name).sort(byName));
    for (const node of seen) {
      const kind = node.kind === 'PERIODIC' ? 'PERIODIC' : 'CONTINOUS';
      const sp = sim.data.replicationPairs.find((p) => p.pairId === node.pairId && groupOf(p.groupId).kind === kind)!;
      const g = groupOf(sp.groupId);
      const vm = vmOf(sp.sourceVmClientId);
      expect(node.name).toBe(vm.name);
      expect(node.destinationName).toBe(sp.destinationName);
      expect(node.groupName).toBe(g.name);
      expect(node.statusCode).toBe(sp.status);
      expect(node.destinationHypervisor.hypervisorId).toBe(g.destinationHypervisorId);
      expect(node.sourceClient.clientId).toBe(vm.clientId);
      if (kind === 'PERIODIC') {
        expect(node.status).toBe({ 1: 'IN_SYNC', 2: 'NEEDS_SYNC', 5: 'SYNC_FAILED' }[sp.status]);
        expect(node.lastSyncedBackupJobId).toBe(sp.lastSyncedBackupJobId || null);
        expect(node.syncedTill).toBe(sp.syncedTill ? iso(sp.syncedTill) : null);
        expect(node.lastReplicationAt).toBe(sp.lastRestoreTime ? iso(sp.lastRestoreTime) : null);
        if (sp.lastSyncedBackupJobId) {
          // Synced from the VM's last backup, a job of the seeded job list.
          expect(sp.lastSyncedBackupJobId).toBe(vm.backupJobId);
          expect(sim.data.jobs.find((j) => j.jobId === sp.lastSyncedBackupJobId)!.endTime).toBe(sp.syncedTill);
          expect(node.lagSeconds).toBeGreaterThanOrEqual(Math.floor(before / 1000) - sp.syncedTill - 1);
        } else {
          expect(node.lagSeconds).toBeNull();
        }
      } else {
        expect(node.status).toBe({ 4: 'REPLICATING', 8: 'PROBLEM' }[sp.status]);
        expect(node.lagSeconds).toBe(sp.lagSeconds);
      }
    }
  });

  it('filters pairs by kind, status and group', async () => {
    const failedCodes = new Set([5, 8]);
    const group = sim.data.replicationGroups[0]!;
    const res = await gw.query<any>(`{
      continuous: commvaultReplicationPairs(kind: CONTINUOUS) { totalCount }
      failing: commvaultReplicationPairs(status: ["sync_failed", "PROBLEM"]) { totalCount }
      ofGroup: commvaultReplicationPairs(group: "${group.name.toUpperCase()}", first: 50) { totalCount edges { node { pairId } } }
    }`);
    expect(res.body.errors).toBeUndefined();
    const kindOf = (p: { groupId: number }) => groupOf(p.groupId).kind;
    expect(res.body.data.continuous.totalCount).toBe(sim.data.replicationPairs.filter((p) => kindOf(p) === 'CONTINOUS').length);
    expect(res.body.data.failing.totalCount).toBeGreaterThan(0);
    expect(res.body.data.failing.totalCount).toBe(
      sim.data.replicationPairs.filter((p) => (kindOf(p) === 'PERIODIC' ? p.status === 5 : p.status === 8) && failedCodes.has(p.status)).length,
    );
    expect(res.body.data.ofGroup.edges.map((e: any) => e.node.pairId).sort()).toEqual(
      sim.data.replicationPairs.filter((p) => p.groupId === group.groupId).map((p) => p.pairId).sort(),
    );
  });

  it('fetches an array and a replication group back by global id through node()', async () => {
    const array = sim.data.storageArrays[0]!;
    const group = sim.data.replicationGroups[0]!;
    const res = await gw.query<any>(`query($a: ID!, $g: ID!) { a: node(id: $a) { ... on CommvaultStorageArray { name } } g: node(id: $g) { ... on CommvaultReplicationGroup { name } } }`, {
      a: toGlobalId('CommvaultStorageArray', CV, array.arrayId),
      g: toGlobalId('CommvaultReplicationGroup', CV, group.groupId),
    });
    expect(res.body.data).toEqual({ a: { name: array.name }, g: { name: group.name } });
  });

  it('fetches a replication pair of each kind back by global id through node(), and null for an unknown pair', async () => {
    const kindOf = (p: { groupId: number }) => groupOf(p.groupId).kind;
    const periodic = sim.data.replicationPairs.find((p) => kindOf(p) === 'PERIODIC')!;
    const continuous = sim.data.replicationPairs.find((p) => kindOf(p) === 'CONTINOUS')!;
    const listed = await gw.query<any>(`{ commvaultReplicationPairs(first: 100) { edges { node { id pairId kind destinationName } } } }`);
    const idOf = (pairId: number, kind: string) => listed.body.data.commvaultReplicationPairs.edges.find((e: any) => e.node.pairId === pairId && e.node.kind === kind).node.id;
    const res = await gw.query<any>(
      `query($p: ID!, $c: ID!, $none: ID!) { p: node(id: $p) { id ... on CommvaultReplicationPair { pairId kind destinationName } }
        c: node(id: $c) { ... on CommvaultReplicationPair { pairId kind destinationName } } none: node(id: $none) { id } }`,
      { p: idOf(periodic.pairId, 'PERIODIC'), c: idOf(continuous.pairId, 'CONTINUOUS'), none: toGlobalId('CommvaultReplicationPair', CV, 'p999999') },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.p).toEqual({ id: idOf(periodic.pairId, 'PERIODIC'), pairId: periodic.pairId, kind: 'PERIODIC', destinationName: periodic.destinationName });
    expect(res.body.data.c).toEqual({ pairId: continuous.pairId, kind: 'CONTINUOUS', destinationName: continuous.destinationName });
    expect(res.body.data.none).toBeNull();
  });

  it('costs one call per array detail and per list cold, and 0 calls warm', async () => {
    const gw2 = await startTestGateway({ upstreams: [commvaultUpstream(CV, sim.url)] });
    try {
      const doc = `{
        commvaultStorageArrays(first: 50) { totalCount edges { node { name vendor accessNodes { name } mediaAgents { online } snapConfigurations { name value } } } }
        commvaultReplicationGroups(first: 50) { edges { node { name sourceHypervisor { name } pairs { name status lagSeconds } } } }
        commvaultReplicationPairs(first: 50) { totalCount edges { node { name status lastReplicationAt sourceVirtualMachine { name } } } }
      }`;
      sim.reset();
      const cold = await gw2.query(doc);
      expect(cold.body.errors).toBeUndefined();
      const details = sim.data.storageArrays.length;
      expect(sim.stats().byRoute).toEqual({
        'POST /Login': 1,
        'GET /V4/StorageArrays': 1,
        'GET /V4/StorageArrays/{arrayId}': details,
        'GET /V2/MediaAgents': 1,
        'GET /V4/ReplicationGroup': 1,
        'GET /V4/Hypervisor': 1,
        'GET /Replications/Monitors/streaming': 1,
        'GET /Replications/Monitors/continuous': 1,
        'GET /VM': 1,
      });
      sim.reset();
      const warm = await gw2.query<any>(doc);
      // Lag of periodic pairs counts on with the clock: compare the rest.
      const strip = (body: any) => JSON.parse(JSON.stringify(body, (k, v) => (k === 'lagSeconds' ? undefined : v)));
      expect(strip(warm.body)).toEqual(strip(cold.body));
      expect(sim.stats().total).toBe(0);
    } finally {
      await gw2.close();
    }
  });
});
