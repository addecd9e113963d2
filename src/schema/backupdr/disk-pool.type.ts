import type { UpstreamRef } from '../../datasources/record.js';
import { Field, Float, ID } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { Node } from '../unified/node.type.js';
import { StorageTarget } from '../unified/storage-target.type.js';
import { Upstream } from '../unified/upstream.type.js';

@ObjectType('BackupDrDiskPool', { description: 'A disk pool of an appliance (snapshot, dedup or OnVault): `GET /diskpool`.', implements: [Node, StorageTarget] })
export class BackupDrDiskPool implements StorageTarget {
  /** Not a field: the record's GraphQL type name (interfaces resolve by it). */
  __typename!: 'BackupDrDiskPool';

  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Upstream)
  upstream!: UpstreamRef;

  @Field(() => Float, { nullable: true })
  capacityBytes!: number | null;

  @Field(() => Float, { nullable: true })
  freeBytes!: number | null;

  @Field(() => Float, { nullable: true })
  freePercent!: number | null;

  @Field(() => ID)
  consoleId!: string;

  @Field(() => String, { nullable: true, description: '`perf` (snapshot), `dedup`, `vault` (OnVault).' })
  poolType!: string | null;

  @Field(() => String, { nullable: true })
  poolTypeDisplayName!: string | null;

  @Field(() => String, { nullable: true })
  state!: string | null;

  @Field(() => String, { nullable: true })
  status!: string | null;

  @Field(() => Float, { nullable: true })
  usedBytes!: number | null;

  @Field(() => Float, { nullable: true, description: 'The console\'s `pct`.' })
  usedPercent!: number | null;

  @Field(() => Float, { nullable: true })
  warnPercent!: number | null;

  @Field(() => Float, { nullable: true })
  safePercent!: number | null;

  @Field(() => Boolean, { nullable: true })
  immutable!: boolean | null;

  @Field(() => Date, { nullable: true })
  modifiedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the console last synced the object from its appliance.' })
  syncedAt!: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'The console could not sync it lately (appliance unreachable).' })
  stale!: boolean | null;

  /** Not a field: a reference the relation resolvers follow. */
  applianceId!: string | null;
}
