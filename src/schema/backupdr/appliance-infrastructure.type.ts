import { Field, Float, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { BackupDrAppliance } from './cluster.type.js';

@ObjectType('BackupDrApplianceDiskUse', {
  description: 'What an appliance\'s disk pools hold together (`GET /diskpool`, by each pool\'s `cluster`). Capacities in bytes.',
})
export class BackupDrApplianceDiskUse {
  @Field(() => Int, { description: 'Pools of the appliance, every type.' })
  poolCount!: number;

  @Field(() => Float, { nullable: true, description: 'Summed over the pools that report a capacity (snapshot and dedup pools).' })
  capacityBytes!: number | null;

  @Field(() => Float, { nullable: true, description: 'Used in the pools that report a capacity.' })
  usedBytes!: number | null;

  @Field(() => Float, { nullable: true })
  freeBytes!: number | null;

  @Field(() => Float, { nullable: true, description: 'freeBytes / capacityBytes, percent.' })
  freePercent!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Used by pools without a capacity (OnVault object storage, which the console reports with capacity 0): counted apart.',
  })
  unboundedUsedBytes!: number | null;
}

@ObjectType('BackupDrApplianceSummary', {
  description: 'How many of a console\'s appliances it reaches (`GET /cluster` read whole: one call).',
})
export class BackupDrApplianceSummary {
  @Field(() => Int)
  total!: number;

  @Field(() => Int, { description: 'Appliances whose `reachable` is true.' })
  reachable!: number;

  @Field(() => Int, { description: 'Appliances whose `reachable` is false (not accessible, or stale).' })
  unreachable!: number;

  @Field(() => [BackupDrAppliance], { description: 'The unreachable appliances, by console id.' })
  unreachableAppliances!: unknown[];
}
