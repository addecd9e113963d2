import { Field, InputType } from 'type-graphql';
import { BackupDrFilterOperator } from './filter-operator.enum.js';

@InputType({
  description:
    'One console filter `field:<op>value`. `field` must be one the console lists as filterable for the resource ' +
    '(OPTIONS); otherwise, or when the operator does not fit its type, the query fails with BAD_USER_INPUT before ' +
    'any list call. Values are literal (no wildcards) and sent encoded: they cannot add or change parameters.',
})
export class BackupDrCondition {
  @Field(() => String, { description: 'A console field name, e.g. `appname`, `jobclass`, `startdate`.' })
  field!: string;

  @Field(() => BackupDrFilterOperator)
  op!: BackupDrFilterOperator;

  @Field(() => String, { description: 'The value as text; dates are epoch microseconds, booleans `true`/`false`. At most 1024 characters.' })
  value!: string;
}
