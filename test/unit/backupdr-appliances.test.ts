import { describe, expect, it } from 'vitest';
import { applianceDiskUse } from '../../src/datasources/backupdr/appliances.js';
import { toCluster, toDiskPool } from '../../src/datasources/backupdr/mappers/storage.js';
import type { BdrDiskPool } from '../../src/datasources/backupdr/model.js';
import { upstreamRef } from '../../src/datasources/record.js';
import { toGlobalId } from '../../src/util/global-id.js';

/**
 * Appliances in the console's real shape (docs/upstreams/backupdr-infrastructure.md §1): every key of the API
 * spec's ClusterRest the graph shows, `clusterstatus` as ClusterStatusRest. The ids, name and address are
 * the ones AGMPowerCLI's usage examples print for a real appliance; the rest are values of the declared types.
 */
const UP = upstreamRef('bdr-fix', 'backupdr');
const MB = 1024 * 1024;

const CLUSTER = {
  '@type': 'clusterRest', id: '7188', href: 'https://bmc-1-x-dot-asia-southeast1.backupdr.googleusercontent.com/actifio/cluster/7188',
  clusterid: '142700167048', name: 'backup-server-29736', type: 'Sky', ipaddress: '10.68.0.3', publicip: '', rmipaddress: [],
  version: '11.0.5.421', systemversion: '11.0.5', timezone: 'Asia/Singapore', lastsync: 1668588377000000, datacenter: '',
  description: 'primary appliance', supportstatus: 'supported', region: 'asia-southeast1', zone: 'asia-southeast1-b',
  projectid: 'avwservicelab1', serviceaccount: 'ba@avwservicelab1.iam.gserviceaccount.com', secureconnect: true, pkiBootstrapped: true,
  batype: '', machineType: 'e2-standard-16', masterid: '', importstatus: '', protocol: 2, syncdate: 1668588400000000, stale: false,
  clusterstatus: {
    accessible: true, vdiskcount: 312, vdisklimit: 4000, vdiskcolor: 'green', localsnapshotcolor: 'yellow', localdedupcolor: 'green',
    remoteprotectioncolor: 'green', copydata: 5242880,
  },
};

describe('appliances in the real shape', () => {
  it('maps every ClusterRest field the graph shows, and ClusterStatusRest', () => {
    expect(toCluster(CLUSTER, UP)).toEqual({
      __typename: 'BackupDrAppliance',
      id: toGlobalId('BackupDrAppliance', 'bdr-fix', '7188'),
      upstream: UP,
      consoleId: '7188',
      applianceId: '142700167048',
      name: 'backup-server-29736',
      type: 'Sky',
      ipAddress: '10.68.0.3',
      version: '11.0.5.421',
      timezone: 'Asia/Singapore',
      region: 'asia-southeast1',
      zone: 'asia-southeast1-b',
      projectId: 'avwservicelab1',
      description: 'primary appliance',
      supportStatus: 'supported',
      lastSyncAt: new Date(1668588377000),
      syncedAt: new Date(1668588400000),
      stale: false,
      status: 'online',
      accessible: true,
      reachable: true,
      vdiskCount: 312,
      vdiskLimit: 4000,
      vdiskColor: 'green',
      localSnapshotColor: 'yellow',
      localDedupColor: 'green',
      remoteProtectionColor: 'green',
      copyData: 5242880,
    });
  });

  it('is unreachable when the console cannot access it or could not sync it; unknown without either', () => {
    const notAccessible = toCluster({ ...CLUSTER, clusterstatus: { ...CLUSTER.clusterstatus, accessible: false } }, UP);
    expect(notAccessible).toMatchObject({ reachable: false, accessible: false, status: 'unreachable' });
    const stale = toCluster({ ...CLUSTER, stale: true }, UP);
    expect(stale).toMatchObject({ reachable: false, accessible: true, status: 'unreachable' });
    const { clusterstatus: _omitted, stale: _s, ...bare } = CLUSTER;
    expect(toCluster(bare, UP)).toMatchObject({ reachable: null, accessible: null, status: null, vdiskCount: null, copyData: null });
    // Booleans sent as strings, as the console does in places (docs/upstreams/backupdr.md §6.2).
    expect(toCluster({ ...CLUSTER, stale: 'false', clusterstatus: { accessible: 'false' } }, UP)).toMatchObject({ reachable: false });
  });
});

describe('an appliance\'s disk use', () => {
  const pool = (id: string, capacity_mb: number, usage_mb: number, pooltype: string): BdrDiskPool =>
    toDiskPool({ id, name: `pool-${id}`, pooltype, capacity_mb, usage_mb, free_mb: Math.max(0, capacity_mb - usage_mb), cluster: { id: '7188', clusterid: '142700167048' } }, UP)!;

  it('sums the pools with a capacity, and counts OnVault pools (capacity 0) apart', () => {
    const use = applianceDiskUse([pool('1', 1000, 900, 'perf'), pool('2', 3000, 600, 'dedup'), pool('3', 0, 5000, 'vault')]);
    expect(use).toEqual({
      poolCount: 3,
      capacityBytes: 4000 * MB,
      usedBytes: 1500 * MB,
      freeBytes: 2500 * MB,
      freePercent: 62.5,
      unboundedUsedBytes: 5000 * MB,
    });
  });

  it('is unknown, not zero, for an appliance without pools', () => {
    expect(applianceDiskUse([])).toEqual({ poolCount: 0, capacityBytes: null, usedBytes: null, freeBytes: null, freePercent: null, unboundedUsedBytes: null });
  });
});
