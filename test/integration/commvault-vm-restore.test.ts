import { beforeAll, describe, expect, it } from 'vitest';
import 'reflect-metadata';
import type { CommvaultSimulator } from '../../simulators/commvault/index.js';
import { xmlAttributes } from '../../simulators/commvault/routes/virtualization.js';
import { toGlobalId } from '../../src/util/global-id.js';
import { useAuditedCommvaultGateway } from '../helpers/audited-commvault-gateway.js';

/**
 * `restoreVirtualMachine` end to end: real HTTP to a gateway and from it to the simulator, which reads the
 * XML `VMRestoreReq` and starts a Restore job that progresses on its clock. Expectations come from its dataset.
 */
const CV = 'cv';
const CV_SLOW = 'cv-slow';
const RECOVER = 'POST /v2/vsa/vm/{guid}/recover';
const RESTORE = `mutation ($input: RestoreVirtualMachineInput!) { restoreVirtualMachine(input: $input) {
  jobs { jobId jobType status destinationClientName subclient { id } } } }`;

interface Answer {
  status: number;
  body: { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> };
}

let sim: CommvaultSimulator;
let clockOffsetMs = 0;
const auditLines: Array<Record<string, any>> = [];
const cv = useAuditedCommvaultGateway({
  auditLines,
  upstreamId: CV,
  simulator: { now: () => Date.now() + clockOffsetMs },
  slowTwin: { id: CV_SLOW, timeoutMs: 400 },
  // Job reads are not cached: the test watches a started job progress.
  config: { cache: { ttlMs: { jobsRunning: 0, jobsFinished: 0 } } },
});
beforeAll(() => {
  sim = cv.sim;
});

async function gql(query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const res = await fetch(`${cv.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer k-admin' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

const codes = (a: Answer) => (a.body.errors ?? []).map((e) => e.extensions?.code);
const vmGid = (clientId: number, upstream = CV) => toGlobalId('CommvaultVirtualMachine', upstream, clientId);
const recovers = () => sim.calls(RECOVER);

/** A VM with a successful backup, on an online client and hypervisor. */
function restorableVm() {
  const vm = sim.data.virtualMachines.find((v) => {
    const client = sim.data.clients.find((c) => c.clientId === v.clientId);
    const hv = sim.data.clients.find((c) => c.clientId === v.hypervisorId);
    return v.backupJobId !== null && v.subclientId !== null && client?.online && hv?.online;
  });
  if (!vm) throw new Error('no restorable VM in the dataset');
  return vm;
}

describe('restoreVirtualMachine', () => {
  it('restores in place from the latest backup: one recover call with the XML request, a Restore job on the VM, audited', async () => {
    const vm = restorableVm();
    const res = await gql(RESTORE, { input: { virtualMachine: vmGid(vm.clientId) } });
    expect(res.body.errors).toBeUndefined();
    const [job] = res.body.data.restoreVirtualMachine.jobs;
    expect(job).toMatchObject({ jobType: 'Restore', status: 'RUNNING', subclient: { id: toGlobalId('CommvaultSubclient', CV, vm.subclientId!) }, destinationClientName: vm.name });
    expect(recovers()).toBe(1);
    expect(sim.data.jobs.find((j) => j.jobId === job.jobId)).toMatchObject({ jobType: 'Restore', subclientId: vm.subclientId, destClientId: vm.clientId });
    const line = auditLines.find((l) => l.component === 'audit');
    expect(line).toMatchObject({ operation: 'restoreVirtualMachine', caller: 'admin', targets: [vmGid(vm.clientId)], outcome: 'ok', jobIds: [job.jobId], inPlace: true });
  });

  it('restores out of place as a new VM on the hypervisor, from a named backup job, and the job progresses to COMPLETED', async () => {
    const vm = restorableVm();
    const hv = sim.data.clients.find((c) => c.clientId === vm.hypervisorId)!;
    const res = await gql(RESTORE, {
      input: {
        virtualMachine: vmGid(vm.clientId), inPlace: false, powerOn: false, backupJobId: vm.backupJobId,
        destination: { newName: `${vm.name}-copy "1"`, esxHost: 'esx02.example.com', dataStore: 'ds-02', resourcePool: 'pool & more' },
      },
    });
    expect(res.body.errors).toBeUndefined();
    const [job] = res.body.data.restoreVirtualMachine.jobs;
    expect(job).toMatchObject({ jobType: 'Restore', destinationClientName: hv.clientName });
    expect(recovers()).toBe(1);
    expect(sim.data.jobs.find((j) => j.jobId === job.jobId)?.destClientId).toBe(vm.hypervisorId);
    clockOffsetMs += 70_000;
    const done = await gql(`{ commvaultJob(upstream: "${CV}", jobId: ${job.jobId}) { status jobType percentComplete } }`);
    expect(done.body.data.commvaultJob).toEqual({ status: 'COMPLETED', jobType: 'Restore', percentComplete: 100 });
  });

  it('passes the refusal of a VM that was never backed up on as UPSTREAM_ERROR with its message', async () => {
    const never = sim.data.virtualMachines.find((v) => v.backupJobId === null)!;
    const res = await gql(RESTORE, { input: { virtualMachine: vmGid(never.clientId) } });
    expect(codes(res)).toEqual(['UPSTREAM_ERROR']);
    expect(recovers()).toBe(1);
  });

  it('refuses an unknown VM with NOT_FOUND, sending no recover call', async () => {
    const res = await gql(RESTORE, { input: { virtualMachine: vmGid(999_999) } });
    expect(codes(res)).toEqual(['NOT_FOUND']);
    expect(recovers()).toBe(0);
  });

  it('refuses bad input with BAD_USER_INPUT before any upstream call', async () => {
    const vm = vmGid(restorableVm().clientId);
    const dest = { newName: 'n', esxHost: 'h', dataStore: 'd' };
    const inputs = [
      { virtualMachine: toGlobalId('CommvaultClient', CV, 2) },
      { virtualMachine: 'not-an-id' },
      { virtualMachine: vm, destination: dest },
      { virtualMachine: vm, inPlace: true, destination: dest },
      { virtualMachine: vm, inPlace: false },
      { virtualMachine: vm, inPlace: false, destination: { ...dest, newName: '  ' } },
      { virtualMachine: vm, inPlace: false, destination: { ...dest, dataStore: 'x'.repeat(256) } },
      { virtualMachine: vm, backupJobId: 0 },
    ];
    for (const input of inputs) expect(codes(await gql(RESTORE, { input })), JSON.stringify(input).slice(0, 80)).toEqual(['BAD_USER_INPUT']);
    expect(sim.stats().total).toBe(0);
  });

  it('returns the first outcome for a repeated idempotency key without a second call', async () => {
    const input = { virtualMachine: vmGid(restorableVm().clientId), idempotencyKey: 'vm-restore-1' };
    const first = await gql(RESTORE, { input });
    const again = await gql(RESTORE, { input });
    expect(first.body.errors).toBeUndefined();
    expect(again.body.data).toEqual(first.body.data);
    expect(recovers()).toBe(1);
  });

  it('reports UPSTREAM_UNCERTAIN after exactly one call when the answer is lost after the CommServe ran it', async () => {
    const vm = restorableVm();
    await gql(`{ commvaultVirtualMachines(upstream: "${CV_SLOW}") { totalCount } }`);
    sim.setFaults({ afterWrite: { count: 1, delayMs: 1_000 } });
    const before = sim.data.jobs.length;
    const res = await gql(RESTORE, { input: { virtualMachine: vmGid(vm.clientId, CV_SLOW) } });
    expect(codes(res)).toEqual(['UPSTREAM_UNCERTAIN']);
    expect(recovers()).toBe(1);
    expect(sim.data.jobs.length).toBe(before + 1);
    await new Promise((r) => setTimeout(r, 800));
    expect(recovers()).toBe(1);
  });
});

describe('the simulator\'s VMRestoreReq reader', () => {
  it('reads the attributes the gateway escapes back to their text', () => {
    const xml = '<VMRestoreReq powerOnVmAfterRestore="false" inPlaceRestore="false" jobId=""><destinationInfo><vmware newName="a &quot;b&quot; &amp; c" esxHost="h"/></destinationInfo></VMRestoreReq>';
    expect(xmlAttributes(xml, 'VMRestoreReq')).toEqual({ powerOnVmAfterRestore: 'false', inPlaceRestore: 'false', jobId: '' });
    expect(xmlAttributes(xml, 'vmware')).toEqual({ newName: 'a "b" & c', esxHost: 'h' });
    expect(xmlAttributes('{"json": true}', 'VMRestoreReq')).toBeUndefined();
  });
});
