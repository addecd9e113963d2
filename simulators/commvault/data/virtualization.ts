import type { Prng } from '../../common/prng.js';
import type { Inventory } from './inventory.js';
import { APP, type Client, type Company, type Job, type SimHypervisor, type SimVirtualMachine, type SimVmStatus } from './types.js';

export interface Virtualization {
  hypervisors: SimHypervisor[];
  virtualMachines: SimVirtualMachine[];
  /** The VMs' clients, to append to the dataset's clients. */
  vmClients: Client[];
}

/** VM client ids start here, clear of the workload clients' ids. */
const FIRST_VM_CLIENT_ID = 5001;
const GB = 1024 ** 3;
const WINDOWS_GUESTS = ['Microsoft Windows Server 2019 (64-bit)', 'Microsoft Windows Server 2022 (64-bit)'];
const LINUX_GUESTS = ['Red Hat Enterprise Linux 8 (64-bit)', 'Ubuntu Linux (64-bit)'];

/**
 * Hypervisors and their VMs, drawn after everything else from their own generator so the rest of the
 * seed stays as it was. Consistent with the other data: a VM's hypervisor is a client with the Virtual
 * Server agent, its VM group one of that client's Virtual Server subclients, its last backup the newest
 * successful backup job of that subclient, and the VM itself a client.
 */
export function makeVirtualization(random: Prng, inv: Inventory, jobs: readonly Job[], companies: readonly Company[]): Virtualization {
  const out: Virtualization = { hypervisors: [], virtualMachines: [], vmClients: [] };
  const clientById = new Map(inv.clients.map((c) => [c.clientId, c]));
  const domainOf = new Map(companies.map((c) => [c.companyId, c.domain]));
  const lastGood = newestSuccessfulBackups(jobs);
  let clientId = FIRST_VM_CLIENT_ID;
  for (const instance of inv.instances.filter((i) => i.applicationId === APP.virtualServer.applicationId)) {
    const hv = clientById.get(instance.clientId);
    if (!hv) continue;
    const vmware = instance.instanceName === 'VMware';
    out.hypervisors.push({
      clientId: hv.clientId,
      vendor: vmware ? 'VMW' : 'MICROSOFT',
      version: vmware ? random.pick(['7.0.3', '8.0.2']) : '10.0.20348',
      instanceId: instance.instanceId,
      instanceName: instance.instanceName,
    });
    const groups = inv.subclients.filter((s) => s.instanceId === instance.instanceId);
    const count = random.int(3, 9);
    for (let n = 1; n <= count; n++) {
      const name = `${hv.clientName}-vm${String(n).padStart(2, '0')}`;
      const windows = random.chance(0.6);
      const guestOs = random.pick(windows ? WINDOWS_GUESTS : LINUX_GUESTS);
      const sizeBytes = random.int(40, 500) * GB;
      const usedBytes = Math.round(sizeBytes * random.float(0.2, 0.9));
      // A few VMs are only discovered (in no VM group), a few more in a group but never backed up yet.
      const discovered = random.chance(0.05);
      const neverBackedUp = !discovered && random.chance(0.1);
      const group = discovered ? null : random.pick(groups);
      const job = group && !neverBackedUp ? (lastGood.get(group.subclientId) ?? null) : null;
      const status: SimVmStatus = discovered ? 5 : job === null ? 2 : job.status === 'Completed' ? 1 : 4;
      const vm: SimVirtualMachine = {
        clientId: clientId++,
        name,
        guid: random.guid().toUpperCase(),
        hypervisorId: hv.clientId,
        subclientId: group?.subclientId ?? null,
        guestOs,
        osType: windows ? 1 : 2,
        host: vmware ? `esx${String(random.int(1, 8)).padStart(2, '0')}.${domainOf.get(hv.companyId) ?? 'example'}` : hv.hostName,
        sizeBytes,
        usedBytes,
        guestBytes: Math.round(usedBytes * random.float(0.8, 1)),
        status,
        backupJobId: job?.jobId ?? null,
      };
      out.virtualMachines.push(vm);
      out.vmClients.push({
        clientId: vm.clientId,
        clientName: name,
        displayName: name,
        hostName: `${name}.${domainOf.get(hv.companyId) ?? 'example'}`,
        clientGUID: vm.guid,
        companyId: hv.companyId,
        companyName: hv.companyName,
        os: windows ? 'Windows' : 'Linux',
        osName: guestOs,
        version: hv.version,
        isInfrastructure: false,
        online: true,
        description: '',
      });
    }
  }
  return out;
}

/** Newest Completed (or completed with errors or warnings) backup job per subclient. */
function newestSuccessfulBackups(jobs: readonly Job[]): Map<number, Job> {
  const out = new Map<number, Job>();
  for (const job of jobs) {
    if (job.jobType !== 'Backup' || !job.status.startsWith('Completed')) continue;
    const prev = out.get(job.subclientId);
    if (!prev || prev.jobId < job.jobId) out.set(job.subclientId, job);
  }
  return out;
}
