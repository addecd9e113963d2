import { Field } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { BackupDrNamedRef } from './named-ref.type.js';
import { BackupDrObjectSource } from './object-source.type.js';
import { Node } from '../unified/node.type.js';
import { BackupDrObject } from './console-object.type.js';

@ObjectType('BackupDrHost', { description: 'A host (physical or virtual machine) applications run on: `GET /host`.', implements: Node })
export class BackupDrHost extends BackupDrObject {
  /** Not a field: the record's GraphQL type name (interfaces resolve by it). */
  override __typename!: 'BackupDrHost';

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  hostName!: string | null;

  @Field(() => String, { nullable: true })
  uniqueName!: string | null;

  @Field(() => String, { nullable: true })
  hostType!: string | null;

  @Field(() => String, { nullable: true })
  osType!: string | null;

  @Field(() => String, { nullable: true })
  osVersion!: string | null;

  @Field(() => String, { nullable: true })
  ipAddress!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Boolean, { nullable: true })
  isVm!: boolean | null;

  @Field(() => String, { nullable: true })
  vmType!: string | null;

  @Field(() => String, { nullable: true })
  zone!: string | null;

  @Field(() => String, { nullable: true })
  projectId!: string | null;

  @Field(() => Boolean, { nullable: true })
  hasAgent!: boolean | null;

  @Field(() => Date, { nullable: true })
  modifiedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the console last synced the object from its appliance.' })
  syncedAt!: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'The console could not sync it lately (appliance unreachable).' })
  stale!: boolean | null;

  @Field(() => [BackupDrObjectSource], { description: 'One entry per appliance when the console consolidates the host.' })
  sources!: BackupDrObjectSource[];

  @Field(() => [BackupDrNamedRef])
  organizations!: BackupDrNamedRef[];

  /** Not a field: a reference the relation resolvers follow. */
  applianceId!: string | null;
}
