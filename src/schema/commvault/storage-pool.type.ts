import type { UpstreamRef } from '../../datasources/record.js';
import { Field, Float, ID, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import type { CvStorageMedium } from '../../datasources/commvault/model.js';
import { Node } from '../unified/node.type.js';
import { StorageTarget } from '../unified/storage-target.type.js';
import { Upstream } from '../unified/upstream.type.js';
import { StorageMedium } from './storage-medium.enum.js';

@ObjectType('CommvaultStoragePool', {
  implements: [Node, StorageTarget],
  description:
    'A storage pool (`GET /StoragePool`), disk or cloud. `ddbStores` loads the pool\'s details; `sizeOnDiskBytes`, ' +
    '`dedupeSavingsPercent`, `backupLocations` and `associatedPlans` load its V4 storage details (one call per pool).',
})
export class CommvaultStoragePool implements StorageTarget {
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

  @Field(() => Int)
  storagePoolId!: number;

  @Field(() => StorageMedium)
  medium!: CvStorageMedium;

  @Field(() => Float, { nullable: true, description: 'Bytes on disk.' })
  usedBytes!: number | null;

  @Field(() => String, { nullable: true })
  status!: string | null;

  @Field(() => Int, { nullable: true, description: '1 = global deduplication policy, 2 = global secondary copy policy.' })
  poolType!: number | null;

  /** Not a field: the record's GraphQL type name (interfaces resolve by it). */
  __typename!: 'CommvaultStoragePool';
  /** Not a field: DDB store ids named by the pool's detail answer (empty from the list). */
  ddbStoreIds!: number[];
  /** Not a field: library ids named by the pool's detail answer (empty from the list). */
  libraryIds!: number[];
}
