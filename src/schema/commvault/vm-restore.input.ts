import { Field, ID, InputType, Int } from 'type-graphql';
import { IDEMPOTENCY_KEY } from '../unified/idempotency-key.js';

@InputType('VirtualMachineRestoreDestinationInput', {
  description: 'Where an out-of-place restore creates the VM (VMware: the destination form the CommServe documents).',
})
export class VirtualMachineRestoreDestinationInput {
  @Field(() => String, { description: 'The restored VM\'s name.' })
  newName!: string;

  @Field(() => String, { description: 'The ESX host to create it on.' })
  esxHost!: string;

  @Field(() => String, { description: 'The datastore for its disks.' })
  dataStore!: string;

  @Field(() => String, { nullable: true, description: 'The resource pool; default: the host\'s.' })
  resourcePool?: string | null;
}

@InputType({ description: 'Restore one Commvault virtual machine, in place or as a new VM.' })
export class RestoreVirtualMachineInput {
  @Field(() => ID, { description: 'A CommvaultVirtualMachine global id.' })
  virtualMachine!: string;

  @Field(() => Boolean, { nullable: true, description: 'Default true: overwrite the source VM. False: create a new VM at `destination` (required then).' })
  inPlace?: boolean | null;

  @Field(() => VirtualMachineRestoreDestinationInput, { nullable: true, description: 'Out of place only.' })
  destination?: VirtualMachineRestoreDestinationInput | null;

  @Field(() => Boolean, { nullable: true, description: 'Power the VM on after the restore. Default true.' })
  powerOn?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Replace a VM that exists at the destination (`passUnconditionalOverride`). Default: true in place (the source VM is replaced), false out of place.',
  })
  overwrite?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'The backup job to restore from (a job of the VM\'s group); default: the latest backup.' })
  backupJobId?: number | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;
}
