import { Field } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { CommvaultJob } from './job.type.js';

@ObjectType('RestoreVirtualMachinePayload')
export class RestoreVirtualMachinePayload {
  @Field(() => [CommvaultJob], { description: 'The restore jobs the CommServe started (one), as it reported them right after.' })
  jobs!: CommvaultJob[];
}
