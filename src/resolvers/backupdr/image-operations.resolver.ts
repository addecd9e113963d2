import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { BackupDrSource } from '../../datasources/backupdr/backupdr-source.js';
import { findStartedJob, uniqueLabel } from '../../datasources/backupdr/job-lookup.js';
import type { BdrBackup } from '../../datasources/backupdr/model.js';
import { runMutation } from '../../mutations/run-mutation.js';
import { ExpireBackupInput, MountBackupInput, UnmountBackupInput, UpdateBackupInput } from '../../schema/backupdr/image-operations.input.js';
import { ExpireBackupPayload, MountBackupPayload, UnmountBackupPayload, UpdateBackupPayload } from '../../schema/backupdr/operations.payload.js';
import { checkedLabel, givenFields } from './given-fields.js';
import { consoleObjectFromId, onOneConsole } from './object-from-id.js';

const IMAGE = ['BackupDrBackup'];

/** The image as the console shows it now; null when it no longer does (expired) or the read fails (the write stood). */
const readImage = (source: BackupDrSource, id: string): Promise<BdrBackup | null> => source.getById('backup', id).catch(() => null);

/** Console mutations on images (docs/operations.md, "Backup and DR consoles"): mount, unmount, expire, change. */
@Resolver()
export class BackupDrImageOperationsResolver {
  @Mutation(() => MountBackupPayload, {
    description: 'Mount a console image on a host (`POST /backup/{id}/mount`); the mount job is looked for by its label (`jobFound`).',
  })
  async mountBackup(@Arg('input', () => MountBackupInput) input: MountBackupInput, @Ctx() ctx: GatewayContext): Promise<MountBackupPayload> {
    const image = consoleObjectFromId(ctx, input.backup, IMAGE);
    const host = consoleObjectFromId(ctx, input.host, ['BackupDrHost']);
    const source = onOneConsole([image, host]);
    const label = checkedLabel(input.label) ?? uniqueLabel();
    const done = await runMutation(
      ctx,
      {
        operation: 'mountBackup',
        input,
        idempotencyKey: input.idempotencyKey,
        targets: [input.backup, input.host],
        summarize: (d) => ({ upstream: source.instanceId, label, jobIds: d.job ? [d.job.consoleId] : [] }),
      },
      async () => {
        await source.mountBackup(image.consoleId, { label, hostId: host.consoleId, powerOnVm: input.powerOnVm ?? undefined });
        const [started, backup] = await Promise.all([findStartedJob(source, label), readImage(source, image.consoleId)]);
        return { ...started, backup };
      },
    );
    return Object.assign(new MountBackupPayload(), { backup: done.backup, job: done.job, jobFound: done.job !== null, label: done.label });
  }

  @Mutation(() => UnmountBackupPayload, { description: 'Unmount a mounted console image (`POST /backup/{id}/unmount`), deleting the mounted copy if asked.' })
  async unmountBackup(@Arg('input', () => UnmountBackupInput) input: UnmountBackupInput, @Ctx() ctx: GatewayContext): Promise<UnmountBackupPayload> {
    const { source, consoleId } = consoleObjectFromId(ctx, input.backup, IMAGE);
    const backup = await runMutation(
      ctx,
      { operation: 'unmountBackup', input, idempotencyKey: input.idempotencyKey, targets: [input.backup], summarize: () => ({ upstream: source.instanceId, delete: input.delete ?? false }) },
      async () => {
        await source.unmountBackup(consoleId, { delete: input.delete ?? false, force: input.force ?? undefined });
        return readImage(source, consoleId);
      },
    );
    return Object.assign(new UnmountBackupPayload(), { backup });
  }

  @Mutation(() => ExpireBackupPayload, {
    description: 'Expire a console image now (`POST /backup/{id}/expire`); a mounted image needs `force`. Not retried: the console refuses concurrent expirations on one appliance.',
  })
  async expireBackup(@Arg('input', () => ExpireBackupInput) input: ExpireBackupInput, @Ctx() ctx: GatewayContext): Promise<ExpireBackupPayload> {
    const { source, consoleId } = consoleObjectFromId(ctx, input.backup, IMAGE);
    const backup = await runMutation(
      ctx,
      { operation: 'expireBackup', input, idempotencyKey: input.idempotencyKey, targets: [input.backup], summarize: () => ({ upstream: source.instanceId, force: input.force ?? false }) },
      async () => {
        await source.expireBackup(consoleId, input.force ?? false);
        return readImage(source, consoleId);
      },
    );
    return Object.assign(new ExpireBackupPayload(), { backupId: input.backup, backup });
  }

  @Mutation(() => UpdateBackupPayload, { description: 'Change a console image\'s label or expiration (`PUT /backup/{id}`, incremental: only the fields given change).' })
  async updateBackup(@Arg('input', () => UpdateBackupInput) input: UpdateBackupInput, @Ctx() ctx: GatewayContext): Promise<UpdateBackupPayload> {
    const { source, consoleId } = consoleObjectFromId(ctx, input.backup, IMAGE);
    const change = givenFields(input, ['label', 'expiration']);
    const backup = await runMutation(
      ctx,
      { operation: 'updateBackup', input, idempotencyKey: input.idempotencyKey, targets: [input.backup], summarize: () => ({ upstream: source.instanceId, fields: Object.keys(change) }) },
      () => source.updateBackup(consoleId, change),
    );
    return Object.assign(new UpdateBackupPayload(), { backup });
  }
}
