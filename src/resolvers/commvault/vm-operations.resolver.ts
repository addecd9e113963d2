import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { CvVmBackupLevel } from '../../datasources/commvault/commvault-source.js';
import type { CvJob } from '../../datasources/commvault/model.js';
import { ErrorCode } from '../../errors/codes.js';
import { GatewayError } from '../../errors/gateway-error.js';
import { runMutation } from '../../mutations/run-mutation.js';
import { BackupLevel } from '../../schema/commvault/operations.enums.js';
import { BackupVirtualMachineInput } from '../../schema/commvault/vm-backup.input.js';
import { BackupVirtualMachinePayload } from '../../schema/commvault/vm-backup.payload.js';
import { commvaultObjectFromId } from './sources.js';
import { readStartedJobs } from './started-jobs.js';
import { virtualizationLoaders } from './virtualization-sources.js';

/** V4 spells the levels as our enum does. */
const WIRE_LEVEL: Readonly<Record<BackupLevel, CvVmBackupLevel>> = {
  [BackupLevel.FULL]: 'FULL',
  [BackupLevel.INCREMENTAL]: 'INCREMENTAL',
  [BackupLevel.DIFFERENTIAL]: 'DIFFERENTIAL',
  [BackupLevel.SYNTHETIC_FULL]: 'SYNTHETIC_FULL',
};

/**
 * VM operations (docs/operations.md). Restore is not offered: the only documented VM restore call takes an
 * XML body whose JSON form no source shows (docs/upstreams/commvault.md, "Virtualisation").
 */
@Resolver()
export class CommvaultVmOperationsResolver {
  @Mutation(() => BackupVirtualMachinePayload, {
    description:
      'Start a backup of one VM now (`POST /V4/VirtualMachines/{uuid}/backup`). Never retried: a lost answer is UPSTREAM_UNCERTAIN.',
  })
  async backupVirtualMachine(
    @Arg('input', () => BackupVirtualMachineInput) input: BackupVirtualMachineInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<BackupVirtualMachinePayload> {
    const { source, id: clientId } = commvaultObjectFromId(ctx, input.virtualMachine, 'CommvaultVirtualMachine');
    const level = input.level ?? BackupLevel.INCREMENTAL;
    const jobs = await runMutation(
      ctx,
      {
        operation: 'backupVirtualMachine',
        input,
        idempotencyKey: input.idempotencyKey,
        targets: [input.virtualMachine],
        summarize: (started: CvJob[]) => ({ upstream: source.instanceId, jobIds: started.map((j) => j.jobId), backupLevel: level }),
      },
      async () => {
        // The V4 call names the VM by UUID: the (cached) VM list gives it.
        const vm = await virtualizationLoaders(ctx).virtualMachineById.load({ instanceId: source.instanceId, id: clientId });
        if (!vm) throw new GatewayError(ErrorCode.NOT_FOUND, `No virtual machine with client id ${clientId} on ${source.instanceId}`);
        if (!vm.uuid) throw new GatewayError(ErrorCode.NOT_SUPPORTED, `The CommServe gives no UUID for virtual machine ${vm.name}: it cannot be backed up by UUID`);
        return readStartedJobs(source, await source.startVirtualMachineBackup(vm.uuid, WIRE_LEVEL[level]));
      },
    );
    return Object.assign(new BackupVirtualMachinePayload(), { jobs });
  }
}
