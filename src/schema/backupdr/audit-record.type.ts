import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../unified/node.type.js';
import { Upstream } from '../unified/upstream.type.js';

@ObjectType('BackupDrAuditRecord', { description: 'An audit record of the console itself (`GET /localaudit`).', implements: Node })
export class BackupDrAuditRecord implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => Upstream)
  upstream!: Upstream;

  @Field(() => ID, { description: 'The console\'s own id (a numeric string).' })
  consoleId!: string;

  @Field(() => Date, { nullable: true })
  issuedAt!: Date | null;

  @Field(() => String, { nullable: true })
  userName!: string | null;

  @Field(() => String, { nullable: true })
  command!: string | null;

  @Field(() => String, { nullable: true })
  ipAddress!: string | null;

  @Field(() => String, { nullable: true })
  component!: string | null;

  @Field(() => Int, { nullable: true })
  status!: number | null;

  @Field(() => Boolean, { nullable: true })
  privileged!: boolean | null;
}
