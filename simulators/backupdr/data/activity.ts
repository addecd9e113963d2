import type { Prng } from '../../common/prng.js';
import { IdAllocator, MICROS_PER_DAY, MICROS_PER_HOUR, MICROS_PER_SECOND, seqName } from './ids.js';
import type { Inventory } from './inventory.js';
import type { Policies } from './policies.js';
import type { Application, Backup, Cluster, DiskPool, Host, Job, JobClass, JobStatus, Policy, Sla, Slp, Slt } from './types.js';

export const HISTORY_DAYS = 30;

/** Numeric jobclass codes the simulator accepts in `jobclass` filters and reports as `jobclasscode`. */
export const JOBCLASS_CODES: Readonly<Record<JobClass, number>> = {
  snapshot: 1,
  dedup: 2,
  dedupasync: 4,
  mount: 5,
  expiration: 8,
  log: 9,
  OnVault: 15,
  DirectOnVault: 16,
  StreamSnap: 17,
};

/** `flags` bits and the names `flags_text` shows for them (backups and jobs share the table). */
export const FLAG_BITS: readonly (readonly [number, string])[] = [
  [1, 'scheduled'],
  [2, 'ondemand'],
  [4, 'logprotected'],
  [8, 'immutable'],
  [16, 'mounted'],
];

export function flagsText(flags: number): string[] {
  return FLAG_BITS.filter(([bit]) => (flags & bit) !== 0).map(([, name]) => name);
}

const FAILURES: readonly (readonly [string, string])[] = [
  ['5078', 'Snapshot failed: the VSS writer timed out'],
  ['5022', 'Connector is not reachable on the host'],
  ['10120', 'Insufficient space in the snapshot pool'],
  ['5131', 'Staging disk could not be created'],
  ['5241', 'Database is in recovery mode; cannot take a consistent snapshot'],
];

const RUNNING_NOW = 20;
const QUEUED_NOW = 8;
const MOUNTS = 60;

export interface Activity {
  backups: Backup[];
  jobs: Job[];
}

type JobDraft = Omit<Job, 'id' | 'jobname'>;
type BackupDraft = Omit<Backup, 'id' | 'backupname'> & { job?: JobDraft };

interface Refs {
  slaById: Map<string, Sla>;
  sltById: Map<string, Slt>;
  slpById: Map<string, Slp>;
  policyById: Map<string, Policy>;
  hostById: Map<string, Host>;
  clusterById: Map<string, Cluster>;
  poolById: Map<string, DiskPool>;
}

/**
 * 30 days of scheduled jobs for every protected application (one per policy run), the images the
 * successful ones left within retention, a few mounts, and the jobs running or queued right now.
 * Ids follow time: jobs by queue date, images by consistency date.
 */
export function makeActivity(random: Prng, ids: IdAllocator, nowUs: number, inv: Inventory, pol: Policies, clusters: Cluster[], pools: DiskPool[]): Activity {
  const refs: Refs = {
    slaById: new Map(inv.slas.map((s) => [s.id, s])),
    sltById: new Map(pol.slts.map((s) => [s.id, s])),
    slpById: new Map(pol.slps.map((s) => [s.id, s])),
    policyById: new Map(pol.policies.map((p) => [p.id, p])),
    hostById: new Map(inv.hosts.map((h) => [h.id, h])),
    clusterById: new Map(clusters.map((c) => [c.id, c])),
    poolById: new Map(pools.map((p) => [p.id, p])),
  };
  const jobs: JobDraft[] = [];
  const images: BackupDraft[] = [];
  const dayStart: number = nowUs - (nowUs % MICROS_PER_DAY);
  const historyStart: number = dayStart - HISTORY_DAYS * MICROS_PER_DAY;

  const protectedApps: Application[] = inv.applications.filter((a) => a.slaId !== null);
  for (const app of protectedApps) {
    const sla = refs.slaById.get(app.slaId as string) as Sla;
    const slt = refs.sltById.get(sla.sltId) as Slt;
    const slp = refs.slpById.get(sla.slpId) as Slp;
    const policies: Policy[] = slt.policyIds.map((id) => refs.policyById.get(id) as Policy);
    const isDb: boolean = policies.some((p) => p.op === 'log');
    const sizeMb: number = random.int(2, 900) * 1024;
    const weekday: number = random.int(0, 6);
    const clusterId: string = app.sources[0].clusterId;
    // A schedule switched off: the runs stopped some days ago (or never ran, for manual-only templates).
    const stoppedAt: number = sla.scheduleoff === 'true' ? (slt.name === 'Dev-NoSchedule' ? historyStart : nowUs - random.int(2, 20) * MICROS_PER_DAY) : nowUs;
    for (const policy of policies) {
      if (policy.op === 'log') continue;
      const weekly = policy.scheduletype === 'weekly';
      const jobclass: JobClass = policy.op === 'snap' ? 'snapshot' : policy.op === 'dedup' ? 'dedup' : 'OnVault';
      const poolId: string = policy.op === 'snap' ? slp.performancepoolId : policy.op === 'dedup' ? (slp.dedupPoolId ?? slp.performancepoolId) : (slp.vaultPoolId ?? slp.performancepoolId);
      const retentionUs: number = Number(policy.retention) * (policy.retentionm === 'days' ? MICROS_PER_DAY : MICROS_PER_HOUR);
      for (let d = HISTORY_DAYS; d >= 0; d--) {
        const day: number = dayStart - d * MICROS_PER_DAY;
        if (weekly && new Date(day / 1000).getUTCDay() !== weekday) continue;
        const queuedate: number = day + Number(policy.starttime) * MICROS_PER_SECOND + random.int(0, 3600) * MICROS_PER_SECOND + (policy.op === 'snap' ? 0 : 2 * MICROS_PER_HOUR);
        // Only finished runs here; what is running now is added below, independent of the clock's hour.
        if (queuedate > nowUs - 2 * MICROS_PER_HOUR || queuedate < historyStart || queuedate > stoppedAt) continue;
        const status: JobStatus = random.weighted([['succeeded', 95], ['failed', 4], ['canceled', 1]]);
        const job = finishedJob(random, app, clusterId, jobclass, policy, slt, status, queuedate, sizeMb, true);
        jobs.push(job);
        if (status === 'succeeded' && (job.consistencydate as number) + retentionUs > nowUs) {
          images.push(image(random, app, clusterId, job, poolId, sla, policy, retentionUs, sizeMb, isDb, refs));
        }
      }
    }
  }

  // A few mounts of existing images onto other hosts; the newest ones are still mounted.
  const agentHosts: Host[] = inv.hosts.filter((h) => h.hasagent);
  for (let i = 0; i < MOUNTS && images.length > 0; i++) {
    const img = random.pick(images);
    const app = inv.applications.find((a) => a.id === img.appId) as Application;
    const target = random.pick(agentHosts);
    const queuedate = Math.min(nowUs - 3 * MICROS_PER_HOUR, img.consistencydate + random.int(1, 48) * MICROS_PER_HOUR);
    const job = finishedJob(random, app, img.clusterId, 'mount', undefined, refs.sltById.get(img.sltId) as Slt, random.chance(0.9) ? 'succeeded' : 'failed', queuedate, 0, false);
    job.targethost = target.hostname;
    job.label = `mount-${i + 1}`;
    jobs.push(job);
    if (job.status === 'succeeded' && i % 3 === 0) {
      img.mountedmap = target.hostname;
      img.flags |= 16;
    }
  }

  // Running and queued right now: on-demand and late scheduled captures.
  for (let i = 0; i < RUNNING_NOW + QUEUED_NOW; i++) {
    const app = random.pick(protectedApps);
    const sla = refs.slaById.get(app.slaId as string) as Sla;
    const slt = refs.sltById.get(sla.sltId) as Slt;
    const policy = refs.policyById.get(slt.policyIds[0]) as Policy;
    const running = i < RUNNING_NOW;
    const queuedate = nowUs - random.int(60, 3000) * MICROS_PER_SECOND;
    const startdate = running ? queuedate + random.int(1, 50) * MICROS_PER_SECOND : null;
    const scheduled = random.chance(0.6);
    jobs.push({
      jobclass: 'snapshot',
      jobclasscode: JOBCLASS_CODES.snapshot,
      status: running ? 'running' : 'queued',
      progress: running ? random.int(1, 95) : 0,
      message: '',
      errorcode: '',
      label: scheduled ? '' : `ondemand-${i + 1}`,
      jobtag: '',
      appId: app.id,
      clusterId: app.sources[0].clusterId,
      policyname: policy.name,
      sltname: slt.name,
      targethost: '',
      queuedate,
      startdate,
      enddate: null,
      consistencydate: null,
      duration: startdate === null ? 0 : nowUs - startdate,
      isscheduled: scheduled,
      priority: 'medium',
      retrycount: 0,
      flags: scheduled ? 1 : 2,
      backupId: null,
      changerequesttext: '',
      syncdate: nowUs - random.int(5, 120) * MICROS_PER_SECOND,
      virtualsize: null,
    });
  }

  jobs.sort((a, b) => a.queuedate - b.queuedate);
  images.sort((a, b) => a.consistencydate - b.consistencydate);
  const backups: Backup[] = [];
  const backupIdOfJob = new Map<JobDraft, string>();
  images.forEach((d, i) => {
    const { job, ...rest } = d;
    // New keys first, then the draft's: `{ ...draft, id }` gives every record its own hidden class in V8,
    // which made each list request's scan of thousands of records several times slower.
    const b: Backup = { id: ids.next(), backupname: seqName('Image', 190_001 + i), ...rest };
    backups.push(b);
    if (job) backupIdOfJob.set(job, b.id);
  });
  const outJobs: Job[] = jobs.map((j, i) => ({ id: ids.next(), jobname: seqName('Job', 1_190_001 + i), ...j, backupId: backupIdOfJob.get(j) ?? null }));
  return { backups, jobs: outJobs };
}

function finishedJob(random: Prng, app: Application, clusterId: string, jobclass: JobClass, policy: Policy | undefined, slt: Slt, status: JobStatus, queuedate: number, sizeMb: number, scheduled: boolean): JobDraft {
  const startdate: number = queuedate + random.int(1, 300) * MICROS_PER_SECOND;
  const seconds: number = status === 'succeeded' ? Math.max(30, Math.round(sizeMb / random.int(40, 400))) : random.int(20, 1800);
  const enddate: number = startdate + seconds * MICROS_PER_SECOND;
  const failure = status === 'failed' ? random.pick(FAILURES) : undefined;
  return {
    jobclass,
    jobclasscode: JOBCLASS_CODES[jobclass],
    status,
    progress: status === 'succeeded' ? 100 : random.int(0, 90),
    message: status === 'succeeded' ? 'Success' : status === 'canceled' ? 'Job was canceled by the user' : (failure as readonly [string, string])[1],
    errorcode: failure ? failure[0] : '',
    label: '',
    jobtag: '',
    appId: app.id,
    clusterId,
    policyname: policy?.name ?? '',
    sltname: slt.name,
    targethost: '',
    queuedate,
    startdate,
    enddate,
    consistencydate: status === 'succeeded' && jobclass !== 'mount' ? startdate + random.int(5, 60) * MICROS_PER_SECOND : null,
    duration: enddate - queuedate,
    isscheduled: scheduled,
    priority: 'medium',
    retrycount: status === 'failed' ? random.int(0, 2) : 0,
    flags: scheduled ? 1 : 2,
    backupId: null,
    changerequesttext: '',
    syncdate: enddate,
    virtualsize: sizeMb > 0 ? sizeMb * 1024 * 1024 : null,
  };
}

function image(random: Prng, app: Application, clusterId: string, job: JobDraft, poolId: string, sla: Sla, policy: Policy, retentionUs: number, sizeMb: number, isDb: boolean, refs: Refs): BackupDraft {
  const consistencydate = job.consistencydate as number;
  const pool = refs.poolById.get(poolId) as DiskPool;
  const cluster = refs.clusterById.get(clusterId) as Cluster;
  const logged = isDb && job.jobclass === 'snapshot';
  let flags = job.flags;
  if (logged) flags |= 4;
  if (pool.immutable) flags |= 8;
  return {
    label: job.label,
    jobclass: job.jobclass,
    jobclasscode: job.jobclasscode,
    characteristic: job.jobclass === 'snapshot' ? 'Primary' : 'Vault',
    status: 'succeeded',
    appId: app.id,
    clusterId,
    diskpoolId: poolId,
    sltId: sla.sltId,
    slpId: sla.slpId,
    policyname: policy.name,
    consistencydate,
    backupdate: job.startdate as number,
    modifydate: job.enddate as number,
    expiration: consistencydate + retentionUs,
    beginpit: logged ? consistencydate : null,
    endpit: logged ? consistencydate + random.int(1, 23) * MICROS_PER_HOUR : null,
    consumedsize: Math.round(sizeMb * random.float(0.02, 0.3) * 1024 * 1024),
    virtualsize: String(sizeMb * 1024 * 1024),
    flags,
    srcid: String(random.int(100_000, 9_999_999)),
    sourceuds: cluster.clusterid,
    targetuds: cluster.clusterid,
    mountedmap: '',
    syncdate: job.enddate as number,
    job,
  };
}
