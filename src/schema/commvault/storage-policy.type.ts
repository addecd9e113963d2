import type { UpstreamRef } from '../../datasources/record.js';
import { Field, ID, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { Node } from '../unified/node.type.js';
import type { CvRetentionRule } from '../../datasources/commvault/protection-model.js';
import { Upstream } from '../unified/upstream.type.js';

@ObjectType('CommvaultStoragePolicyCopy', { description: 'A copy of a storage policy (primary, secondary, snap).' })
export class CommvaultStoragePolicyCopy {
  @Field(() => ID, { description: 'What `updateRetention(target:)` takes.' })
  id!: string;

  @Field(() => Int)
  storagePolicyId!: number;

  @Field(() => Int)
  copyId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => Int, { nullable: true, description: 'Commvault copy type code (1 = synchronous/primary).' })
  copyType!: number | null;

  @Field(() => Boolean, { nullable: true })
  active!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  isSnapCopy!: boolean | null;

  @Field(() => Int, { nullable: true })
  precedence!: number | null;

  @Field(() => String, { nullable: true })
  libraryName!: string | null;

  @Field(() => Int, { nullable: true })
  retentionDays!: number | null;

  /** A field resolver: `GET /V2/StoragePolicy/{id}/Copy/{copyId}`. */
  retention?: CvRetentionRule | null;
}

@ObjectType('CommvaultStoragePolicy', { implements: Node, description: 'A storage policy; `copies` loads its details.' })
export class CommvaultStoragePolicy implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => Upstream)
  upstream!: UpstreamRef;

  @Field(() => Int)
  storagePolicyId!: number;

  @Field(() => String)
  name!: string;

  /** Not a field: the record's GraphQL type name (interfaces resolve by it). */
  __typename!: 'CommvaultStoragePolicy';
  /** Not a field: set only from the detail call (`copies` loads it). */
  copies!: CommvaultStoragePolicyCopy[] | null;
}
