import { eachKey, groupedLoader, type InstanceKey, type KeyedLoader } from '../../loaders/instance-loader.js';
import type { CvReplicationPair, CvStorageArrayDetail } from './arrays-replication-model.js';
import type { CommvaultSource } from './commvault-source.js';
import type { IdKey } from './loaders.js';
import type { CvVirtualMachine } from './virtualization-model.js';

/** A key by name (a replication group's, a VM's UUID) within one CommServe. */
export interface NameKey extends InstanceKey {
  name: string;
}

/** The per-request loaders of array details, replication pairs by group and VMs by UUID. */
export interface ArraysReplicationLoaders {
  /** `GET /V4/StorageArrays/{id}` per array. */
  storageArrayDetailById: KeyedLoader<IdKey, CvStorageArrayDetail | null>;
  /** The pairs of a replication group, by the group's name (the monitors name groups by name only): one read of both monitors per CommServe. */
  pairsByGroupName: KeyedLoader<NameKey, CvReplicationPair[]>;
  /** A VM by its UUID (case-insensitive), from the cached `GET /VM`. */
  virtualMachineByUuid: KeyedLoader<NameKey, CvVirtualMachine | null>;
}

const byName = (k: NameKey): string => k.name.toLowerCase();

export function createArraysReplicationLoaders(pick: (instanceId: string) => CommvaultSource): ArraysReplicationLoaders {
  return {
    storageArrayDetailById: groupedLoader(pick, (k: IdKey) => String(k.id), eachKey((s: CommvaultSource, k: IdKey) => s.getStorageArray(k.id))),
    pairsByGroupName: groupedLoader(pick, byName, async (s: CommvaultSource, keys: readonly NameKey[]) => {
      const pairs = await s.listReplicationPairs();
      return keys.map((k) => pairs.filter((p) => p.groupName?.toLowerCase() === k.name.toLowerCase()));
    }),
    virtualMachineByUuid: groupedLoader(pick, byName, async (s: CommvaultSource, keys: readonly NameKey[]) => {
      const vms = new Map((await s.listVirtualMachines()).filter((v) => v.uuid).map((v) => [v.uuid!.toLowerCase(), v]));
      return keys.map((k) => vms.get(k.name.toLowerCase()) ?? null);
    }),
  };
}
