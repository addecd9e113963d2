import { Field, Float } from 'type-graphql';
import { ObjectType } from '../object-type.js';

@ObjectType('CommvaultDdbSample', { description: 'A stored health reading of a deduplication store (docs/history.md).' })
export class CommvaultDdbSample {
  @Field(() => Date)
  at!: Date;

  @Field(() => Float, { nullable: true, description: 'The slowest partition\'s average Q&I time, µs.' })
  avgQiMicros!: number | null;

  @Field(() => Float, { nullable: true, description: 'The least free space of a partition\'s volume, bytes.' })
  freeBytes!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'false when the store or a partition was offline; null when unknown.' })
  online!: boolean | null;

  @Field(() => Boolean, { description: 'Seeded by the demo, not collected.' })
  demo!: boolean;
}
