import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { CvJob } from '../../datasources/commvault/model.js';
import type { JobDetailRecord } from '../../datasources/job-detail.js';
import { FINISHED_STATUSES } from '../../datasources/commvault/mappers/job-status.js';
import { CommvaultJob } from '../../schema/commvault/job.type.js';
import { JobDetail } from '../../schema/unified/job-detail.type.js';
import { virtualizationLoaders } from './virtualization-sources.js';

@Resolver(() => CommvaultJob)
export class CommvaultJobDetailResolver {
  @FieldResolver(() => JobDetail, {
    nullable: true,
    description:
      'Phases, reasons, throughput, files and bytes (`POST /JobDetails`): one call per job asked for, cached for the finished-job TTL ' +
      'once the job has finished. Null when the CommServe answers no detail.',
  })
  async detail(@Root() job: CvJob, @Ctx() ctx: GatewayContext): Promise<JobDetailRecord | null> {
    const detail = await virtualizationLoaders(ctx).jobDetailById.load({ instanceId: job.upstream.id, id: job.jobId, finished: FINISHED_STATUSES.has(job.status) });
    // JobDetails names neither the phase nor the plan: the job summary does.
    return detail && { ...detail, phase: detail.phase ?? job.phase, planName: detail.planName ?? job.plan?.name ?? null };
  }
}
