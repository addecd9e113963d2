import type { UpstreamRef } from '../../datasources/record.js';
import { Field, ID, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { Node } from '../unified/node.type.js';
import { Upstream } from '../unified/upstream.type.js';

@ObjectType('CommvaultStorageArray', {
  implements: [Node],
  description:
    'An IntelliSnap storage array of a CommServe, from `GET /V4/StorageArrays`. No Commvault API gives an array\'s status, health or capacity: the graph has none.',
})
export class CommvaultStorageArray implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => Upstream)
  upstream!: UpstreamRef;

  @Field(() => Int, { description: 'Its control host id (`id`).' })
  arrayId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'The snap vendor as sent, e.g. `Pure Storage FlashArray`, `NetApp`.' })
  vendor!: string | null;

  @Field(() => String, { nullable: true, description: 'The host the CommServe manages the array through.' })
  controlHost!: string | null;

  @Field(() => String, { nullable: true, description: 'The account the CommServe uses on the array.' })
  userName!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Int, { nullable: true, description: 'Commvault\'s flag bits: 1 selected only, 2 no auto-cleanup, 4 system created, 8 auto created.' })
  flags!: number | null;

  /** Not a field: the record's GraphQL type name. */
  __typename!: 'CommvaultStorageArray';
}

@ObjectType('CommvaultArrayAccessNode', { description: 'A MediaAgent that reaches a storage array (`accessNodes` of `GET /V4/StorageArrays/{id}`).' })
export class CommvaultArrayAccessNode {
  @Field(() => Int, { description: 'The MediaAgent\'s id (also its client id).' })
  mediaAgentId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  displayName!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether it prunes the array\'s snapshots.' })
  pruning!: boolean | null;
}

@ObjectType('CommvaultSnapConfiguration', {
  description: 'One snapshot setting of a storage array (`snapConfigurations` of `GET /V4/StorageArrays/{id}`): what the array\'s snapshots may do.',
})
export class CommvaultSnapConfiguration {
  @Field(() => Int, { description: '`masterConfigId`.' })
  configId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => Int, { nullable: true, description: 'Commvault\'s type code as sent.' })
  type!: number | null;

  @Field(() => String, { nullable: true, description: 'The value, as a string whatever its type.' })
  value!: string | null;

  @Field(() => [String], { description: 'The choices, for a setting that has them.' })
  values!: string[];

  @Field(() => Boolean, { nullable: true })
  enabled!: boolean | null;
}
