import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { CvBackupLevel } from '../../datasources/commvault/commvault-source.js';
import type { CvJob } from '../../datasources/commvault/model.js';
import { runMutation } from '../../mutations/run-mutation.js';
import { BackupLevel } from '../../schema/commvault/operations.enums.js';
import { BackupSubclientInput } from '../../schema/commvault/operations.input.js';
import { BackupSubclientPayload } from '../../schema/commvault/operations.payload.js';
import { commvaultObjectFromId } from './sources.js';
import { readStartedJobs } from './started-jobs.js';

/** A backup level as the CommServe names it (a subclient backup's `backupLevel`, a schedule's `backupOpts.backupLevel`). */
export const WIRE_LEVEL: Readonly<Record<BackupLevel, CvBackupLevel>> = {
  [BackupLevel.FULL]: 'Full',
  [BackupLevel.INCREMENTAL]: 'Incremental',
  [BackupLevel.DIFFERENTIAL]: 'Differential',
  [BackupLevel.SYNTHETIC_FULL]: 'Synthetic_full',
};

/**
 * Commvault mutations (docs/operations.md). Each goes through runMutation (role, idempotency key, audit
 * line); the source's write methods send one call each through the pipeline's write path and drop the
 * cached job reads they change. The jobs in the payloads are read back right after (`GET /Job/{id}`).
 * Job control is the cross-product `controlJobs` (src/resolvers/unified/control-jobs.resolver.ts), which
 * reaches Commvault jobs through `job-control.ts`.
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
}
