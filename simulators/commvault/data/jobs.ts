import type { Prng } from '../../common/prng.js';
import type { Inventory } from './inventory.js';
import { OP_TYPES, type BackupLevelName, type Client, type Job, type JobStatus, type JobType, type Subclient } from './types.js';

const DAY = 86_400;
const HISTORY_DAYS = 30;
const UNPROTECTED_WINDOW = 7 * DAY;
const GB = 1024 ** 3;
/** The first job id; real CommServes are well past a million. */
const FIRST_JOB_ID = 1_420_001;

/** Unprotected clients per company: ≥ 10 in total, spread so every tenant has some. */
const UNPROTECTED_PER_COMPANY: Readonly<Record<number, number>> = { 0: 8, 1: 3, 2: 3 };

const ACTIVE_STATUSES_TO_SEED: readonly JobStatus[] = [
  'Running', 'Running', 'Running', 'Running', 'Running', 'Waiting', 'Waiting', 'Pending', 'Pending', 'Pending', 'Suspended', 'Suspended',
];

const FINISHED_BACKUP_WEIGHTS: readonly (readonly [JobStatus, number])[] = [
  ['Completed', 89],
  ['Completed w/ one or more errors', 4],
  ['Completed w/ one or more warnings', 2],
  ['Failed', 3.5],
  ['Killed', 1.5],
];

/** A job before ids are assigned (ids follow start time). */
type Draft = Omit<Job, 'jobId'>;

export interface JobHistory {
  jobs: Job[];
  unprotectedClientIds: number[];
}

export function makeJobs(random: Prng, nowS: number, inv: Inventory, commServClientId: number): JobHistory {
  const clientById = new Map<number, Client>(inv.clients.map((c) => [c.clientId, c]));
  const drafts: Draft[] = [];
  const unprotected: Map<number, 'silent' | 'failing'> = chooseUnprotected(random, inv.clients);
  const historyStart: number = startOfDay(nowS) - HISTORY_DAYS * DAY;
  const windowStart: number = nowS - UNPROTECTED_WINDOW;

  const draft = (sc: Subclient, jobType: JobType, status: JobStatus, startTime: number, level: BackupLevelName | null, baseBytes: number): Draft => {
    const client = clientById.get(sc.clientId) as Client;
    const active: boolean = ['Running', 'Waiting', 'Pending', 'Suspended'].includes(status);
    let share: number = level === 'Full' || level === 'Synthetic Full' ? random.float(0.95, 1.05) : jobType === 'Backup' ? random.float(0.005, 0.06) : random.float(0.01, 0.2);
    if (status === 'Failed') share *= random.float(0, 0.3);
    if (status === 'Killed') share *= random.float(0.1, 0.6);
    const percentComplete: number = active ? random.int(status === 'Running' ? 5 : 0, 95) : status === 'Failed' || status === 'Killed' ? random.int(0, 90) : 100;
    const bytes: number = Math.round(baseBytes * share * (active ? percentComplete / 100 : 1));
    const savings: number = Math.round(random.float(55, 95) * 100) / 100;
    const elapsed: number = Math.max(60, Math.round((bytes / GB / random.float(100, 800)) * 3600));
    const endTime: number = active ? 0 : Math.min(startTime + elapsed, nowS - 30);
    const files: number = sc.applicationId === 33 || sc.applicationId === 29 ? Math.max(1, Math.round((bytes / GB) * random.int(800, 3000))) : random.int(2, 60);
    return {
      jobType,
      opType: OP_TYPES[jobType],
      status,
      subclientId: sc.subclientId,
      clientId: sc.clientId,
      companyId: client.companyId,
      storagePolicyId: sc.storagePolicyId,
      planId: sc.planId,
      backupLevel: level,
      startTime,
      endTime,
      lastUpdateTime: active ? nowS - random.int(0, 300) : endTime,
      sizeOfApplication: bytes,
      sizeOfMediaOnDisk: Math.round(bytes * (1 - savings / 100)),
      totalNumOfFiles: status === 'Failed' ? 0 : files,
      totalFailedFiles: status === 'Completed w/ one or more errors' ? random.int(1, 50) : 0,
      percentComplete,
      percentSavings: savings,
      pendingReason: status === 'Pending' ? 'The MediaAgent [ma04] is not reachable.' : status === 'Waiting' ? 'Waiting for resources: no free streams on the storage policy.' : '',
      userName: 'admin',
    };
  };

  // Scheduled backups: each subclient runs every 1-3 days at its own hour, a full every 7th run.
  const baseBytesOf = new Map<number, number>();
  for (const sc of inv.subclients) {
    baseBytesOf.set(sc.subclientId, baseBytes(random, sc.applicationId));
    if (!sc.enableBackup) continue;
    const mode = unprotected.get(sc.clientId);
    const silentSince: number = nowS - random.int(9, 20) * DAY;
    const interval: number = random.weighted([[1, 40], [2, 35], [3, 25]]);
    const phase: number = random.int(0, interval - 1);
    const hour: number = random.pick([18, 19, 20, 21, 22, 23, 0, 1, 2, 3]);
    let run = 0;
    for (let day = 0; day <= HISTORY_DAYS; day++) {
      if ((day + phase) % interval !== 0) continue;
      const start: number = historyStart + day * DAY + hour * 3600 + random.int(0, 3599);
      // Anything from the last hour on is the active jobs' business.
      if (start > nowS - 3600) continue;
      if (mode === 'silent' && start >= silentSince) continue;
      let level: BackupLevelName = run % 7 === 0 ? (random.chance(0.15) ? 'Synthetic Full' : 'Full') : 'Incremental';
      if (level === 'Incremental' && sc.applicationId === 81 && random.chance(0.1)) level = 'Differential';
      run += 1;
      let status: JobStatus = random.weighted(FINISHED_BACKUP_WEIGHTS);
      if (mode === 'failing' && start >= windowStart) status = random.chance(0.7) ? 'Failed' : 'Killed';
      drafts.push(draft(sc, 'Backup', status, start, level, baseBytesOf.get(sc.subclientId) as number));
    }
  }

  // Every protected client's latest backup of its first subclient succeeded (so "unprotected" is exactly
  // the chosen set, whatever a client counts as success: Completed or Completed w/ errors).
  const latestBySubclient = new Map<number, Draft>();
  for (const d of drafts) {
    const prev = latestBySubclient.get(d.subclientId);
    if (!prev || d.startTime > prev.startTime) latestBySubclient.set(d.subclientId, d);
  }
  const firstSubclientOf = new Map<number, Subclient>();
  for (const sc of inv.subclients) if (!firstSubclientOf.has(sc.clientId)) firstSubclientOf.set(sc.clientId, sc);
  for (const [clientId, sc] of firstSubclientOf) {
    if (unprotected.has(clientId)) continue;
    const latest = latestBySubclient.get(sc.subclientId);
    if (latest && latest.startTime >= windowStart) {
      if (latest.status !== 'Completed') Object.assign(latest, draft(sc, 'Backup', 'Completed', latest.startTime, latest.backupLevel, baseBytesOf.get(sc.subclientId) as number));
    } else {
      drafts.push(draft(sc, 'Backup', 'Completed', nowS - random.int(2, 5) * 3600, 'Incremental', baseBytesOf.get(sc.subclientId) as number));
    }
  }

  const protectedSubclients: Subclient[] = inv.subclients.filter((sc) => sc.enableBackup && !unprotected.has(sc.clientId) && clientById.get(sc.clientId)?.online);

  // A handful of jobs in flight right now.
  for (const status of ACTIVE_STATUSES_TO_SEED) {
    const sc: Subclient = random.pick(protectedSubclients);
    drafts.push(draft(sc, 'Backup', status, nowS - random.int(300, 3 * 3600), random.chance(0.2) ? 'Full' : 'Incremental', baseBytesOf.get(sc.subclientId) as number));
  }

  // Restores: rarer, started by people.
  for (let i = 0; i < 160; i++) {
    const sc: Subclient = random.pick(protectedSubclients);
    const status: JobStatus = random.weighted([['Completed', 90], ['Failed', 6], ['Killed', 4]] as const);
    const d = draft(sc, 'Restore', status, historyStart + random.int(0, HISTORY_DAYS * DAY), null, baseBytesOf.get(sc.subclientId) as number);
    if (d.startTime > nowS - 3600) continue;
    d.userName = clientById.get(sc.clientId)?.companyId === 1 ? 'acme' : clientById.get(sc.clientId)?.companyId === 2 ? 'globex' : 'admin';
    drafts.push(d);
  }

  // Admin jobs run on the CommServe: data aging daily, aux copy every six hours.
  const csSubclient = inv.subclients.find((sc) => sc.clientId === commServClientId) as Subclient;
  for (let day = 0; day <= HISTORY_DAYS; day++) {
    const agingStart: number = historyStart + day * DAY + 12 * 3600 + random.int(0, 600);
    if (agingStart < nowS - 3600) drafts.push(adminJob(draft(csSubclient, 'Data Aging', random.chance(0.97) ? 'Completed' : 'Failed', agingStart, null, 0)));
    for (const hour of [0, 6, 12, 18]) {
      const auxStart: number = historyStart + day * DAY + hour * 3600 + random.int(0, 900);
      if (auxStart < nowS - 3600) drafts.push(adminJob(draft(csSubclient, 'Aux Copy', random.weighted([['Completed', 92], ['Completed w/ one or more errors', 4], ['Failed', 4]] as const), auxStart, null, 400 * GB)));
    }
  }

  drafts.sort((a, b) => a.startTime - b.startTime || a.subclientId - b.subclientId);
  const jobs: Job[] = drafts.map((d, i) => ({ jobId: FIRST_JOB_ID + i, ...d }));
  return { jobs, unprotectedClientIds: [...unprotected.keys()].sort((a, b) => a - b) };

  function adminJob(d: Draft): Draft {
    d.totalNumOfFiles = 0;
    d.userName = 'admin';
    if (d.jobType === 'Data Aging') {
      d.sizeOfApplication = 0;
      d.sizeOfMediaOnDisk = 0;
      d.percentSavings = 0;
    }
    return d;
  }
}

function chooseUnprotected(random: Prng, clients: Client[]): Map<number, 'silent' | 'failing'> {
  const out = new Map<number, 'silent' | 'failing'>();
  for (const [companyId, count] of Object.entries(UNPROTECTED_PER_COMPANY)) {
    const pool: Client[] = clients.filter((c) => !c.isInfrastructure && c.companyId === Number(companyId));
    let added = 0;
    while (added < count && pool.length > 0) {
      const c: Client = pool.splice(random.int(0, pool.length - 1), 1)[0];
      out.set(c.clientId, added % 2 === 0 ? 'failing' : 'silent');
      added += 1;
    }
  }
  return out;
}

function baseBytes(random: Prng, applicationId: number): number {
  switch (applicationId) {
    case 81:
      return random.int(50, 2000) * GB;
    case 22:
      return random.int(100, 3000) * GB;
    case 106:
      return random.int(500, 5000) * GB;
    default:
      return random.int(20, 800) * GB;
  }
}

function startOfDay(s: number): number {
  return s - (s % DAY);
}
