import { isActive, type Job, type JobType } from '../data/types.js';
import type { ApiRequest, SimContext } from '../context.js';
import { startJob } from './jobs.js';

/**
 * An administrative job (DR backup, DDB operations) started through the API: like the seeded data aging
 * and aux copy jobs it runs on the CommServe's own subclient, and it progresses on the simulator clock
 * (data/progress.ts) to Completed.
 */
export function startAdminJob(req: ApiRequest, ctx: SimContext, jobType: JobType): Job {
  const csSubclient = ctx.data.subclients.find((sc) => sc.clientId === ctx.data.commServ.clientId);
  if (!csSubclient) throw new Error('the seed has no CommServe subclient');
  const job = startJob(ctx, csSubclient.subclientId, jobType, null, req.session?.user.userName ?? 'admin', false);
  return job;
}

/** The newest active job of a type matching `also`, if any: most admin operations run one at a time. */
export function activeJob(ctx: SimContext, jobType: JobType, also: (job: Job) => boolean = () => true): Job | undefined {
  for (let i = ctx.data.jobs.length - 1; i >= 0; i--) {
    const job = ctx.data.jobs[i] as Job;
    if (job.jobType === jobType && isActive(job.status) && also(job)) return job;
  }
  return undefined;
}
