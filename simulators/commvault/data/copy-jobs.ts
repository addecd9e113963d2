import type { CommvaultDataset, Job, StoragePolicyCopy } from './types.js';

const DAY = 86_400;

/** What job operations set on one job of one storage policy copy (`POST /V4/Plan/BackupDestination/JobOperations`). */
export interface CopyJobState {
  /** Retained by a user: until this Unix second, or with no end (0). */
  userRetainUntil: number | null;
  /** DISALLOW_COPY / DISALLOW_COPY_ALL clear it, ALLOW_COPY sets it again. */
  copyAllowed: boolean;
  /** Pruned from the copy by a data aging run (data/aging.ts). */
  aged: boolean;
}

/** Per dataset (so per simulator), per `copyId:jobId`; a job no operation touched has no entry. */
const STATES = new WeakMap<CommvaultDataset, Map<string, CopyJobState>>();

/** The job's state on the copy without creating one: a job no operation touched has the defaults. */
export function peekCopyJobState(data: CommvaultDataset, copyId: number, jobId: number): CopyJobState | undefined {
  return STATES.get(data)?.get(`${copyId}:${jobId}`);
}

export function copyJobState(data: CommvaultDataset, copyId: number, jobId: number): CopyJobState {
  let states = STATES.get(data);
  if (!states) STATES.set(data, (states = new Map()));
  const key = `${copyId}:${jobId}`;
  let state = states.get(key);
  if (!state) states.set(key, (state = { userRetainUntil: null, copyAllowed: true, aged: false }));
  return state;
}

/** When the copy's basic retention lets the job age: its end plus the copy's retention days. */
export function basicRetainUntil(job: Job, copy: StoragePolicyCopy): number {
  return job.endTime > 0 ? job.endTime + copy.retentionDays * DAY : 0;
}

const FULL_LEVELS: ReadonlySet<string> = new Set(['Full', 'Synthetic Full']);

/**
 * Backups that depend on `job`: for a full, the later backups of its subclient up to the next full (the
 * chain it starts). Derived from the seeded history, so deterministic per seed.
 */
export function dependentJobs(data: CommvaultDataset, job: Job): Job[] {
  if (job.jobType !== 'Backup' || !FULL_LEVELS.has(job.backupLevel ?? '')) return [];
  const out: Job[] = [];
  for (const later of data.jobs) {
    if (later.jobId <= job.jobId || later.subclientId !== job.subclientId || later.jobType !== 'Backup') continue;
    if (FULL_LEVELS.has(later.backupLevel ?? '')) break;
    out.push(later);
  }
  return out;
}

/**
 * The archiver jobs linked to `job`: seeded for every finished full backup whose id is a multiple of 5,
 * linked to the first aux copy that started after it ended (the simulator's choice of link).
 */
export function archiverJobs(data: CommvaultDataset, job: Job): Job[] {
  if (job.jobType !== 'Backup' || !FULL_LEVELS.has(job.backupLevel ?? '') || job.endTime === 0 || job.jobId % 5 !== 0) return [];
  const aux = data.jobs.find((j) => j.jobType === 'Aux Copy' && j.startTime > job.endTime);
  return aux ? [aux] : [];
}
