import { Field, Float, ID, Int, registerEnumType } from 'type-graphql';
import { ObjectType } from '../object-type.js';

export enum ForecastKind {
  FULL_IN = 'FULL_IN',
  NOT_GROWING = 'NOT_GROWING',
  TOO_LITTLE_HISTORY = 'TOO_LITTLE_HISTORY',
}

registerEnumType(ForecastKind, {
  name: 'ForecastKind',
  description: 'What the stored history says of when a storage target fills (docs/history.md "Capacity forecast").',
  valuesConfig: {
    FULL_IN: { description: 'The fitted line meets the capacity: `daysUntilFull` and `fullAt` say when.' },
    NOT_GROWING: { description: 'Flat or shrinking, or full only beyond the horizon (default five years).' },
    TOO_LITTLE_HISTORY: { description: 'Fewer samples than the minimum (default 5), or spanning less than a day.' },
  },
});

@ObjectType('CapacityForecast', {
  description:
    'Days until a storage target is full, from the gateway\'s stored history: a least-squares line over the last ' +
    '`monitoring.forecast.windowDays` (30) days. Compare `StorageTarget.estimatedRunoutDays`, the upstream\'s own estimate.',
})
export class CapacityForecast {
  @Field(() => ID, { description: 'The storage target\'s global id.' })
  storageTargetId!: string;

  @Field(() => ForecastKind)
  kind!: ForecastKind;

  @Field(() => Float, { nullable: true, description: 'FULL_IN only: days from now until full; 0 when the line is already past the capacity.' })
  daysUntilFull!: number | null;

  @Field(() => Date, { nullable: true, description: 'FULL_IN only: when.' })
  fullAt!: Date | null;

  @Field(() => Float, { nullable: true, description: 'Growth of used bytes per day; null for TOO_LITTLE_HISTORY.' })
  slopeBytesPerDay!: number | null;

  @Field(() => Float, { nullable: true, description: 'The line\'s coefficient of determination, 0..1; null for TOO_LITTLE_HISTORY.' })
  rSquared!: number | null;

  @Field(() => Int, { description: 'Samples in the window.' })
  samples!: number;

  @Field(() => Float, { nullable: true, description: 'FULL_IN only: the capacity the line is extended to (the newest sample\'s).' })
  capacityBytes!: number | null;
}
