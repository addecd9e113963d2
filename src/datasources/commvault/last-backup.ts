import { backupFacts } from '../../monitoring/protection.js';
import { isSuccessful } from '../../monitoring/jobs.js';
import type { CommvaultSource } from './commvault-source.js';
import type { CvJob } from './model.js';

/** Jobs per `POST /Jobs` page (the most a CommServe answers with in one page in practice). */
export const LAST_BACKUP_PAGE_SIZE = 1000;

/**
 * The start of each client's newest successful backup (null when none), for many clients of one
 * CommServe in one walk: `POST /Jobs` with the clients' list, finished backup jobs, newest job id first
 * (a job id is given at submission, so id order is start order), page after page until every client is
 * settled — by its first successful job, or by `historyLimit` backup jobs without one (the same bound
 * as the per-client history, `CLIENT_BACKUP_HISTORY_LIMIT`) — or the list ends. 200 clients of the demo
 * cost a few calls instead of 200 `GET /Job?clientId=`.
 *
 * The answer per client is `backupFacts` of the jobs seen for it, so it is the per-client answer.
 */
export async function lastSuccessfulBackups(source: CommvaultSource, clientIds: readonly number[], historyLimit: number): Promise<Map<number, Date | null>> {
  const seen = new Map<number, CvJob[]>(clientIds.map((id) => [id, []]));
  const open = new Set(clientIds);
  // Sorted: the same clients ask the same request, so repeated and concurrent walks share cache entries.
  const asked = [...open].sort((a, b) => a - b);
  for (let offset = 0; open.size > 0; offset += LAST_BACKUP_PAGE_SIZE) {
    const page = await source.listFinishedBackupsOfClients(asked, { limit: LAST_BACKUP_PAGE_SIZE, offset });
    for (const job of page.items) {
      const clientId = job.clientId;
      if (clientId === null || !open.has(clientId)) continue;
      const jobs = seen.get(clientId) as CvJob[];
      jobs.push(job);
      if ((isSuccessful(job.status) && job.startedAt !== null) || jobs.length >= historyLimit) open.delete(clientId);
    }
    if (page.items.length < LAST_BACKUP_PAGE_SIZE) break;
  }
  return new Map(clientIds.map((id) => [id, backupFacts(seen.get(id) as CvJob[]).lastSuccessfulBackupAt]));
}
