import type { Job, JobType } from '../data/types.js';
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
  return startJob(ctx, csSubclient.subclientId, jobType, null, req.session?.user.userName ?? 'admin', false);
}
