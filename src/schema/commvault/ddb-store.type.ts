import type { UpstreamRef } from '../../datasources/record.js';
import { Field, Float, ID, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import type { CvDdbPartition, CvDdbResync } from '../../datasources/commvault/model.js';
import type { Holds, Same } from '../record-checks.js';
import { Node } from '../unified/node.type.js';
import { Upstream } from '../unified/upstream.type.js';

@ObjectType('CommvaultDdbPartition', { description: 'A partition (substore) of a deduplication database.' })
export class CommvaultDdbPartition {
  @Field(() => Int)
  subStoreId!: number;

  @Field(() => String, { nullable: true })
  path!: string | null;

  @Field(() => String, { nullable: true })
  mediaAgentName!: string | null;

  @Field(() => Boolean, { nullable: true })
  online!: boolean | null;

  @Field(() => Float, { nullable: true, description: 'Free space of the partition\'s volume, bytes.' })
  freeBytes!: number | null;

  @Field(() => Float, { nullable: true, description: 'Average query-and-insert time, µs.' })
  avgQiMicros!: number | null;

  @Field(() => Float, { nullable: true, description: 'Primary entries (unique blocks) the partition holds (`maxSIDBPrimaryRecords`).' })
  primaryEntries!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the partition is offline (`offlineReason`, a code or a text as sent); null when none.' })
  offlineReason!: string | null;

  @Field(() => Date, { nullable: true, description: 'The partition\'s last DDB backup (`lastSnapTime`).' })
  lastBackupAt!: Date | null;

}

@ObjectType('CommvaultDdbResync', {
  description:
    'Whether a store needs a resync: its CommServe database and DDB disagree (e.g. after a DR restore). The CommServe starts the resync itself ' +
    '(within minutes); no call starts one. Read from the store\'s `storeFlags` (docs/schema.md, "DDB Backup and resync").',
})
export class CommvaultDdbResync {
  @Field(() => Boolean, { description: 'Marked for resync (`DDB_NEEDS_AUTO_RESYNC`).' })
  needed!: boolean;

  @Field(() => Boolean, { description: 'A resync is running (`DDB_RESYNC_IN_PROGRESS`).' })
  inProgress!: boolean;

  @Field(() => Boolean, { description: 'In maintenance mode (`DDB_UNDER_MAINTENANCE`): backups to the store wait until it is resynchronised.' })
  underMaintenance!: boolean;

  @Field(() => Float, { description: 'The store\'s flags as the CommServe sent them.' })
  storeFlags!: number;
}

export type DdbResyncChecks = [Holds<Same<CommvaultDdbResync, CvDdbResync>>];

/**
 * A deduplication database store. `partitions`, `avgQiMicros`, `freeBytes` and `severity` (from those) come from
 * `GET /DDBInformation/{id}` and load only when asked.
 */
@ObjectType('CommvaultDdbStore', { implements: Node, description: 'A deduplication database (DDB) store.' })
export class CommvaultDdbStore implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => Upstream)
  upstream!: UpstreamRef;

  @Field(() => Int)
  storeId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => Int, { nullable: true })
  status!: number | null;

  @Field(() => Int, { nullable: true })
  version!: number | null;

  @Field(() => Date, { nullable: true, description: 'When the store was sealed; null while active.' })
  sealedAt!: Date | null;

  @Field(() => String, { nullable: true })
  storagePolicyName!: string | null;

  @Field(() => String, { nullable: true })
  copyName!: string | null;

  /** Not a field: the record's GraphQL type name (interfaces resolve by it). */
  __typename!: 'CommvaultDdbStore';
  /**
   * Not fields as such: known only from `GET /DDBInformation/{id}` (null from the engine list); the
   * health fields' resolvers read them, loading the detail when they are not here.
   */
  partitions!: CvDdbPartition[] | null;
  avgQiMicros!: number | null;
  freeBytes!: number | null;
  /** Not a field as such: from the engine list; the `resync` resolver loads it for a record from the detail call. */
  resync!: CvDdbResync | null;
}
