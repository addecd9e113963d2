import { Field, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { Node } from '../unified/node.type.js';
import { BackupDrObject } from './console-object.type.js';

@ObjectType('BackupDrConsistencyGroup', { description: 'Applications of one host grouped into one consistent image (`GET /consistencygroup`).', implements: Node })
export class BackupDrConsistencyGroup extends BackupDrObject {
  /** Not a field: the record's GraphQL type name (interfaces resolve by it). */
  override __typename!: 'BackupDrConsistencyGroup';

  @Field(() => String, { nullable: true })
  groupName!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Int, { nullable: true })
  memberCount!: number | null;

  @Field(() => Date, { nullable: true, description: 'When the console last synced the object from its appliance.' })
  syncedAt!: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'The console could not sync it lately (appliance unreachable).' })
  stale!: boolean | null;

  /** Not a field: a reference the relation resolvers follow. */
  hostId!: string | null;

  /** Not a field: a reference the relation resolvers follow. */
  applianceId!: string | null;
}
