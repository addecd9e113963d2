import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useCommvaultFixture } from '../helpers/commvault-fixture-gateway.js';

/**
 * Hypervisors, VMs and job detail mapped from answers in the real shapes (test/fixtures/commvault, built
 * from the examples docs/upstreams/commvault.md cites), served by a scripted loopback upstream — not the
 * simulator — so every field is checked against what a CommServe sends.
 */
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/commvault/${name}`, import.meta.url), 'utf8'));
const iso = (unixSeconds: number): string => new Date(unixSeconds * 1000).toISOString();

function script(): void {
  fx.fake
    .on('POST /Login', { json: { token: 'QSDK fixture-token', userName: 'admin' } })
    .on('GET /V4/Hypervisor', { json: fixture('v4-hypervisor.json') })
    .on('GET /VM', { json: fixture('vm-list.json') })
    .on('GET /Job/40', { json: fixture('job-40.json') })
    .on('GET /Job/41', { json: fixture('job-41.json') })
    .on('POST /JobDetails', (req) => ({ json: fixture(`job-details-${(JSON.parse(req.body) as { jobId: number }).jobId}.json`) }));
}

const fx = useCommvaultFixture({ upstreamId: 'cv-fix', adminKey: 'k-admin', script, scriptOnce: true });
const gql = fx.gql;

describe('Commvault virtualisation and job detail against fixtures in the real shapes', () => {
  it('maps every hypervisor field of GET /V4/Hypervisor and counts its VMs from GET /VM', async () => {
    const res = await gql(`{ commvaultHypervisors { totalCount edges { node {
      hypervisorId name displayName hostName vendor retireStatus version backupEnabled vmCount protectedVmCount upstream { id }
    } } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({
      commvaultHypervisors: {
        totalCount: 1,
        edges: [{ node: {
          hypervisorId: 9, name: 'vcenter01', displayName: 'vcenter01', hostName: 'vc01', vendor: 'VMW', retireStatus: 'UNKNOWN',
          version: '7.0.3', backupEnabled: true, vmCount: 1, protectedVmCount: 0, upstream: { id: 'cv-fix' },
        } }],
      },
    });
  });

  it('maps every VM field of GET /VM, reading `plan: {}` as no plan and vmStatus 2 as not protected', async () => {
    const res = await gql(`{ commvaultVirtualMachines { totalCount edges { node {
      clientId name uuid guestOs hostName protection sizeBytes usedBytes guestSizeBytes lastBackupJobId
      lastBackupStartedAt lastBackupEndedAt lastSuccessfulBackupAt isDeleted hypervisorName proxyName vmGroupName vmGroupId
      hypervisor { hypervisorId name }
    } } } }`);
    expect(res.body.errors).toBeUndefined();
    const nodes = (res.body.data as any).commvaultVirtualMachines.edges.map((e: any) => e.node);
    expect((res.body.data as any).commvaultVirtualMachines.totalCount).toBe(2);
    expect(nodes).toEqual([
      {
        clientId: 77, name: 'app01', uuid: '5029A1B2-0000-4000-8000-000000000001', guestOs: 'Ubuntu Linux (64-bit)', hostName: 'esx01',
        protection: 'NOT_PROTECTED', sizeBytes: 42949672960, usedBytes: 10737418240, guestSizeBytes: 0, lastBackupJobId: null,
        lastBackupStartedAt: null, lastBackupEndedAt: null, lastSuccessfulBackupAt: null, isDeleted: false,
        hypervisorName: 'vcenter01', proxyName: 'proxy01', vmGroupName: 'prod', vmGroupId: 12,
        hypervisor: { hypervisorId: 9, name: 'vcenter01' },
      },
      {
        clientId: 58426, name: 'hotfx-exchange', uuid: '35C4C1E5-1C35-4F6E-B4B4-02BFBD05AA1C', guestOs: 'Windows Server 2012 R2 Datacenter',
        hostName: 'HOTFIXCOMMCELL', protection: 'PROTECTED', sizeBytes: 214748364800, usedBytes: 567279616, guestSizeBytes: 152106536960,
        lastBackupJobId: 19698542, lastBackupStartedAt: iso(1539716353), lastBackupEndedAt: iso(1539718923),
        lastSuccessfulBackupAt: iso(1539716353), isDeleted: false, hypervisorName: 'hotfixcommcell', proxyName: 'hotfixcommcell',
        vmGroupName: 'default', vmGroupId: 206955,
        // Its pseudo-client is not in the V4 hypervisor list: no hypervisor object, its name still shown.
        hypervisor: null,
      },
    ]);
    // The whole list in one read: `PagingInfo: 0,<n>` means the first n under either reading of the header.
    expect(fx.fake.calls('GET /VM').at(-1)?.headers.paginginfo).toBe('0,10000');
  });

  it('maps every JobDetails field of a completed job: strings as numbers, -999 as null, phase and plan from the summary', async () => {
    const res = await gql(`{ commvaultJob(upstream: "cv-fix", jobId: 40) { detail {
      state phase attempts failureReason errorCode delayReason throughputGBPerHour transferSeconds filesCount filesTransferred
      skippedItems applicationBytes transferredBytes writtenBytes savingsPercent startedBy startedFrom clientName agentName
      instanceName backupsetName subclientName planName virtualMachines { name }
    } } }`);
    expect(res.body.errors).toBeUndefined();
    expect((res.body.data as any).commvaultJob.detail).toEqual({
      state: 'Completed', phase: null, attempts: null, failureReason: null, errorCode: null, delayReason: null,
      throughputGBPerHour: 0.03, transferSeconds: 27, filesCount: null, filesTransferred: 0, skippedItems: 2,
      applicationBytes: 266793, transferredBytes: 0, writtenBytes: 0, savingsPercent: 100, startedBy: 'testadmin',
      startedFrom: 'Interactive', clientName: 'fs01', agentName: 'Windows File System', instanceName: 'DefaultInstanceName',
      backupsetName: 'defaultBackupSet', subclientName: null, planName: 'Server Plan', virtualMachines: [],
    });
    expect(JSON.parse(fx.fake.calls('POST /JobDetails')[0]!.body)).toEqual({ jobId: 40, showAttempt: true });
  });

  it('reads a failed job\'s reasonForJobDelay as its failure reason, its attempts and its per-VM results', async () => {
    const res = await gql(`{ commvaultJob(upstream: "cv-fix", jobId: 41) { detail {
      state phase attempts failureReason delayReason subclientName
      virtualMachines { name uuid clientId statusCode failureReason sizeBytes backupStartedAt backupEndedAt }
    } } }`);
    expect(res.body.errors).toBeUndefined();
    expect((res.body.data as any).commvaultJob.detail).toEqual({
      state: 'Failed', phase: 'Backup', attempts: 2, failureReason: 'Failure Reason: Unable to open the virtual disk of the VM.',
      delayReason: null, subclientName: 'prod',
      virtualMachines: [
        { name: 'app01', uuid: '5029A1B2-0000-4000-8000-000000000001', clientId: 77, statusCode: 1, failureReason: null,
          sizeBytes: 10737418240, backupStartedAt: iso(1767313440), backupEndedAt: iso(1767313700) },
        { name: 'app02', uuid: '5029A1B2-0000-4000-8000-000000000002', clientId: 78, statusCode: 2,
          failureReason: 'Unable to open the virtual disk of the VM.', sizeBytes: 0, backupStartedAt: iso(1767313440), backupEndedAt: null },
      ],
    });
  });
});
