import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { CommvaultSource, CvBackupLevel, CvJobAction } from '../../datasources/commvault/commvault-source.js';
import type { CvJob } from '../../datasources/commvault/model.js';
import { badUserInput, isGatewayError } from '../../errors/gateway-error.js';
import { runMutation } from '../../mutations/run-mutation.js';
import { BackupLevel, JobAction } from '../../schema/commvault/operations.enums.js';
import { BackupSubclientInput, ControlJobsInput } from '../../schema/commvault/operations.input.js';
import { BackupSubclientPayload, ControlJobsPayload, JobControlResult } from '../../schema/commvault/operations.payload.js';
import { commvaultObjectFromId } from './sources.js';
import { readJob, readStartedJobs } from './started-jobs.js';

/** Most jobs one `controlJobs` may name. */
export const MAX_CONTROLLED_JOBS = 100;
/** Job actions sent at once per mutation; the upstream's write bucket paces them further. */
const CONTROL_CONCURRENCY = 4;

const WIRE_LEVEL: Readonly<Record<BackupLevel, CvBackupLevel>> = {
  [BackupLevel.FULL]: 'Full',
  [BackupLevel.INCREMENTAL]: 'Incremental',
  [BackupLevel.DIFFERENTIAL]: 'Differential',
  [BackupLevel.SYNTHETIC_FULL]: 'Synthetic_full',
};

const WIRE_ACTION: Readonly<Record<JobAction, CvJobAction>> = {
  [JobAction.PAUSE]: 'pause',
  [JobAction.RESUME]: 'resume',
  [JobAction.KILL]: 'kill',
  [JobAction.RESUBMIT]: 'resubmit',
};

/** What one job's action came to, as plain data (kept by the idempotency store, answered as it is afterwards). */
interface ControlRecord {
  jobId: string;
  instanceId: string;
  ok: boolean;
  job: CvJob | null;
  resubmittedJob: CvJob | null;
  error: { code: string; message: string } | null;
}

/**
 * Commvault mutations (docs/operations.md). Each goes through runMutation (role, idempotency key, audit
 * line); the source's write methods send one call each through the pipeline's write path and drop the
 * cached job reads they change. The jobs in the payloads are read back right after (`GET /Job/{id}`).
 */
@Resolver()
export class CommvaultOperationsResolver {
  @Mutation(() => BackupSubclientPayload, {
    description: 'Start a backup of one subclient now (`POST /Subclient/{id}/action/backup`). Never retried: a lost answer is UPSTREAM_UNCERTAIN.',
  })
  async backupSubclient(@Arg('input', () => BackupSubclientInput) input: BackupSubclientInput, @Ctx() ctx: GatewayContext): Promise<BackupSubclientPayload> {
    const { source, id: subclientId } = commvaultObjectFromId(ctx, input.subclient, 'CommvaultSubclient');
    const jobs = await runMutation(
      ctx,
      {
        operation: 'backupSubclient',
        input,
        idempotencyKey: input.idempotencyKey,
        targets: [input.subclient],
        summarize: (started: CvJob[]) => ({ upstream: source.instanceId, jobIds: started.map((j) => j.jobId), backupLevel: input.level }),
      },
      async () => {
        return readStartedJobs(source, await source.startSubclientBackup(subclientId, WIRE_LEVEL[input.level]));
      },
    );
    return Object.assign(new BackupSubclientPayload(), { jobs });
  }

  @Mutation(() => ControlJobsPayload, {
    description:
      'Pause, resume, kill or resubmit up to 100 jobs (`POST /Job/{id}/action/…`), one result per job in input order. A job the CommServe refuses does not stop the others.',
  })
  async controlJobs(@Arg('input', () => ControlJobsInput) input: ControlJobsInput, @Ctx() ctx: GatewayContext): Promise<ControlJobsPayload> {
    if (input.jobs.length === 0 || input.jobs.length > MAX_CONTROLLED_JOBS) throw badUserInput(`jobs must name 1 to ${MAX_CONTROLLED_JOBS} jobs`);
    if (new Set(input.jobs).size !== input.jobs.length) throw badUserInput('jobs names a job more than once');
    // Every id is checked before anything is sent: a bad one refuses the whole mutation.
    const targets = input.jobs.map((id) => ({ globalId: id, ...commvaultObjectFromId(ctx, id, 'CommvaultJob') }));
    const action = WIRE_ACTION[input.action];
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
        mapLimit(targets, CONTROL_CONCURRENCY, async (t): Promise<ControlRecord> => {
          const base = { jobId: t.globalId, instanceId: t.source.instanceId };
          try {
            const { resubmittedJobIds } = await t.source.controlJob(t.id, action);
            const [job, resubmittedJob] = await Promise.all([
              readJob(t.source, t.id),
              resubmittedJobIds[0] === undefined ? null : readStartedJobs(t.source, resubmittedJobIds.slice(0, 1)).then(([j]) => j ?? null),
            ]);
            return { ...base, ok: true, job, resubmittedJob, error: null };
          } catch (error) {
            if (!isGatewayError(error)) throw error;
            return { ...base, ok: false, job: null, resubmittedJob: null, error: { code: error.code, message: error.message } };
          }
        }),
    );
    const results = records.map((r) => {
      return Object.assign(new JobControlResult(), {
        jobId: r.jobId,
        ok: r.ok,
        job: r.job,
        resubmittedJob: r.resubmittedJob,
        error: r.error,
      });
    });
    return Object.assign(new ControlJobsPayload(), { results });
  }
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
