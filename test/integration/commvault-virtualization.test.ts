import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { toGlobalId } from '../../src/util/global-id.js';
import { commvaultUpstream, startTestGateway, TEST_ANALYST_KEY, type TestGateway } from '../helpers/gateway.js';

/**
 * Hypervisors, VMs and job detail over the simulator's seeded estate (real HTTP). Expectations come from
 * the seed (`sim.data`), never from the gateway's own answers.
 */
const CV = 'cv-vms';
const byName = (a: string, b: string): number => a.localeCompare(b, 'en', { sensitivity: 'base' });

describe('Commvault virtualisation and job detail against the simulator', () => {
  let sim: CommvaultSimulator;
  let gw: TestGateway;

  beforeAll(async () => {
    sim = await startCommvaultSimulator();
    gw = await startTestGateway({
      upstreams: [commvaultUpstream(CV, sim.url)],
      callers: [{ id: 'test-analyst', apiKey: TEST_ANALYST_KEY, role: 'analyst', mutations: true }],
    });
  });
  afterAll(async () => {
    await gw?.close();
    await sim?.close();
  });

  const vmPage = async (variables: Record<string, unknown>) => {
    const res = await gw.query<any>(
      `query($first: Int, $after: String, $protection: [VirtualMachineProtection!], $protected: Boolean, $hypervisorId: Int, $upstream: ID, $search: String) {
        commvaultVirtualMachines(first: $first, after: $after, protection: $protection, protected: $protected, hypervisorId: $hypervisorId, upstream: $upstream, search: $search) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { clientId name protection hypervisorName } }
        } }`,
      variables,
    );
    expect(res.body.errors).toBeUndefined();
    return res.body.data.commvaultVirtualMachines;
  };

  it('pages through every seeded VM by name, with totalCount, no VM twice', async () => {
    const expected = [...sim.data.virtualMachines].sort((a, b) => byName(a.name, b.name) || a.clientId - b.clientId).map((v) => v.clientId);
    const seen: number[] = [];
    let after: string | null = null;
    do {
      const page: any = await vmPage({ first: 40, after });
      expect(page.totalCount).toBe(sim.data.virtualMachines.length);
      seen.push(...page.edges.map((e: any) => e.node.clientId));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(expected);
    expect(expected.length).toBeGreaterThan(20);
  });

  it('filters by protection state, by whether the last backup succeeded, and by hypervisor', async () => {
    const seeded = sim.data.virtualMachines;
    const notProtected = await vmPage({ first: 100, protection: ['NOT_PROTECTED'] });
    expect(notProtected.totalCount).toBe(seeded.filter((v) => v.status === 2).length);
    expect(notProtected.totalCount).toBeGreaterThan(0);
    expect(new Set(notProtected.edges.map((e: any) => e.node.protection))).toEqual(new Set(['NOT_PROTECTED']));

    const backedUp = await vmPage({ first: 1, protected: true });
    expect(backedUp.totalCount).toBe(seeded.filter((v) => v.status === 1 || v.status === 4).length);

    const hv = sim.data.hypervisors[0]!;
    const hvName = sim.data.clients.find((c) => c.clientId === hv.clientId)!.clientName;
    const ofHv = await vmPage({ first: 100, upstream: CV, hypervisorId: hv.clientId });
    expect(ofHv.edges.map((e: any) => e.node.clientId).sort()).toEqual(seeded.filter((v) => v.hypervisorId === hv.clientId).map((v) => v.clientId).sort());
    expect(new Set(ofHv.edges.map((e: any) => e.node.hypervisorName))).toEqual(new Set([hvName]));
  });

  it('refuses a hypervisorId without upstream as BAD_USER_INPUT', async () => {
    const res = await gw.query(`{ commvaultVirtualMachines(hypervisorId: 1) { totalCount } }`);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('shows every hypervisor with its seeded VM count, and each VM\'s hypervisor, plan and client exist', async () => {
    const res = await gw.query<any>(`{
      commvaultHypervisors(first: 100) { totalCount edges { node { hypervisorId name vendor vmCount protectedVmCount } } }
      commvaultVirtualMachines(first: 100) { edges { node { clientId name hypervisor { hypervisorId } plan { planId } client { clientId name } } } }
    }`);
    expect(res.body.errors).toBeUndefined();
    const hvs = res.body.data.commvaultHypervisors;
    expect(hvs.totalCount).toBe(sim.data.hypervisors.length);
    for (const { node } of hvs.edges) {
      const seeded = sim.data.hypervisors.find((h) => h.clientId === node.hypervisorId)!;
      const vms = sim.data.virtualMachines.filter((v) => v.hypervisorId === node.hypervisorId);
      expect(node.vendor).toBe(seeded.vendor);
      expect(node.vmCount).toBe(vms.length);
      expect(node.protectedVmCount).toBe(vms.filter((v) => v.status === 1 || v.status === 4).length);
    }
    for (const { node } of res.body.data.commvaultVirtualMachines.edges) {
      const seeded = sim.data.virtualMachines.find((v) => v.clientId === node.clientId)!;
      expect(node.hypervisor.hypervisorId).toBe(seeded.hypervisorId);
      expect(node.client).toEqual({ clientId: seeded.clientId, name: seeded.name });
      const group = sim.data.subclients.find((s) => s.subclientId === seeded.subclientId);
      expect(node.plan?.planId ?? null).toBe(group?.planId ?? null);
    }
  });

  it('fetches a VM back by its global id through node()', async () => {
    const vm = sim.data.virtualMachines[0]!;
    const res = await gw.query<any>(`query($id: ID!) { node(id: $id) { ... on CommvaultVirtualMachine { name uuid } } }`, {
      id: toGlobalId('CommvaultVirtualMachine', CV, vm.clientId),
    });
    expect(res.body.data?.node).toEqual({ name: vm.name, uuid: vm.guid });
  });

  it('shows a failed job\'s seeded failure reason in its detail', async () => {
    const failed = [...sim.data.jobs].reverse().find((j) => j.status === 'Failed' && j.jobType === 'Backup')!;
    const res = await gw.query<any>(`query($id: Int!) { commvaultJob(upstream: "${CV}", jobId: $id) { detail { state failureReason delayReason clientName } } }`, { id: failed.jobId });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.commvaultJob.detail).toEqual({
      state: 'Failed',
      failureReason: failed.failureReason,
      delayReason: null,
      clientName: sim.data.clients.find((c) => c.clientId === failed.clientId)!.clientName,
    });
    expect(failed.failureReason).toMatch(/^Failure Reason: /);
  });

  it('lists in a VM backup job\'s detail the VMs whose last backup it was', async () => {
    const vm = sim.data.virtualMachines.find((v) => v.backupJobId !== null)!;
    const res = await gw.query<any>(`query($id: Int!) { commvaultJob(upstream: "${CV}", jobId: $id) { detail { virtualMachines { name uuid clientId } } } }`, {
      id: vm.backupJobId,
    });
    const expected = sim.data.virtualMachines.filter((v) => v.backupJobId === vm.backupJobId).map((v) => ({ name: v.name, uuid: v.guid, clientId: v.clientId }));
    expect(res.body.data.commvaultJob.detail.virtualMachines).toEqual(expected);
  });

  it('costs at most 6 upstream calls cold for a VM page with hypervisor, plan and client, and 0 warm', async () => {
    const gw2 = await startTestGateway({ upstreams: [commvaultUpstream(CV, sim.url)] });
    try {
      const doc = `{ commvaultVirtualMachines(first: 100) { totalCount edges { node { name guestOs protection lastSuccessfulBackupAt
        hypervisor { name vendor vmCount } plan { name } client { name } } } } }`;
      sim.reset();
      const cold = await gw2.query(doc);
      expect(cold.body.errors).toBeUndefined();
      // The stated bound (docs/schema.md): one call per list, whatever the page size.
      expect(sim.stats().total).toBeLessThanOrEqual(6);
      expect(sim.stats().byRoute).toEqual({ 'POST /Login': 1, 'GET /VM': 1, 'GET /V4/Hypervisor': 1, 'GET /V2/Plan': 1, 'GET /Client': 1 });
      sim.reset();
      const warm = await gw2.query(doc);
      expect(warm.body).toEqual(cold.body);
      expect(sim.stats().total).toBe(0);
    } finally {
      await gw2.close();
    }
  });

  it('costs one JobDetails call per job asked for, and 0 when asked again', async () => {
    const gw2 = await startTestGateway({ upstreams: [commvaultUpstream(CV, sim.url)] });
    try {
      const doc = `{ jobs(first: 10, filter: { category: FINISHED }) { edges { node { ... on CommvaultJob { jobId detail { state filesCount } } } } } }`;
      sim.reset();
      const cold = await gw2.query<any>(doc);
      expect(cold.body.errors).toBeUndefined();
      expect(sim.calls('POST /JobDetails')).toBe(10);
      sim.reset();
      const warm = await gw2.query(doc);
      expect(warm.body).toEqual(cold.body);
      expect(sim.stats().total).toBe(0);
    } finally {
      await gw2.close();
    }
  });

  it('answers a job\'s detail through the Job interface of the unified list', async () => {
    const res = await gw.query<any>(`{ jobs(first: 5, filter: { category: FINISHED }) { edges { node { ... on CommvaultJob { jobId } detail { state } } } } }`);
    expect(res.body.errors).toBeUndefined();
    for (const { node } of res.body.data.jobs.edges) {
      expect(node.detail.state).toBe(sim.data.jobs.find((j) => j.jobId === node.jobId)!.status);
    }
  });

  it('backs up a VM through its VM group and returns the started job', async () => {
    const vm = sim.data.virtualMachines.find((v) => v.subclientId !== null)!;
    const res = await gw.query<any>(
      `mutation($input: BackupVirtualMachineInput!) { backupVirtualMachine(input: $input) { jobs { jobId status subclient { subclientId } } } }`,
      { input: { virtualMachine: toGlobalId('CommvaultVirtualMachine', CV, vm.clientId), level: 'FULL' } },
    );
    expect(res.body.errors).toBeUndefined();
    const [job] = res.body.data.backupVirtualMachine.jobs;
    expect(job.subclient.subclientId).toBe(vm.subclientId);
    const seeded = sim.data.jobs.find((j) => j.jobId === job.jobId)!;
    expect(seeded.backupLevel).toBe('Full');
  });

  it('answers NOT_FOUND for a VM id the CommServe does not know', async () => {
    const res = await gw.query(`mutation($input: BackupVirtualMachineInput!) { backupVirtualMachine(input: $input) { jobs { jobId } } }`, {
      input: { virtualMachine: toGlobalId('CommvaultVirtualMachine', CV, 999_999) },
    });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
