import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { CvVmBackupLevel } from '../../datasources/commvault/commvault-source.js';
import type { CvJob } from '../../datasources/commvault/model.js';
import { ErrorCode } from '../../errors/codes.js';
import { badUserInput, GatewayError } from '../../errors/gateway-error.js';
import { runMutation } from '../../mutations/run-mutation.js';
import { BackupLevel } from '../../schema/commvault/operations.enums.js';
import { BackupVirtualMachineInput } from '../../schema/commvault/vm-backup.input.js';
import { BackupVirtualMachinePayload } from '../../schema/commvault/vm-backup.payload.js';
import { RestoreVirtualMachineInput } from '../../schema/commvault/vm-restore.input.js';
import { RestoreVirtualMachinePayload } from '../../schema/commvault/vm-restore.payload.js';
import type { VmRestoreRequest } from '../../datasources/commvault/vm-restore-request.js';
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
 * VM operations (docs/operations.md). Restore sends the only documented VM restore call, with its XML body
 * (docs/upstreams/commvault-vm-restore.md).
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

  @Mutation(() => RestoreVirtualMachinePayload, {
    description:
      'Restore one VM from its latest backup (or `backupJobId`), in place or as a new VM (`POST /v2/vsa/vm/{guid}/recover`). ' +
      'Never retried: a lost answer is UPSTREAM_UNCERTAIN.',
  })
  async restoreVirtualMachine(
    @Arg('input', () => RestoreVirtualMachineInput) input: RestoreVirtualMachineInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<RestoreVirtualMachinePayload> {
    const { source, id: clientId } = commvaultObjectFromId(ctx, input.virtualMachine, 'CommvaultVirtualMachine');
    const request = restoreRequestOf(input);
    const jobs = await runMutation(
      ctx,
      {
        operation: 'restoreVirtualMachine',
        // Defaults filled in: an unset variable may arrive as null or as the default, meaning the same.
        input: { ...input, inPlace: request.inPlace, powerOn: request.powerOn, overwrite: request.overwrite },
        idempotencyKey: input.idempotencyKey,
        targets: [input.virtualMachine],
        summarize: (started: CvJob[]) => ({ upstream: source.instanceId, jobIds: started.map((j) => j.jobId), inPlace: request.inPlace }),
      },
      async () => {
        // The call names the VM by GUID: the (cached) VM list gives it.
        const vm = await virtualizationLoaders(ctx).virtualMachineById.load({ instanceId: source.instanceId, id: clientId });
        if (!vm) throw new GatewayError(ErrorCode.NOT_FOUND, `No virtual machine with client id ${clientId} on ${source.instanceId}`);
        if (!vm.uuid) throw new GatewayError(ErrorCode.NOT_SUPPORTED, `The CommServe gives no GUID for virtual machine ${vm.name}: it cannot be restored by GUID`);
        return readStartedJobs(source, await source.startVirtualMachineRestore(vm.uuid, request));
      },
    );
    return Object.assign(new RestoreVirtualMachinePayload(), { jobs });
  }
}

/** Longest name, host, datastore or pool accepted: VMware's own names are at most 80 characters; 255 leaves room. */
const MAX_DESTINATION_TEXT = 255;

/** The restore the input asks for, checked before anything is sent (BAD_USER_INPUT, no upstream call). */
export function restoreRequestOf(input: RestoreVirtualMachineInput): VmRestoreRequest {
  const inPlace = input.inPlace ?? true;
  if (inPlace && input.destination) throw badUserInput('destination is for an out-of-place restore: set inPlace to false, or leave destination out');
  if (!inPlace && !input.destination) throw badUserInput('An out-of-place restore (inPlace: false) needs a destination');
  if (input.backupJobId !== null && input.backupJobId !== undefined && input.backupJobId <= 0) throw badUserInput('backupJobId must be a positive job id');
  const d = input.destination;
  const destination = d
    ? {
        newName: text(d.newName, 'destination.newName'),
        esxHost: text(d.esxHost, 'destination.esxHost'),
        dataStore: text(d.dataStore, 'destination.dataStore'),
        ...(d.resourcePool === null || d.resourcePool === undefined ? {} : { resourcePool: text(d.resourcePool, 'destination.resourcePool') }),
      }
    : undefined;
  return {
    inPlace,
    powerOn: input.powerOn ?? true,
    overwrite: input.overwrite ?? inPlace,
    ...(input.backupJobId === null || input.backupJobId === undefined ? {} : { jobId: input.backupJobId }),
    ...(destination ? { destination } : {}),
  };
}

function text(value: string, name: string): string {
  const trimmed = value.trim();
  if (trimmed === '') throw badUserInput(`${name} must not be empty`);
  if (trimmed.length > MAX_DESTINATION_TEXT) throw badUserInput(`${name} is longer than ${MAX_DESTINATION_TEXT} characters`);
  return trimmed;
}
