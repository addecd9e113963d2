import { Field, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { Node } from '../unified/node.type.js';
import { BackupDrObject } from './console-object.type.js';

@ObjectType('BackupDrAuditRecord', { description: 'An audit record of the console itself (`GET /localaudit`).', implements: Node })
export class BackupDrAuditRecord extends BackupDrObject {
  /** Not a field: the record's GraphQL type name (interfaces resolve by it). */
  override __typename!: 'BackupDrAuditRecord';

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
