import { Field, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { BackupDrNamedRef } from './named-ref.type.js';
import { Node } from '../unified/node.type.js';
import { BackupDrObject } from './console-object.type.js';

@ObjectType('BackupDrLogicalGroup', { description: 'Applications of one appliance sharing an SLA (`GET /logicalgroup`).', implements: Node })
export class BackupDrLogicalGroup extends BackupDrObject {
  /** Not a field: the record's GraphQL type name (interfaces resolve by it). */
  override __typename!: 'BackupDrLogicalGroup';

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Boolean, { nullable: true })
  managed!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  scheduleOff!: boolean | null;

  @Field(() => Int, { nullable: true })
  memberCount!: number | null;

  @Field(() => Date, { nullable: true })
  modifiedAt!: Date | null;

  @Field(() => [BackupDrNamedRef])
  organizations!: BackupDrNamedRef[];

  @Field(() => Date, { nullable: true, description: 'When the console last synced the object from its appliance.' })
  syncedAt!: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'The console could not sync it lately (appliance unreachable).' })
  stale!: boolean | null;

  /** Not a field: a reference the relation resolvers follow. */
  slaId!: string | null;

  /** Not a field: a reference the relation resolvers follow. */
  applianceId!: string | null;
}
