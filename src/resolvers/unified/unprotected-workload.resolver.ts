import { FieldResolver, Resolver, Root } from 'type-graphql';
import { JobStatus } from '../../schema/unified/job-status.enum.js';
import { Job } from '../../schema/unified/job.type.js';
import { UnprotectedWorkload } from '../../schema/unified/unprotected-workload.type.js';

/** The history fields: the workload's product reads its backup history once for all three, only when selected. */
@Resolver(() => UnprotectedWorkload)
export class UnprotectedWorkloadResolver {
  @FieldResolver(() => Date, {
    nullable: true,
    description: 'Start of the newest successful backup, before the window by definition; null when none is in its recent history.',
  })
  async lastSuccessfulBackupAt(@Root() w: UnprotectedWorkload): Promise<Date | null> {
    return (await w.history()).lastSuccessfulBackupAt;
  }

  @FieldResolver(() => JobStatus, { nullable: true, description: 'Status of the newest backup job, whatever its outcome (RUNNING included).' })
  async lastJobStatus(@Root() w: UnprotectedWorkload): Promise<JobStatus | null> {
    return (await w.history()).lastJobStatus;
  }

  @FieldResolver(() => Job, { nullable: true, description: 'The newest backup job: drill into its errors from here.' })
  async lastJob(@Root() w: UnprotectedWorkload): Promise<Job | null> {
    return (await w.history()).lastJob;
  }
}
