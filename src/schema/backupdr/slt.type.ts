import { Field } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { BackupDrNamedRef } from './named-ref.type.js';
import { Node } from '../unified/node.type.js';
import { BackupDrObject } from './console-object.type.js';

@ObjectType('BackupDrSlt', { description: 'An SLA template (policy template): `GET /slt`.', implements: Node })
export class BackupDrSlt extends BackupDrObject {
  /** Not a field: the record's GraphQL type name (interfaces resolve by it). */
  override __typename!: 'BackupDrSlt';

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true })
  override!: string | null;

  @Field(() => String, { nullable: true })
  sourceName!: string | null;

  @Field(() => Boolean, { nullable: true })
  managedByAgm!: boolean | null;

  @Field(() => [BackupDrNamedRef])
  organizations!: BackupDrNamedRef[];
}
