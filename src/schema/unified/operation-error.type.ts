import { Field } from 'type-graphql';
import { ObjectType } from '../object-type.js';

@ObjectType('OperationError', { description: 'Why one part of a mutation failed while the others went on (e.g. one job of `controlJobs`).' })
export class OperationError {
  @Field(() => String, { description: 'A public error code: NOT_FOUND, FORBIDDEN, UPSTREAM_ERROR, UPSTREAM_UNCERTAIN, RATE_LIMITED, UPSTREAM_UNAVAILABLE, NOT_SUPPORTED…' })
  code!: string;

  @Field(() => String, { description: 'The upstream\'s own words where it gave them, e.g. "Job [123] is already completed."' })
  message!: string;
}
