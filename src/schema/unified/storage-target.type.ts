import type { UpstreamRef } from '../../datasources/record.js';
import { Field, Float, ID, InterfaceType } from 'type-graphql';
import { Node, typeOfRecord } from './node.type.js';
import { Severity } from './severity.enum.js';
import { Upstream } from './upstream.type.js';

@InterfaceType('StorageTarget', {
  implements: Node,
  description: 'Where backups land (pool, disk or cloud storage, diskpool), with normalised capacity.',
  resolveType: typeOfRecord,
})
export abstract class StorageTarget implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Upstream)
  upstream!: UpstreamRef;

  @Field(() => Float, { nullable: true, description: 'Total capacity, bytes; null when the upstream does not report it.' })
  capacityBytes!: number | null;

  @Field(() => Float, { nullable: true, description: 'Free space, bytes.' })
  freeBytes!: number | null;

  @Field(() => Float, { nullable: true, description: 'Free share of capacity, 0..100.' })
  freePercent!: number | null;

  @Field(() => Severity, { nullable: true, description: '< 10 % free CRITICAL, < 20 % WARNING; null when capacity is unknown.' })
  severity!: Severity | null;
}
