import { backupFacts } from '../../monitoring/protection.js';
import { isSuccessful } from '../../monitoring/jobs.js';
import type { CommvaultSource } from './commvault-source.js';
import type { CvJob } from './model.js';

/** Jobs per `POST /Jobs` page (the most a CommServe answers with in one page in practice). */
export const LAST_BACKUP_PAGE_SIZE = 1000;

/** Whose newest successful backup a walk settles: clients, or subclients (each of a known client). */
export interface BackupWalk {
  /** The clients whose backup jobs are read. */
  clientIds: readonly number[];
  /** The workloads to settle. */
  workloadIds: readonly number[];
  /** The workload a job belongs to (its client, or its subclient); null: none of them. */
  workloadOf(job: CvJob): number | null;
}

/**
 * The start of each workload's newest successful backup (null when none), for many workloads of one
 * CommServe in one walk: `POST /Jobs` with the clients' list, finished backup jobs, newest job id first
 * (a job id is given at submission, so id order is start order), page after page until every workload
 * is settled — by its first successful job, or by `historyLimit` backup jobs without one (the same bound
 * as the per-client history, `CLIENT_BACKUP_HISTORY_LIMIT`) — or the list ends. 200 clients of the demo
 * cost a few calls instead of 200 `GET /Job?clientId=`; their subclients, the same walk.
 *
 * The answer per workload is `backupFacts` of the jobs seen for it, so it is the per-workload answer.
 */
export async function lastSuccessfulBackups(source: CommvaultSource, walk: BackupWalk, historyLimit: number): Promise<Map<number, Date | null>> {
  const seen = new Map<number, CvJob[]>(walk.workloadIds.map((id) => [id, []]));
  const open = new Set(walk.workloadIds);
  // Sorted: the same clients ask the same request, so repeated and concurrent walks share cache entries.
  const asked = [...new Set(walk.clientIds)].sort((a, b) => a - b);
  for (let offset = 0; open.size > 0 && asked.length > 0; offset += LAST_BACKUP_PAGE_SIZE) {
    const page = await source.listFinishedBackupsOfClients(asked, { limit: LAST_BACKUP_PAGE_SIZE, offset });
    for (const job of page.items) {
      const id = walk.workloadOf(job);
      if (id === null || !open.has(id)) continue;
      const jobs = seen.get(id) as CvJob[];
      jobs.push(job);
      if ((isSuccessful(job.status) && job.startedAt !== null) || jobs.length >= historyLimit) open.delete(id);
    }
    if (page.items.length < LAST_BACKUP_PAGE_SIZE) break;
  }
  return new Map(walk.workloadIds.map((id) => [id, backupFacts(seen.get(id) as CvJob[]).lastSuccessfulBackupAt]));
}
