import { Field, ID } from 'type-graphql';
import { ObjectType } from '../object-type.js';


@ObjectType('BackupDrPolicy', { description: 'A policy of an SLT (`GET /slt/{id}/policy`).' })
export class BackupDrPolicy {
  @Field(() => ID)
  consoleId!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true, description: '`snap`, `dedup`, `cloud`, `log`, …' })
  op!: string | null;

  @Field(() => String, { nullable: true })
  priority!: string | null;

  @Field(() => String, { nullable: true })
  retention!: string | null;

  @Field(() => String, { nullable: true })
  rpo!: string | null;

  @Field(() => String, { nullable: true })
  startTime!: string | null;

  @Field(() => String, { nullable: true })
  endTime!: string | null;

  @Field(() => String, { nullable: true })
  scheduleType!: string | null;

  @Field(() => Boolean, { nullable: true })
  isContinuous!: boolean | null;
}
