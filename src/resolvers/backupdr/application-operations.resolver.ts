import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { findStartedJob, uniqueLabel, type StartedConsoleJob } from '../../datasources/backupdr/job-lookup.js';
import type { BdrApplication } from '../../datasources/backupdr/model.js';
import { runMutation } from '../../mutations/run-mutation.js';
import { BackupApplicationInput, UpdateApplicationInput } from '../../schema/backupdr/application-operations.input.js';
import { BackupDrBackupType } from '../../schema/backupdr/operations.enums.js';
import { BackupApplicationPayload, UpdateApplicationPayload } from '../../schema/backupdr/operations.payload.js';
import { checkedLabel, givenFields } from './given-fields.js';
import { consoleObjectFromId } from './object-from-id.js';
import { backupPolicy } from './backup-policy.js';

const WIRE_BACKUP_TYPE = { [BackupDrBackupType.DB]: 'db', [BackupDrBackupType.LOG]: 'log' } as const;

/**
 * Console mutations on applications (docs/operations.md, "Backup and DR consoles"): an on-demand backup,
 * whose job the console does not name (it is found by its label), and an incremental change.
 */
@Resolver()
export class BackupDrApplicationOperationsResolver {
  @Mutation(() => BackupApplicationPayload, {
    description:
      'Take an on-demand backup of a console application (`POST /application/{id}/backup`). The console answers without a job id: ' +
      'the job is looked for by its label for a few seconds (`jobFound`). Never retried: a lost answer is UPSTREAM_UNCERTAIN.',
  })
  async backupApplication(@Arg('input', () => BackupApplicationInput) input: BackupApplicationInput, @Ctx() ctx: GatewayContext): Promise<BackupApplicationPayload> {
    const target = consoleObjectFromId(ctx, input.application, ['BackupDrApplication', 'BackupDrConsistencyGroup']);
    const label = checkedLabel(input.label) ?? uniqueLabel();
    const { source, consoleId } = target;
    const started = await runMutation(
      ctx,
      {
        operation: 'backupApplication',
        input,
        idempotencyKey: input.idempotencyKey,
        targets: [input.application],
        summarize: (s: StartedConsoleJob) => ({ upstream: source.instanceId, label: s.label, jobIds: s.job ? [s.job.consoleId] : [] }),
      },
      async () => {
        // Checked before the write: an application this caller's console identity cannot see is NOT_FOUND, nothing sent.
        const policyId = await backupPolicy(ctx, target, input.policy ?? undefined);
        await source.backupApplication(consoleId, { label, policyId, backupType: WIRE_BACKUP_TYPE[input.backupType ?? BackupDrBackupType.DB] });
        return findStartedJob(source, label);
      },
    );
    return Object.assign(new BackupApplicationPayload(), { job: started.job, jobFound: started.job !== null, label: started.label });
  }

  @Mutation(() => UpdateApplicationPayload, {
    description: 'Rename, describe, weigh or ignore a console application (`PUT /application/{id}`, incremental: only the fields given change).',
  })
  async updateApplication(@Arg('input', () => UpdateApplicationInput) input: UpdateApplicationInput, @Ctx() ctx: GatewayContext): Promise<UpdateApplicationPayload> {
    const { source, consoleId } = consoleObjectFromId(ctx, input.application, ['BackupDrApplication']);
    const change = givenFields(input, ['name', 'description', 'sensitivity', 'ignore']);
    const application = await runMutation(
      ctx,
      { operation: 'updateApplication', input, idempotencyKey: input.idempotencyKey, targets: [input.application], summarize: () => ({ upstream: source.instanceId, fields: Object.keys(change) }) },
      async (): Promise<BdrApplication | null> => {
        await source.updateApplication(consoleId, change);
        // The console answers 204: the application is read back (its cached reads were dropped by the write).
        return source.getById('application', consoleId).catch(() => null);
      },
    );
    return Object.assign(new UpdateApplicationPayload(), { application });
  }
}
