import type { UpstreamRef } from '../../datasources/record.js';
import { Field, Float, ID, InterfaceType } from 'type-graphql';
import { Node, typeOfRecord } from './node.type.js';
import { Severity } from './severity.enum.js';
import { Upstream } from './upstream.type.js';
import { CapacityForecast } from './capacity-forecast.type.js';
import { CapacitySample } from './capacity-sample.type.js';

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

  /** Resolved by each type's resolver from `freePercent` and the configured thresholds (src/monitoring/thresholds.ts). */
  @Field(() => Severity, {
    nullable: true,
    description: 'Free share below the critical threshold (default 10 %) CRITICAL, below the warning one (default 20 %) WARNING; null when capacity is unknown.',
  })
  severity?: Severity | null;

  /** Resolved by each type's resolver: only an upstream's own estimate, never one the gateway makes up. */
  @Field(() => Float, {
    nullable: true,
    description:
      'Days until the target is full, as the upstream itself estimates it (Commvault: the soonest of its mount paths\' ' +
      '`estimatedSpaceRunoutDays`); null when the upstream gives no estimate (consoles never do).',
  })
  estimatedRunoutDays?: number | null;

  /** Resolved by StorageTargetHistoryResolver from the history store (src/resolvers/unified/storage-target-history.resolver.ts). */
  @Field(() => [CapacitySample])
  history?: CapacitySample[];

  /** Resolved by StorageTargetHistoryResolver from the history store. */
  @Field(() => CapacityForecast)
  forecast?: CapacityForecast;
}
