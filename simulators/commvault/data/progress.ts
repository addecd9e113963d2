import type { DataIndex } from './data-index.js';
import type { Job, JobType } from './types.js';

const GB = 1024 ** 3;

type Phases = ReadonlyArray<readonly [number, string]>;

/** Phases a started job reports (`currentPhaseName`) by share of its run, per job type. */
const PHASES: Readonly<Record<JobType, Phases>> = {
  Backup: [
    [0.1, 'Scan'],
    [0.9, 'Backup'],
    [1, 'Archive Index'],
  ],
  Restore: [[1, 'Restore']],
  'Aux Copy': [[1, 'Auxiliary Copy']],
  'Data Aging': [[1, 'Data Aging']],
  'DR Backup': [[0.6, 'Export'], [1, 'Backup']],
  'Data Verification': [[1, 'Data Verification']],
  'DDB Space Reclamation': [[0.3, 'Data Verification'], [1, 'Defragmentation']],
  'DDB Reconstruction': [[0.2, 'Restore DDB'], [1, 'Add Records']],
};

/** Only backups and restores move files; administrative jobs copy, prune or index data: they count none. */
const COUNTS_FILES: Readonly<Record<JobType, boolean>> = {
  Backup: true,
  Restore: true,
  'Aux Copy': false,
  'Data Aging': false,
  'DR Backup': false,
  'Data Verification': false,
  'DDB Space Reclamation': false,
  'DDB Reconstruction': false,
};

function phasesOf(job: Job): Phases {
  return PHASES[job.jobType];
}

interface Live {
  job: Job;
  /** Running time the job needs in all, ms. */
  durationMs: number;
  /** Running time so far, ms (time Suspended does not count). */
  ranMs: number;
  lastTickMs: number;
  /** Bytes it will have read when done. */
  totalBytes: number;
  /** Seeded fault: the job ends Failed at this share of its run (a client that is offline). */
  failAt?: number;
}

/**
 * Jobs started through the API (backup, resubmit, restore, aux copy, data aging, DR backup, DDB
 * operations) progress over the simulator's clock: percentComplete, phase and sizes grow while the job
 * is Running, stop while it is Suspended, and the job ends Completed — or Failed when the client it
 * runs on is offline (the seed decides which are; a restore runs on its destination) — after its run
 * time. Data aging reads no data: its sizes stay 0. Killing a job ends it at once (the job-control
 * route). Advanced lazily, before every request is handled.
 */
export class JobProgress {
  private readonly live = new Map<number, Live>();
  /** Phase name per active started job, for `currentPhaseName`. */
  readonly phases = new Map<number, string>();

  constructor(
    private readonly index: DataIndex,
    private readonly nowMs: () => number,
    /** Run time of a started job, ms: uniformly within [min, max]. */
    private readonly durationMs: readonly [number, number],
  ) {}

  start(job: Job): void {
    const [min, max] = this.durationMs;
    // Deterministic per job id, so a seeded run is repeatable.
    const spread = ((job.jobId * 2654435761) % 1000) / 1000;
    const client = this.index.clients.get(job.destClientId ?? job.clientId);
    const now = this.nowMs();
    this.live.set(job.jobId, {
      job,
      durationMs: Math.max(1, Math.round(min + (max - min) * spread)),
      ranMs: 0,
      lastTickMs: now,
      totalBytes: job.jobType === 'Data Aging' ? 0 : Math.round((5 + spread * 45) * GB),
      failAt: client && !client.online ? 0.3 : undefined,
    });
    this.phases.set(job.jobId, PHASES[job.jobType][0][1]);
  }

  advance(): void {
    const now = this.nowMs();
    for (const [jobId, l] of this.live) {
      const { job } = l;
      if (job.status === 'Running') l.ranMs += now - l.lastTickMs;
      l.lastTickMs = now;
      if (job.status !== 'Running' && job.status !== 'Suspended') {
        // Killed (or otherwise ended) by a control call.
        this.live.delete(jobId);
        this.phases.delete(jobId);
        continue;
      }
      const share = Math.min(1, l.ranMs / l.durationMs);
      const nowS = Math.floor(now / 1000);
      if (l.failAt !== undefined && share >= l.failAt) {
        this.end(l, 'Failed', nowS);
        job.pendingReason = 'The client is not reachable: check that the Commvault services run on it.';
        continue;
      }
      job.percentComplete = Math.floor(share * 100);
      job.sizeOfApplication = Math.round(l.totalBytes * share);
      job.sizeOfMediaOnDisk = Math.round(job.sizeOfApplication * (1 - job.percentSavings / 100));
      job.totalNumOfFiles = COUNTS_FILES[job.jobType] ? Math.round(job.sizeOfApplication / (4 * 1024 * 1024)) : 0;
      if (job.status === 'Running') job.lastUpdateTime = nowS;
      const phases = PHASES[job.jobType];
      this.phases.set(jobId, (phases.find(([upTo]) => share < upTo) ?? phases[phases.length - 1])[1]);
      if (share >= 1) this.end(l, 'Completed', nowS);
    }
  }

  private end(l: Live, status: 'Completed' | 'Failed', nowS: number): void {
    const { job } = l;
    job.status = status;
    if (status === 'Completed') job.percentComplete = 100;
    job.endTime = Math.max(job.startTime, nowS);
    job.lastUpdateTime = job.endTime;
    // A DDB Backup done: each partition on its MediaAgent has a new last DDB backup (`lastSnapTime`).
    if (status === 'Completed' && this.index.subclients.get(job.subclientId)?.ddbBackup) {
      for (const store of this.index.ddbStores.values()) {
        for (const p of store.partitions) if (p.mediaAgentId === job.clientId) p.lastSnapTime = job.endTime;
      }
    }
    this.index.track(job);
    this.live.delete(job.jobId);
    this.phases.delete(job.jobId);
  }
}
