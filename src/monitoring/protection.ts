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
  const since = cutoff.getTime();
  const protectedIds = new Set<K>();
  const failed = new Map<K, number>();
  for (const job of backups) {
    const id = jobWorkloadIdOf(job);
    if (id === null || !isBackupJob(job) || job.startedAt === null || job.startedAt.getTime() < since) continue;
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
