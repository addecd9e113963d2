import { Field, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { BackupDrNamedRef } from './named-ref.type.js';
import { BackupDrObjectSource } from './object-source.type.js';
import { Node } from '../unified/node.type.js';
import { ProtectedWorkload } from '../unified/protected-workload.type.js';
import { BackupDrObject } from './console-object.type.js';

@ObjectType('BackupDrApplication', {
  description:
    'An application (VM, database, file system, instance): `GET /application`. As a ProtectedWorkload, its backups are its ' +
    'capture jobs (snapshot, dedup, DirectOnVault) and its host is `host`.',
  implements: [Node, ProtectedWorkload],
})
export class BackupDrApplication extends BackupDrObject implements ProtectedWorkload {
  /** Not a field: the record's GraphQL type name (interfaces resolve by it). */
  override __typename!: 'BackupDrApplication';

  @Field(() => String, { nullable: true })
  appName!: string | null;

  @Field(() => String, { description: 'The display name; may differ from appName, and is appName (or the console id) when the console sends none.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'e.g. `VMBackup`, `GCPInstance`, `SqlInstance`.' })
  appType!: string | null;

  @Field(() => String, { nullable: true })
  friendlyType!: string | null;

  @Field(() => String, { nullable: true })
  appClass!: string | null;

  @Field(() => String, { nullable: true })
  protectable!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Protected by an SLA.' })
  managed!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  isVm!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  isOrphan!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  ignore!: boolean | null;

  @Field(() => Int, { nullable: true })
  sensitivity!: number | null;

  @Field(() => String, { nullable: true })
  uniqueName!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true })
  pathName!: string | null;

  @Field(() => String, { nullable: true })
  appVersion!: string | null;

  @Field(() => String, { nullable: true })
  networkName!: string | null;

  @Field(() => String, { nullable: true })
  hostName!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the console last synced the object from its appliance.' })
  syncedAt!: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'The console could not sync it lately (appliance unreachable).' })
  stale!: boolean | null;

  @Field(() => [BackupDrObjectSource], { description: 'One entry per appliance when the console consolidates the application (empty otherwise).' })
  sources!: BackupDrObjectSource[];

  @Field(() => [BackupDrNamedRef])
  organizations!: BackupDrNamedRef[];

  /** Resolved by the application resolver from its successful capture jobs (ProtectedWorkload). */
  lastSuccessfulBackupAt!: Date | null;

  /** Not a field: a reference the relation resolvers follow. */
  hostId!: string | null;

  /** Not a field: a reference the relation resolvers follow. */
  slaId!: string | null;

  /** Not a field: a reference the relation resolvers follow. */
  logicalGroupId!: string | null;

  /** Not a field: a reference the relation resolvers follow. */
  consistencyGroupId!: string | null;

  /** Not a field: a reference the relation resolvers follow. */
  applianceId!: string | null;
}
