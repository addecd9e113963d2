import { Field, InputType } from 'type-graphql';
import { BackupDrCondition } from './condition.input.js';

@InputType({ description: 'What every console list takes: raw conditions (checked against OPTIONS) and a keyword.' })
export class BackupDrListFilter {
  @Field(() => [BackupDrCondition], { nullable: true, description: 'Every condition must hold (different fields AND; repeated EQ on one field is a union).' })
  conditions?: BackupDrCondition[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Case-insensitive free-text search over the resource\'s predefined attributes (the console\'s `keyword` parameter). At most 1024 characters.',
  })
  keyword?: string | null;
}
