import type { Prng } from '../../common/prng.js';
import type {
  Job, MediaAgent, SimHypervisor, SimReplicationGroup, SimReplicationPair, SimSnapConfig, SimStorageArray, SimVirtualMachine,
} from './types.js';

export interface ArraysAndReplication {
  storageArrays: SimStorageArray[];
  replicationGroups: SimReplicationGroup[];
  replicationPairs: SimReplicationPair[];
}

const ARRAY_VENDORS: ReadonlyArray<{ vendorName: string; vendorId: number; prefix: string; arrayType: number }> = [
  { vendorName: 'Pure Storage FlashArray', vendorId: 22, prefix: 'pure', arrayType: 0 },
  { vendorName: 'NetApp', vendorId: 2, prefix: 'netapp', arrayType: 2 },
  { vendorName: 'Dell EMC PowerStore', vendorId: 51, prefix: 'pstore', arrayType: 0 },
];

/** Snap configurations every array of the demo carries; values vary per array. */
const SNAP_CONFIGS: ReadonlyArray<Omit<SimSnapConfig, 'value' | 'enabled'> & { values: readonly string[] }> = [
  { masterConfigId: 12, name: 'Use devices for clones', type: 1, values: ['true', 'false'] },
  { masterConfigId: 14, name: 'Mount Retry Interval (in minutes)', type: 2, values: ['2', '5'] },
  { masterConfigId: 31, name: 'Replication support', type: 1, values: ['true', 'false'] },
  { masterConfigId: 47, name: 'Snapshot retention (in days)', type: 2, values: ['7', '14', '30'] },
];

/**
 * IntelliSnap arrays and VM replication, drawn from their own generator after everything else (the rest
 * of the seed stays as it was). Consistent with the other data: an array's access nodes are MediaAgents;
 * a replication group replicates VMs of one seeded hypervisor to another (or to itself when there is one);
 * a pair's source is a seeded VM and a periodic pair is synced from that VM's last backup job.
 */
export function makeArraysAndReplication(
  random: Prng,
  nowS: number,
  mediaAgents: readonly MediaAgent[],
  hypervisors: readonly SimHypervisor[],
  vms: readonly SimVirtualMachine[],
  jobs: readonly Job[],
): ArraysAndReplication {
  const out: ArraysAndReplication = { storageArrays: [], replicationGroups: [], replicationPairs: [] };
  const count = Math.min(ARRAY_VENDORS.length, Math.max(2, mediaAgents.length - 1));
  for (let i = 0; i < count; i++) {
    const vendor = ARRAY_VENDORS[i]!;
    const nodes = mediaAgents.filter(() => random.chance(0.6));
    const accessNodes = nodes.length > 0 ? nodes : [random.pick(mediaAgents)];
    const name = `${vendor.prefix}0${i + 1}`;
    out.storageArrays.push({
      arrayId: 3 + i,
      name,
      vendorName: vendor.vendorName,
      vendorId: vendor.vendorId,
      controlHost: `${name}.corp.example.com`,
      userName: vendor.arrayType === 2 ? 'vsadmin' : 'cvsnap',
      arrayType: vendor.arrayType,
      // 8: auto created for one of them, as discovery does.
      flags: i === count - 1 ? 8 : 0,
      description: `${vendor.vendorName} array for IntelliSnap`,
      region: '',
      uniqueIdentifier: random.hex(16).toUpperCase(),
      accessNodeIds: accessNodes.map((m) => m.mediaAgentId),
      pruningNodeIds: accessNodes.slice(0, 1).map((m) => m.mediaAgentId),
      snapConfigs: SNAP_CONFIGS.map((c) => ({
        masterConfigId: c.masterConfigId,
        name: c.name,
        type: c.type,
        value: random.pick(c.values),
        enabled: random.chance(0.8),
      })),
    });
  }

  const jobById = new Map(jobs.map((j) => [j.jobId, j]));
  let pairId = 31;
  hypervisors.forEach((source, i) => {
    const destination = hypervisors[(i + 1) % hypervisors.length]!;
    const candidates = vms.filter((v) => v.hypervisorId === source.clientId && v.backupJobId !== null);
    if (candidates.length === 0) return;
    const kinds: Array<SimReplicationGroup['kind']> = i === 0 && candidates.length > 2 ? ['PERIODIC', 'CONTINOUS'] : ['PERIODIC'];
    let offset = 0;
    for (const kind of kinds) {
      const groupId = 7 + out.replicationGroups.length;
      const members = candidates.slice(offset, offset + (kind === 'PERIODIC' ? random.int(2, 3) : 1));
      offset += members.length;
      if (members.length === 0) continue;
      out.replicationGroups.push({
        groupId,
        taskId: 80 + groupId,
        name: `${kind === 'PERIODIC' ? 'DR' : 'LiveDR'}-${source.instanceName}-${groupId}`,
        kind,
        sourceHypervisorId: source.clientId,
        destinationHypervisorId: destination.clientId,
        state: 'ENABLED',
      });
      for (const vm of members) {
        const job = jobById.get(vm.backupJobId!);
        const roll = random.next();
        const synced = kind === 'PERIODIC' ? roll < 0.7 : roll < 0.8;
        const restoreEnd = job && job.endTime > 0 ? Math.min(nowS, job.endTime + random.int(300, 3600)) : 0;
        out.replicationPairs.push({
          pairId: pairId++,
          groupId,
          sourceVmClientId: vm.clientId,
          destinationName: `${vm.name}_DR`,
          destinationGuid: random.guid().toUpperCase(),
          // Periodic: 1 IN_SYNC, else 2 NEEDS_SYNC or 5 SYNC_FAILED; continuous: 4 REPLICATING or 8 PROBLEM.
          status: kind === 'PERIODIC' ? (synced ? 1 : random.pick([2, 5])) : synced ? 4 : 8,
          failoverStatus: 0,
          lastSyncedBackupJobId: kind === 'PERIODIC' && synced && job ? job.jobId : 0,
          syncedTill: kind === 'PERIODIC' && synced && job ? job.endTime : 0,
          lastRestoreTime: kind === 'PERIODIC' && synced ? restoreEnd : 0,
          lagSeconds: kind === 'CONTINOUS' ? (synced ? random.int(2, 30) : random.int(900, 7200)) : 0,
        });
      }
    }
  });
  return out;
}
