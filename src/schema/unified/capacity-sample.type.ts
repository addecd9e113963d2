import { Field, Float } from 'type-graphql';
import { ObjectType } from '../object-type.js';

@ObjectType('CapacitySample', { description: 'A stored capacity reading of a storage target (docs/history.md).' })
export class CapacitySample {
  @Field(() => Date, { description: 'When it was read (the start of its collection bucket, or of its day for a daily row).' })
  at!: Date;

  @Field(() => Float, { nullable: true })
  capacityBytes!: number | null;

  @Field(() => Float, { nullable: true })
  freeBytes!: number | null;

  @Field(() => Float, { nullable: true, description: 'capacityBytes − freeBytes; null when either is unknown.' })
  usedBytes!: number | null;

  @Field(() => Boolean, { description: 'Seeded by the demo, not collected from the upstream.' })
  demo!: boolean;
}
