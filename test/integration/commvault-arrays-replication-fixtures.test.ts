import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useCommvaultFixture } from '../helpers/commvault-fixture-gateway.js';

/**
 * Storage arrays and replication mapped from answers in the real shapes (test/fixtures/commvault, after
 * docs/upstreams/commvault-arrays-replication.md), served by a scripted loopback upstream — not the
 * simulator — so every field is checked against what a CommServe sends.
 */
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/commvault/${name}`, import.meta.url), 'utf8'));
const iso = (unixSeconds: number): string => new Date(unixSeconds * 1000).toISOString();

function script(): void {
  fx.fake
    .on('POST /Login', { json: { token: 'QSDK fixture-token', userName: 'admin' } })
    .on('GET /V4/StorageArrays', { json: fixture('v4-storage-arrays.json') })
    .on('GET /V4/StorageArrays/3', { json: fixture('v4-storage-array-3.json') })
    .on('GET /V4/StorageArrays/5', { status: 404, json: { errorMessage: 'Requested Details not found', errorCode: 404 } })
    .on('GET /V2/MediaAgents', {
      json: { mediaAgentList: [{ mediaAgent: { mediaAgentId: 4, mediaAgentName: 'ma01', displayName: 'ma01' }, status: 1 }] },
    })
    .on('GET /V4/ReplicationGroup', { json: fixture('v4-replication-groups.json') })
    .on('GET /Replications/Monitors/streaming', { json: fixture('replication-streaming.json') })
    .on('GET /Replications/Monitors/continuous', { json: fixture('replication-continuous.json') })
    .on('GET /V4/Hypervisor', { json: fixture('v4-hypervisor.json') })
    .on('GET /VM', { json: fixture('vm-list.json') });
}

const fx = useCommvaultFixture({ upstreamId: 'cv-fix', adminKey: 'k-admin', script, scriptOnce: true });
const gql = fx.gql;

describe('Commvault storage arrays and replication against fixtures in the real shapes', () => {
  it('maps every field of GET /V4/StorageArrays and of an array\'s detail; an array the detail does not know has none', async () => {
    const res = await gql(`{ commvaultStorageArrays { totalCount edges { node {
      arrayId name vendor controlHost userName description flags upstream { id }
      snapVendor arrayType region uniqueIdentifier
      accessNodes { mediaAgentId name displayName pruning }
      mediaAgents { mediaAgentId name }
      snapConfigurations { configId name type value values enabled }
    } } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.commvaultStorageArrays.totalCount).toBe(2);
    expect(res.body.data.commvaultStorageArrays.edges.map((e: any) => e.node)).toEqual([
      {
        arrayId: 5, name: 'netapp-svm1', vendor: 'NetApp', controlHost: 'svm1.example.com', userName: 'vsadmin',
        description: 'CIFS and NFS volumes', flags: 8, upstream: { id: 'cv-fix' },
        snapVendor: null, arrayType: null, region: null, uniqueIdentifier: null, accessNodes: [], mediaAgents: [], snapConfigurations: [],
      },
      {
        arrayId: 3, name: 'pure01', vendor: 'Pure Storage FlashArray', controlHost: 'pure01.example.com', userName: 'admin',
        // An empty description reads as none.
        description: null, flags: 0, upstream: { id: 'cv-fix' },
        snapVendor: 'Pure Storage FlashArray', arrayType: 0, region: 'us-east', uniqueIdentifier: 'PURE-7F3A21',
        accessNodes: [
          { mediaAgentId: 4, name: 'ma01', displayName: 'ma01', pruning: true },
          { mediaAgentId: 6, name: 'ma02', displayName: 'MediaAgent 2', pruning: false },
        ],
        // ma02 is not in the MediaAgent list: only ma01 resolves.
        mediaAgents: [{ mediaAgentId: 4, name: 'ma01' }],
        snapConfigurations: [
          { configId: 12, name: 'Use devices for clones', type: 1, value: 'true', values: [], enabled: true },
          { configId: 47, name: 'Protection group', type: 3, value: 'pg-prod', values: ['pg-prod', 'pg-test'], enabled: false },
        ],
      },
    ]);
  });

  it('maps every field of GET /V4/ReplicationGroup: taskId standing in for a missing id, CONTINOUS read as CONTINUOUS', async () => {
    const res = await gql(`{ commvaultReplicationGroups { totalCount edges { node {
      groupId taskId name sourceName destinationName type replicationType state
      sourceHypervisor { hypervisorId } destinationHypervisor { hypervisorId } pairs { pairId kind }
    } } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.commvaultReplicationGroups.edges.map((e: any) => e.node)).toEqual([
      {
        groupId: 88, taskId: 88, name: 'BLR-app', sourceName: 'vcenter01', destinationName: 'vcenter-dr', type: 'VIRTUAL_MACHINE',
        replicationType: 'CONTINUOUS', state: 'DISABLED', sourceHypervisor: { hypervisorId: 9 },
        // vcenter-dr is not in the hypervisor list.
        destinationHypervisor: null, pairs: [{ pairId: 31, kind: 'CONTINUOUS' }],
      },
      {
        groupId: 7, taskId: null, name: 'RG1', sourceName: 'vcenter01', destinationName: 'vcenter-dr', type: 'VIRTUAL_MACHINE',
        replicationType: 'PERIODIC', state: 'ENABLED', sourceHypervisor: { hypervisorId: 9 }, destinationHypervisor: null,
        pairs: [{ pairId: 31, kind: 'PERIODIC' }],
      },
    ]);
  });

  it('maps every field of both replication monitors; a periodic pair\'s lag counts from VMSyncedTillTime', async () => {
    const before = Date.now();
    const res = await gql(`{ commvaultReplicationPairs { totalCount edges { node {
      pairId kind name sourceGuid sourceClientId destinationName destinationGuid groupName statusCode status failoverStatus
      lastSyncedBackupJobId syncedTill lastReplicationAt lastReplicationJobId lastSuccessfulReplicationJobId lagSeconds
      destinationHypervisorName sourceVirtualMachine { clientId name }
    } } } }`);
    expect(res.body.errors).toBeUndefined();
    const [periodic, continuous] = res.body.data.commvaultReplicationPairs.edges.map((e: any) => e.node);
    expect(res.body.data.commvaultReplicationPairs.totalCount).toBe(2);
    const { lagSeconds, ...rest } = periodic;
    expect(rest).toEqual({
      pairId: 31, kind: 'PERIODIC', name: 'app01', sourceGuid: '5029A1B2-0000-4000-8000-000000000001', sourceClientId: null,
      destinationName: 'app01_DR', destinationGuid: '5029FFFF-0000-4000-8000-000000000001', groupName: 'RG1', statusCode: 1,
      status: 'IN_SYNC', failoverStatus: 'NONE', lastSyncedBackupJobId: 1426069, syncedTill: iso(1767314036),
      lastReplicationAt: iso(1767315000), lastReplicationJobId: 1426112, lastSuccessfulReplicationJobId: 1426100,
      destinationHypervisorName: 'vcenter-dr',
      // Found by its GUID in GET /VM.
      sourceVirtualMachine: { clientId: 77, name: 'app01' },
    });
    expect(lagSeconds).toBeGreaterThanOrEqual(Math.floor(before / 1000) - 1767314036);
    expect(lagSeconds).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) - 1767314036);
    expect(continuous).toEqual({
      pairId: 31, kind: 'CONTINUOUS', name: 'db01', sourceGuid: '5029A1B2-0000-4000-8000-000000000002', sourceClientId: 78,
      destinationName: 'db01_DR', destinationGuid: '5029EEEE-0000-4000-8000-000000000002', groupName: 'BLR-app', statusCode: 8,
      status: 'PROBLEM', failoverStatus: null, lastSyncedBackupJobId: null, syncedTill: null, lastReplicationAt: null,
      lastReplicationJobId: null, lastSuccessfulReplicationJobId: null, lagSeconds: 12, destinationHypervisorName: null,
      // Client 78 is not a VM of GET /VM.
      sourceVirtualMachine: null,
    });
    expect(fx.fake.calls('GET /Replications/Monitors/streaming').at(-1)?.query).toEqual([['subclientId', '0']]);
  });
});
