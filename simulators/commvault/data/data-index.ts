import type {
  Agent, Backupset, Client, CommvaultDataset, DdbStore, Instance, Job, Library, MediaAgent, Plan, SimEvent, StoragePolicy, StoragePool, Subclient,
} from './types.js';

/** Lookups over the dataset, kept in step when the API adds or changes jobs. */
export class DataIndex {
  readonly clients: Map<number, Client>;
  readonly instances: Map<number, Instance>;
  readonly backupsets: Map<number, Backupset>;
  readonly subclients: Map<number, Subclient>;
  readonly agentsByClient = new Map<number, Agent[]>();
  readonly backupsetsByClient = new Map<number, Backupset[]>();
  readonly subclientsByClient = new Map<number, Subclient[]>();
  readonly mediaAgents: Map<number, MediaAgent>;
  readonly libraries: Map<number, Library>;
  readonly pools: Map<number, StoragePool>;
  readonly policies: Map<number, StoragePolicy>;
  readonly plans: Map<number, Plan>;
  readonly ddbStores: Map<number, DdbStore>;
  readonly events: Map<number, SimEvent>;
  readonly jobs = new Map<number, Job>();
  /** Latest finished backup per subclient (`lastBackupJobInfo`). */
  readonly lastBackup = new Map<number, Job>();

  constructor(readonly data: CommvaultDataset) {
    this.clients = byId(data.clients, (c) => c.clientId);
    this.instances = byId(data.instances, (i) => i.instanceId);
    this.backupsets = byId(data.backupsets, (b) => b.backupsetId);
    this.subclients = byId(data.subclients, (s) => s.subclientId);
    this.mediaAgents = byId(data.mediaAgents, (m) => m.mediaAgentId);
    this.libraries = byId(data.libraries, (l) => l.libraryId);
    this.pools = byId(data.storagePools, (p) => p.storagePoolId);
    this.policies = byId(data.storagePolicies, (p) => p.storagePolicyId);
    this.plans = byId(data.plans, (p) => p.planId);
    this.ddbStores = byId(data.ddbStores, (d) => d.storeId);
    this.events = byId(data.events, (e) => e.id);
    for (const a of data.agents) push(this.agentsByClient, a.clientId, a);
    for (const b of data.backupsets) push(this.backupsetsByClient, b.clientId, b);
    for (const s of data.subclients) push(this.subclientsByClient, s.clientId, s);
    for (const j of data.jobs) this.track(j);
  }

  /** Highest job id ever issued: a deleted job's id is not given again. */
  private maxJobId = 0;

  nextJobId(): number {
    const last = this.data.jobs[this.data.jobs.length - 1];
    return Math.max(last?.jobId ?? 1_420_000, this.maxJobId) + 1;
  }

  /** A job deleted through the API: gone from the dataset and every lookup. */
  removeJob(job: Job): void {
    const at = this.data.jobs.indexOf(job);
    if (at >= 0) this.data.jobs.splice(at, 1);
    this.jobs.delete(job.jobId);
    if (this.lastBackup.get(job.subclientId) === job) this.lastBackup.delete(job.subclientId);
  }

  addJob(job: Job): void {
    this.data.jobs.push(job);
    this.track(job);
  }

  /** Call after changing a job's status in place. */
  track(job: Job): void {
    this.jobs.set(job.jobId, job);
    this.maxJobId = Math.max(this.maxJobId, job.jobId);
    if (job.jobType === 'Backup' && job.endTime > 0) {
      const prev = this.lastBackup.get(job.subclientId);
      if (!prev || prev.jobId < job.jobId) this.lastBackup.set(job.subclientId, job);
    }
  }
}

function byId<T>(items: T[], id: (t: T) => number): Map<number, T> {
  return new Map<number, T>(items.map((t) => [id(t), t]));
}

function push<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
