import { Field, ID, InputType, Int } from 'type-graphql';
import { IDEMPOTENCY_KEY } from '../unified/idempotency-key.js';
import { BackupDrBackupType } from './operations.enums.js';

@InputType({ description: 'Take an on-demand backup of one console application (or consistency group).' })
export class BackupApplicationInput {
  @Field(() => ID, { description: 'A BackupDrApplication or BackupDrConsistencyGroup global id.' })
  application!: string;

  @Field(() => BackupDrBackupType, { nullable: true, description: 'DB (default) or LOG.' })
  backupType?: BackupDrBackupType | null;

  @Field(() => ID, { nullable: true, description: 'The console id (`BackupDrPolicy.consoleId`) of a policy of the application\'s template; default: its snapshot policy.' })
  policy?: string | null;

  @Field(() => String, { nullable: true, description: 'The image and job label; default: a unique label the gateway makes. The job is found by it.' })
  label?: string | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Change a console application. Only the fields given are written (the console\'s PUT is incremental); an explicit null is refused.' })
export class UpdateApplicationInput {
  @Field(() => ID, { description: 'A BackupDrApplication global id.' })
  application!: string;

  @Field(() => String, { nullable: true, description: 'The display name (not `appName`).' })
  name?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Int, { nullable: true })
  sensitivity?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Ignore the application (leave it out of protection reports).' })
  ignore?: boolean | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;
}
