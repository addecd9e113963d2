import { Field, InputType } from 'type-graphql';
import { SortDirection } from './sort-direction.enum.js';

@InputType({ description: 'One sort key; the field must be in the console\'s `sortablefields` (OPTIONS), else BAD_USER_INPUT.' })
export class BackupDrSort {
  @Field(() => String)
  field!: string;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}
