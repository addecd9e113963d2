import { Field, ID, InputType } from 'type-graphql';
import { IDEMPOTENCY_KEY } from '../unified/idempotency-key.js';

@InputType({ description: 'Switch an SLA\'s schedules and expirations on or off. Only the fields given are sent (the console\'s PUT is incremental); an explicit null is refused.' })
export class UpdateSlaInput {
  @Field(() => ID, { description: 'A BackupDrSla global id.' })
  sla!: string;

  @Field(() => Boolean, { nullable: true, description: 'Stop (true) or restart (false) its scheduled jobs; a logical group\'s SLA switches its members too.' })
  scheduleOff?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Stop (true) or restart (false) expiring its images.' })
  expirationOff?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Stop (true) or restart (false) expiring its logs.' })
  logExpirationOff?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Stop (true) or restart (false) its dedup-async copies.' })
  dedupAsyncOff?: boolean | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Protect a console application with a plan: a template (SLT) and a resource profile (SLP).' })
export class ApplySlaInput {
  @Field(() => ID, { description: 'A BackupDrApplication global id.' })
  application!: string;

  @Field(() => ID, { description: 'A BackupDrSlt global id on the same console.' })
  template!: string;

  @Field(() => ID, { description: 'A BackupDrSlp global id on the same console.' })
  profile!: string;

  @Field(() => Boolean, { nullable: true, description: 'Apply it with schedules off (default false).' })
  scheduleOff?: boolean | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Remove an SLA: its application (or logical group) is no longer protected.' })
export class RemoveSlaInput {
  @Field(() => ID, { description: 'A BackupDrSla global id.' })
  sla!: string;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;
}
