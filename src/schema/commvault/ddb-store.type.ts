import type { UpstreamRef } from '../../datasources/record.js';
import { Field, Float, ID, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import type { CvDdbPartition } from '../../datasources/commvault/model.js';
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
}
