import type { JobStatus } from '../datasources/domain.js';
import { byStartDescending, isBackup, isSuccessful, isUnsuccessful, type MonitoredJob } from './jobs.js';

/** Why a workload counts as unprotected: what the operator looks at next. */
export enum ProtectionGap {
  /** Backups ran in the window and at least one failed or was killed; none succeeded. Look at the job errors. */
  BACKUPS_FAILING = 'BACKUPS_FAILING',
  /** No backup in the window succeeded or failed: none ran (or they are still running). Look at schedule, plan, client. */
  NO_BACKUPS = 'NO_BACKUPS',
}

export interface UnprotectedFinding<W> {
  workload: W;
  gap: ProtectionGap;
  /** Backups of the workload started in the window that failed or were killed. */
  failedBackupCount: number;
}

/** Which of a product's jobs are backups of a workload (Commvault: job type `Backup`; a console: its capture job classes). */
export type BackupJobTest = (job: Pick<MonitoredJob, 'jobType'>) => boolean;

/**
 * Workloads without a successful backup started at or after `cutoff`. A backup counts by its start
 * time (the recovery point it captures is the data as of then), and succeeds when COMPLETED or
 * COMPLETED_WITH_ERRORS (see isSuccessful). Non-backup jobs (`isBackupJob`, default Commvault's
 * `Backup` type) and jobs before the cutoff are ignored, so callers may pass a superset. Findings keep
 * the workloads' order.
 */
export function findUnprotected<W, J extends MonitoredJob, K extends number | string>(
  workloads: readonly W[],
  workloadIdOf: (workload: W) => K,
  backups: Iterable<J>,
  jobWorkloadIdOf: (job: J) => K | null,
  cutoff: Date,
  isBackupJob: BackupJobTest = isBackup,
): Array<UnprotectedFinding<W>> {
  const protectedIds = new Set<K>();
  const failed = new Map<K, number>();
  for (const [id, job] of backupsInWindow(backups, jobWorkloadIdOf, cutoff, isBackupJob)) {
    if (isSuccessful(job.status)) protectedIds.add(id);
    else if (isUnsuccessful(job.status)) failed.set(id, (failed.get(id) ?? 0) + 1);
  }
  const out: Array<UnprotectedFinding<W>> = [];
  for (const workload of workloads) {
    const id = workloadIdOf(workload);
    if (protectedIds.has(id)) continue;
    const failedBackupCount = failed.get(id) ?? 0;
    out.push({ workload, gap: failedBackupCount > 0 ? ProtectionGap.BACKUPS_FAILING : ProtectionGap.NO_BACKUPS, failedBackupCount });
  }
  return out;
}

/** What a workload's backup history says: its last successful backup and its last backup job of any outcome. */
export interface BackupFacts<J> {
  /** Start of the newest successful backup: the recovery point it holds. */
  lastSuccessfulBackupAt: Date | null;
  lastJob: J | null;
  lastJobStatus: JobStatus | null;
}

export function backupFacts<J extends MonitoredJob>(history: readonly J[], isBackupJob: BackupJobTest = isBackup): BackupFacts<J> {
  const backups = history.filter((j) => isBackupJob(j)).sort(byStartDescending);
  const lastSuccess = backups.find((j) => isSuccessful(j.status) && j.startedAt !== null);
  const lastJob = backups[0] ?? null;
  return { lastSuccessfulBackupAt: lastSuccess?.startedAt ?? null, lastJob, lastJobStatus: lastJob?.status ?? null };
}

/** The order unprotected workloads are listed in within one upstream: by name, case-insensitively (ties: the caller's id order). */
export function byWorkloadName(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });
}

/** A workload with a successful backup in the window, and the start of its newest one. */
export interface ProtectedFinding<W> {
  workload: W;
  lastSuccessfulBackupAt: Date;
}

/** The workloads of one upstream split three ways, each in the workloads' order. */
export interface ProtectionClassification<W> {
  /** Newest successful backup started at or after `staleCutoff`. */
  protected: Array<ProtectedFinding<W>>;
  /** Newest successful backup started in [cutoff, staleCutoff): protected by the window, but aging. */
  stale: Array<ProtectedFinding<W>>;
  /** No successful backup since `cutoff` (findUnprotected). */
  unprotected: Array<UnprotectedFinding<W>>;
}

/**
 * `protectionSummary`'s split (docs/schema.md, "Aging and protection summaries, DDB Backup"): the same
 * rule and inputs as findUnprotected — backups counted by start, COMPLETED or COMPLETED_WITH_ERRORS a
 * success — with the workloads it leaves protected told apart by how recent their newest success is.
 * `staleCutoff` must not be before `cutoff`.
 */
export function classifyProtection<W, J extends MonitoredJob, K extends number | string>(
  workloads: readonly W[],
  workloadIdOf: (workload: W) => K,
  backups: Iterable<J>,
  jobWorkloadIdOf: (job: J) => K | null,
  cutoff: Date,
  staleCutoff: Date,
  isBackupJob: BackupJobTest = isBackup,
): ProtectionClassification<W> {
  const all = [...backups];
  const unprotected = findUnprotected(workloads, workloadIdOf, all, jobWorkloadIdOf, cutoff, isBackupJob);
  const newest = new Map<K, Date>();
  for (const [id, job] of backupsInWindow(all, jobWorkloadIdOf, cutoff, isBackupJob)) {
    const seen = newest.get(id);
    if (isSuccessful(job.status) && (!seen || seen.getTime() < job.startedAt.getTime())) newest.set(id, job.startedAt);
  }
  const out: ProtectionClassification<W> = { protected: [], stale: [], unprotected };
  for (const workload of workloads) {
    const at = newest.get(workloadIdOf(workload));
    if (!at) continue;
    (at.getTime() >= staleCutoff.getTime() ? out.protected : out.stale).push({ workload, lastSuccessfulBackupAt: at });
  }
  return out;
}

/** The backups of a workload started at or after `cutoff`, with the workload's id. */
function* backupsInWindow<J extends MonitoredJob, K>(
  backups: Iterable<J>,
  jobWorkloadIdOf: (job: J) => K | null,
  cutoff: Date,
  isBackupJob: BackupJobTest,
): Generator<[K, J & { startedAt: Date }]> {
  for (const job of backups) {
    const id = jobWorkloadIdOf(job);
    if (id !== null && isBackupJob(job) && job.startedAt !== null && job.startedAt.getTime() >= cutoff.getTime()) yield [id, job as J & { startedAt: Date }];
  }
}
