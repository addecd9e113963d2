import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { badUserInput } from '../../errors/gateway-error.js';
import { Job } from '../../schema/unified/job.type.js';
import { JobStatusSummary } from '../../schema/unified/job-status-summary.type.js';

/** The default of `JobStatusSummary.failures(first)`: a dashboard's list of the latest failures. */
const DEFAULT_FAILURES = 20;

@Resolver(() => JobStatusSummary)
export class JobStatusSummaryResolver {
  @FieldResolver(() => [Job], {
    description:
      'The window\'s FAILED and KILLED jobs (those `failedCount` counts), newest start first, at most `first` (default 20, ' +
      'at most the server\'s page size). No upstream call: the summary already read them. The rest: `jobs(filter: ' +
      '{status: [FAILED, KILLED], startedAfter: since, startedBefore: until})`.',
  })
  failures(@Root() summary: JobStatusSummary, @Arg('first', () => Int, { defaultValue: DEFAULT_FAILURES }) first: number, @Ctx() ctx: GatewayContext): readonly Job[] {
    if (!Number.isInteger(first) || first < 0 || first > ctx.maxPageSize) throw badUserInput(`first must be between 0 and ${ctx.maxPageSize}`);
    return summary.failedJobs.slice(0, first);
  }
}
