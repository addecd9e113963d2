import { Field, ID, InputType } from 'type-graphql';
import { IDEMPOTENCY_KEY } from '../unified/idempotency-key.js';
import { BackupLevel } from './operations.enums.js';

@InputType({ description: 'Start a backup of one Commvault subclient now.' })
export class BackupSubclientInput {
  @Field(() => ID, { description: 'A CommvaultSubclient global id.' })
  subclient!: string;

  @Field(() => BackupLevel)
  level!: BackupLevel;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;
}
