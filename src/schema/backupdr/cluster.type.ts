import { Field, Float, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { Node } from '../unified/node.type.js';
import { BackupDrObject } from './console-object.type.js';

@ObjectType('BackupDrAppliance', { description: 'A backup/recovery appliance (`GET /cluster`).', implements: Node })
export class BackupDrAppliance extends BackupDrObject {
  /** Not a field: the record's GraphQL type name (interfaces resolve by it). */
  override __typename!: 'BackupDrAppliance';

  @Field(() => String, { nullable: true, description: 'The appliance\'s own id (`clusterid`), not the console id.' })
  applianceId!: string | null;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  type!: string | null;

  @Field(() => String, { nullable: true })
  ipAddress!: string | null;

  @Field(() => String, { nullable: true })
  version!: string | null;

  @Field(() => String, { nullable: true })
  timezone!: string | null;

  @Field(() => String, { nullable: true })
  region!: string | null;

  @Field(() => String, { nullable: true })
  zone!: string | null;

  @Field(() => String, { nullable: true })
  projectId!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true })
  supportStatus!: string | null;

  @Field(() => Date, { nullable: true })
  lastSyncAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: '`online` or `unreachable`, as `reachable` says; null when the console says neither (docs/upstreams/backupdr-infrastructure.md §1).',
  })
  status!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'The console reaches the appliance: `clusterstatus.accessible` is not false and the object is not stale. Null when the console gives neither.',
  })
  reachable!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '`clusterstatus.accessible` as the console sends it.' })
  accessible!: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Virtual disks the appliance holds (`clusterstatus.vdiskcount`).' })
  vdiskCount!: number | null;

  @Field(() => Int, { nullable: true, description: 'Virtual disks it can hold (`clusterstatus.vdisklimit`).' })
  vdiskLimit!: number | null;

  @Field(() => String, { nullable: true, description: 'The console\'s colour for the virtual-disk use (`clusterstatus.vdiskcolor`), as sent.' })
  vdiskColor!: string | null;

  @Field(() => String, { nullable: true, description: 'The console\'s colour for local snapshots (`clusterstatus.localsnapshotcolor`), as sent.' })
  localSnapshotColor!: string | null;

  @Field(() => String, { nullable: true, description: 'The console\'s colour for local dedup (`clusterstatus.localdedupcolor`), as sent.' })
  localDedupColor!: string | null;

  @Field(() => String, { nullable: true, description: 'The console\'s colour for remote protection (`clusterstatus.remoteprotectioncolor`), as sent.' })
  remoteProtectionColor!: string | null;

  @Field(() => Float, { nullable: true, description: '`clusterstatus.copydata` as sent: the console documents no unit.' })
  copyData!: number | null;

  @Field(() => Date, { nullable: true, description: 'When the console last synced the object from its appliance.' })
  syncedAt!: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'The console could not sync it lately (appliance unreachable).' })
  stale!: boolean | null;
}
