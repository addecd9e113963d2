import { Field } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { Node } from '../unified/node.type.js';
import { BackupDrObject } from './console-object.type.js';

@ObjectType('BackupDrSla', { description: 'An SLA: an application (or logical group) protected by an SLT and an SLP: `GET /sla`.', implements: Node })
export class BackupDrSla extends BackupDrObject {
  /** Not a field: the record's GraphQL type name (interfaces resolve by it). */
  override __typename!: 'BackupDrSla';

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Schedules are off (the console sends "true"/"false").' })
  scheduleOff!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  expirationOff!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  dedupAsyncOff!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  logExpirationOff!: boolean | null;

  @Field(() => Date, { nullable: true })
  modifiedAt!: Date | null;

  /** Not a field: a reference the relation resolvers follow. */
  applicationId!: string | null;

  /** Not a field: a reference the relation resolvers follow. */
  logicalGroupId!: string | null;

  /** Not a field: a reference the relation resolvers follow. */
  sltId!: string | null;

  /** Not a field: a reference the relation resolvers follow. */
  slpId!: string | null;
}
