import { eachKey, fromList, groupedLoader, type InstanceKey, type KeyedLoader } from '../../loaders/instance-loader.js';
import type { JobDetailRecord } from '../job-detail.js';
import type { CommvaultSource } from './commvault-source.js';
import type { IdKey } from './loaders.js';
import { isBackedUp } from './mappers/virtualization.js';
import type { CvHypervisor, CvVirtualMachine } from './virtualization-model.js';

/** A job-detail key: whether the job has finished picks the TTL its detail is cached for. */
export interface JobDetailKey extends IdKey {
  finished: boolean;
}

/** How many VMs one hypervisor holds, by protection. */
export interface HypervisorVmCounts {
  total: number;
  protected: number;
}

/** The per-request loaders of hypervisors, VMs and job details (one CommServe list call each, or one detail per job). */
export interface VirtualizationLoaders {
  /** From `GET /V4/Hypervisor` (one cached call per CommServe). */
  hypervisorById: KeyedLoader<IdKey, CvHypervisor | null>;
  /** From `GET /VM` (one cached call per CommServe), by the VM's client id. */
  virtualMachineById: KeyedLoader<IdKey, CvVirtualMachine | null>;
  /** Counted over `GET /VM` (the same cached call), by the hypervisor's (pseudo-client's) id. */
  vmCountsByHypervisorId: KeyedLoader<IdKey, HypervisorVmCounts>;
  /** `POST /JobDetails` per job, cached for the finished-job TTL once the job has finished. */
  jobDetailById: KeyedLoader<JobDetailKey, JobDetailRecord | null>;
}

const byId = (k: IdKey): string => String(k.id);
const keyId = (k: IdKey): number => k.id;
const hypervisorIdOf = (h: CvHypervisor): number => h.hypervisorId;
const vmClientIdOf = (v: CvVirtualMachine): number => v.clientId;

export function createVirtualizationLoaders(pick: (instanceId: string) => CommvaultSource): VirtualizationLoaders {
  const loader = <K extends InstanceKey, V>(cacheKey: (key: K) => string, batch: (s: CommvaultSource, keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>) =>
    groupedLoader(pick, cacheKey, batch);
  return {
    hypervisorById: loader(byId, fromList((s: CommvaultSource) => s.listHypervisors(), hypervisorIdOf, keyId)),
    virtualMachineById: loader(byId, fromList((s: CommvaultSource) => s.listVirtualMachines(), vmClientIdOf, keyId)),
    vmCountsByHypervisorId: loader(byId, async (s: CommvaultSource, keys: readonly IdKey[]) => {
      const counts = new Map<number, HypervisorVmCounts>();
      for (const vm of await s.listVirtualMachines()) {
        if (!vm.hypervisor) continue;
        const c = counts.get(vm.hypervisor.id) ?? { total: 0, protected: 0 };
        c.total++;
        if (vm.protection !== null && isBackedUp(vm.protection)) c.protected++;
        counts.set(vm.hypervisor.id, c);
      }
      return keys.map((k) => counts.get(k.id) ?? { total: 0, protected: 0 });
    }),
    jobDetailById: loader(
      (k: JobDetailKey) => `${k.id}:${k.finished ? 'f' : 'a'}`,
      eachKey((s: CommvaultSource, k: JobDetailKey) => s.getJobDetail(k.id, k.finished)),
    ),
  };
}
