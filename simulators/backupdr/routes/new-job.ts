import type { SimContext } from '../context.js';
import { JOBCLASS_CODES } from '../data/activity.js';
import type { Application, Job, JobClass } from '../data/types.js';

/** What differs between the jobs the console starts on request (on-demand backup, mount). */
export interface NewJob {
  app: Application;
  jobclass: JobClass;
  /** The caller's label (BackupNowRest / MountRest `label`): `/jobstatus?filter=label:==…` finds the job by it. */
  label: string;
  policyname?: string;
  sltname?: string;
  targethost?: string;
  /** `flags` bits (data/activity.ts FLAG_BITS); on-demand by default. */
  flags?: number;
}

/**
 * A job the console started because a client asked (204, no job id in the answer: docs/upstreams/backupdr.md
 * §7.3): running at 0 %, not scheduled, on the application's primary appliance. It stays running until
 * cancelled; nothing here advances it.
 */
export function startJob(ctx: SimContext, j: NewJob): Job {
  const now = ctx.nowUs();
  const job: Job = {
    id: ctx.index.nextId(),
    jobname: `Job_${String(1_190_001 + ctx.data.jobs.length).padStart(7, '0')}`,
    jobclass: j.jobclass,
    jobclasscode: JOBCLASS_CODES[j.jobclass],
    status: 'running',
    progress: 0,
    message: '',
    errorcode: '',
    label: j.label,
    jobtag: '',
    appId: j.app.id,
    clusterId: j.app.sources[0].clusterId,
    policyname: j.policyname ?? '',
    sltname: j.sltname ?? '',
    targethost: j.targethost ?? '',
    queuedate: now,
    startdate: now,
    enddate: null,
    consistencydate: null,
    duration: 0,
    isscheduled: false,
    priority: 'high',
    retrycount: 0,
    flags: j.flags ?? 2,
    backupId: null,
    changerequesttext: '',
    syncdate: now,
    virtualsize: null,
  };
  ctx.index.addJob(job);
  return job;
}
