import { Field, ID, InputType } from 'type-graphql';
import { IDEMPOTENCY_KEY } from '../unified/idempotency-key.js';

@InputType({ description: 'Mount a console image (backup) on a host.' })
export class MountBackupInput {
  @Field(() => ID, { description: 'A BackupDrBackup global id.' })
  backup!: string;

  @Field(() => ID, { description: 'A BackupDrHost global id on the same console.' })
  host!: string;

  @Field(() => String, { nullable: true, description: 'The mount\'s label; default: a unique label the gateway makes. The mount job is found by it.' })
  label?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Power the mounted VM on.' })
  powerOnVm?: boolean | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Unmount a mounted console image.' })
export class UnmountBackupInput {
  @Field(() => ID, { description: 'A BackupDrBackup global id.' })
  backup!: string;

  @Field(() => Boolean, { nullable: true, description: 'Delete the mounted copy as well (default false).' })
  delete?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Unmount even if the host still uses it (default false).' })
  force?: boolean | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Expire a console image now.' })
export class ExpireBackupInput {
  @Field(() => ID, { description: 'A BackupDrBackup global id.' })
  backup!: string;

  @Field(() => Boolean, { nullable: true, description: 'Expire it even while it is mounted (default false).' })
  force?: boolean | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Change a console image\'s label or expiration. Only the fields given are written; an explicit null is refused.' })
export class UpdateBackupInput {
  @Field(() => ID, { description: 'A BackupDrBackup global id.' })
  backup!: string;

  @Field(() => String, { nullable: true })
  label?: string | null;

  @Field(() => Date, { nullable: true, description: 'A past date makes the console expire the image within the hour.' })
  expiration?: Date | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;
}
