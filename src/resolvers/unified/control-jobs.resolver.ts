import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { badUserInput, isGatewayError } from '../../errors/gateway-error.js';
import { runMutation } from '../../mutations/run-mutation.js';
import { PRODUCTS } from '../../products.js';
import { ControlJobsInput } from '../../schema/unified/control-jobs.input.js';
import { ControlJobsPayload, JobControlResult } from '../../schema/unified/control-jobs.payload.js';
import type { Job } from '../../schema/unified/job.type.js';
import { fromGlobalId } from '../../util/global-id.js';
import type { ControllableJob } from '../product.js';

import { MAX_CONTROLLED_JOBS } from '../../mutations/control-limits.js';
/** Job actions sent at once per mutation; each upstream's write bucket paces them further. */
const CONTROL_CONCURRENCY = 4;

/** What one job's action came to, as plain data (kept by the idempotency store, answered as it is afterwards). */
interface ControlRecord {
  jobId: string;
  ok: boolean;
  job: Job | null;
  resubmittedJob: Job | null;
  error: { code: string; message: string } | null;
}

/**
 * `controlJobs` over every product (docs/operations.md): each id goes to the product whose job type it
 * names (`GraphProduct.controlJob`), which says what the action is on its upstream. Every id is checked
 * before anything is sent; then one result per job, a job's failure not stopping the others.
 */
@Resolver()
export class ControlJobsResolver {
  @Mutation(() => ControlJobsPayload, {
    description:
      'Pause, resume, kill or resubmit up to 100 jobs of any upstream, one result per job in input order. A job the upstream refuses does not stop the others; ' +
      'a console job can only be cancelled (KILL): the other actions give NOT_SUPPORTED without a call.',
  })
  async controlJobs(@Arg('input', () => ControlJobsInput) input: ControlJobsInput, @Ctx() ctx: GatewayContext): Promise<ControlJobsPayload> {
    if (input.jobs.length === 0 || input.jobs.length > MAX_CONTROLLED_JOBS) throw badUserInput(`jobs must name 1 to ${MAX_CONTROLLED_JOBS} jobs`);
    if (new Set(input.jobs).size !== input.jobs.length) throw badUserInput('jobs names a job more than once');
    const targets = input.jobs.map((globalId) => ({ globalId, job: controllable(ctx, globalId) }));
    const records = await runMutation(
      ctx,
      {
        operation: 'controlJobs',
        input,
        idempotencyKey: input.idempotencyKey,
        targets: input.jobs,
        summarize: (done: ControlRecord[]) => ({
          action: input.action,
          results: done.map((r) => ({ jobId: r.jobId, outcome: r.ok ? 'ok' : r.error?.code })),
        }),
      },
      () =>
        mapLimit(targets, CONTROL_CONCURRENCY, async ({ globalId, job }): Promise<ControlRecord> => {
          try {
            return { jobId: globalId, ok: true, ...(await job.run(input.action)), error: null };
          } catch (error) {
            if (!isGatewayError(error)) throw error;
            return { jobId: globalId, ok: false, job: null, resubmittedJob: null, error: { code: error.code, message: error.message } };
          }
        }),
    );
    return Object.assign(new ControlJobsPayload(), { results: records.map((r) => Object.assign(new JobControlResult(), r)) });
  }
}

/** The product's handle on one job id. @throws BAD_USER_INPUT when no product has jobs of that type, or its product refuses the id. */
function controllable(ctx: GatewayContext, globalId: string): ControllableJob {
  const parts = fromGlobalId(globalId);
  for (const product of PRODUCTS) {
    const job = product.controlJob?.(ctx, parts);
    if (job) return job;
  }
  throw badUserInput(`"${globalId.slice(0, 80)}" is not a job id`);
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
