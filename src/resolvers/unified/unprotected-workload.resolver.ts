import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { CvJob } from '../../datasources/commvault/model.js';
import { backupFacts, type BackupFacts } from '../../monitoring/protection.js';
import { JobStatus } from '../../schema/unified/job-status.enum.js';
import { Job } from '../../schema/unified/job.type.js';
import { UnprotectedWorkload } from '../../schema/unified/unprotected-workload.type.js';

/** The history fields: one `GET /Job?clientId=&jobFilter=Backup` per workload, shared by all three, only when selected. */
@Resolver(() => UnprotectedWorkload)
export class UnprotectedWorkloadResolver {
  @FieldResolver(() => Date, {
    nullable: true,
    description: 'Start of the newest successful backup, before the window by definition; null when none is in its recent history.',
  })
  async lastSuccessfulBackupAt(@Root() w: UnprotectedWorkload, @Ctx() ctx: GatewayContext): Promise<Date | null> {
    return (await facts(w, ctx)).lastSuccessfulBackupAt;
  }

  @FieldResolver(() => JobStatus, { nullable: true, description: 'Status of the newest backup job, whatever its outcome (RUNNING included).' })
  async lastJobStatus(@Root() w: UnprotectedWorkload, @Ctx() ctx: GatewayContext): Promise<JobStatus | null> {
    return (await facts(w, ctx)).lastJobStatus;
  }

  @FieldResolver(() => Job, { nullable: true, description: 'The newest backup job: drill into its errors from here.' })
  async lastJob(@Root() w: UnprotectedWorkload, @Ctx() ctx: GatewayContext): Promise<CvJob | null> {
    return (await facts(w, ctx)).lastJob;
  }
}

async function facts(w: UnprotectedWorkload, ctx: GatewayContext): Promise<BackupFacts<CvJob>> {
  return backupFacts(await ctx.loaders.backupHistoryByClientId.load({ instanceId: w.instanceId, id: w.clientId }));
}
