import type { Prng } from '../../common/prng.js';
import type { Client, DdbStore, EventSeverity, Job, MediaAgent, SimEvent, StoragePool } from './types.js';

const FIRST_EVENT_ID = 224_090_001;

/** Commvault event codes are `major:minor` shown as a string and sent as (major << 24) + minor. */
function code(major: number, minor: number): { eventCode: number; eventCodeString: string } {
  return { eventCode: major * 2 ** 24 + minor, eventCodeString: `${major}:${minor}` };
}

type EventDraft = Omit<SimEvent, 'id'>;

/**
 * Events follow the data: one per failed, killed or partly failed job, a sample of informational ones,
 * and system events about the offline MediaAgent, nearly full pools and slow DDBs.
 */
export function makeEvents(random: Prng, nowS: number, jobs: Job[], clients: Client[], mediaAgents: MediaAgent[], pools: StoragePool[], ddbStores: DdbStore[]): SimEvent[] {
  const clientById = new Map<number, Client>(clients.map((c) => [c.clientId, c]));
  const drafts: EventDraft[] = [];
  const forJob = (job: Job, severity: EventSeverity, c: ReturnType<typeof code>, subsystem: string, description: string): void => {
    const client = clientById.get(job.clientId) as Client;
    drafts.push({ severity, ...c, subsystem, description, timeSource: job.endTime || job.lastUpdateTime, jobId: job.jobId, clientId: client.clientId, companyId: client.companyId });
  };

  for (const job of jobs) {
    if (job.endTime === 0) continue;
    const phase: string = job.jobType === 'Backup' ? 'Backup' : job.jobType === 'Restore' ? 'Restore' : job.jobType;
    if (job.status === 'Failed') {
      forJob(job, random.chance(0.25) ? 9 : 6, code(19, 122), 'JobManager', `Received failed message for job [${job.jobId}], phase [${phase}].`);
    } else if (job.status === 'Killed') {
      forJob(job, 3, code(19, 857), 'JobManager', `Job [${job.jobId}] was killed by user [${job.userName}].`);
    } else if (job.status === 'Completed w/ one or more errors' && random.chance(0.4)) {
      forJob(job, 3, code(7, 98), 'clBackup', `Failed to back up [${job.totalFailedFiles}] items for job [${job.jobId}]. Check the job's failed items list.`);
    } else if (job.status === 'Completed' && random.chance(0.01)) {
      forJob(job, 0, code(19, 1303), 'JobManager', `${job.jobType} job [${job.jobId}] completed successfully.`);
    }
  }

  const system = (severity: EventSeverity, c: ReturnType<typeof code>, subsystem: string, description: string, clientId: number, timeSource: number): void => {
    const client = clientById.get(clientId) as Client;
    drafts.push({ severity, ...c, subsystem, description, timeSource, jobId: 0, clientId, companyId: client.companyId });
  };
  for (const ma of mediaAgents.filter((m) => !m.online)) {
    system(9, code(11, 1), 'CVD', `MediaAgent [${ma.mediaAgentName}] went offline: ${ma.offlineReason}.`, ma.mediaAgentId, nowS - random.int(2, 8) * 3600);
  }
  for (const pool of pools) {
    const freePct: number = (pool.freeMB / pool.capacityMB) * 100;
    if (freePct >= 20) continue;
    const severity: EventSeverity = freePct < 10 ? 9 : 6;
    for (let day = 0; day < 5; day++) {
      system(severity, code(13, 104), 'MediaManager', `Free space on storage pool [${pool.storagePoolName}] is ${freePct.toFixed(1)}%, below the ${freePct < 10 ? 10 : 20}% threshold.`, pool.mediaAgentIds[0], nowS - day * 86_400 - random.int(600, 7200));
    }
  }
  for (const store of ddbStores) {
    const worst: number = Math.max(...store.partitions.map((p) => p.avgQITime));
    if (worst <= 1000) continue;
    system(worst > 2000 ? 9 : 6, code(62, 311), 'SIDBEngine', `Average Q&I time of deduplication database [${store.storeName}] is ${worst} microseconds.`, store.partitions[0].mediaAgentId, nowS - random.int(1, 20) * 3600);
  }
  // Routine information spread over the month, so severity filters have something to remove.
  const commServeId = 2;
  for (let day = 0; day < 30; day++) {
    system(0, code(2, 4), 'EvMgrS', 'Commvault services on the CommServe were checked and are running.', commServeId, nowS - day * 86_400 - random.int(0, 3600));
    system(0, code(19, 1421), 'JobManager', 'Data aging finished pruning eligible jobs.', commServeId, nowS - day * 86_400 - random.int(3600, 7200));
  }

  drafts.sort((a, b) => a.timeSource - b.timeSource || a.jobId - b.jobId);
  return drafts.map((d, i) => ({ id: FIRST_EVENT_ID + i, ...d }));
}
