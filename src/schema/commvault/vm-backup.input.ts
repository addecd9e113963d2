import { Field, ID, InputType } from 'type-graphql';
import { IDEMPOTENCY_KEY } from '../unified/idempotency-key.js';
import { BackupLevel } from './operations.enums.js';

@InputType({ description: 'Start a backup of one Commvault virtual machine now (its VM group backs up that VM only).' })
export class BackupVirtualMachineInput {
  @Field(() => ID, { description: 'A CommvaultVirtualMachine global id.' })
  virtualMachine!: string;

  @Field(() => BackupLevel, { nullable: true, description: 'Default INCREMENTAL, as the CommServe defaults.' })
  level?: BackupLevel | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;
}
