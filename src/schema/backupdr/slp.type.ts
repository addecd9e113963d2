import { Field } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { BackupDrNamedRef } from './named-ref.type.js';
import { Node } from '../unified/node.type.js';
import { BackupDrObject } from './console-object.type.js';

@ObjectType('BackupDrSlp', { description: 'An SLA profile (resource profile): `GET /slp`.', implements: Node })
export class BackupDrSlp extends BackupDrObject {
  /** Not a field: the record's GraphQL type name (interfaces resolve by it). */
  override __typename!: 'BackupDrSlp';

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true })
  localNode!: string | null;

  @Field(() => String, { nullable: true })
  performancePool!: string | null;

  @Field(() => String, { nullable: true, description: 'The appliance\'s own id (`clusterid`).' })
  applianceId!: string | null;

  @Field(() => Date, { nullable: true })
  createdAt!: Date | null;

  @Field(() => Date, { nullable: true })
  modifiedAt!: Date | null;

  @Field(() => [BackupDrNamedRef])
  organizations!: BackupDrNamedRef[];

  /** Not a field: a reference the relation resolvers follow. */
  vaultPoolId!: string | null;
}
