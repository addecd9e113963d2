import { Field } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { CommvaultJob } from './job.type.js';

const STARTED = 'The jobs the CommServe started for the task (usually one; none when it only scheduled it), as it reported them right after.';

@ObjectType('RestoreFilesPayload')
export class RestoreFilesPayload {
  @Field(() => [CommvaultJob], { description: STARTED })
  jobs!: CommvaultJob[];
}

@ObjectType('RunAuxCopyPayload')
export class RunAuxCopyPayload {
  @Field(() => [CommvaultJob], { description: STARTED })
  jobs!: CommvaultJob[];
}

@ObjectType('RunDataAgingPayload')
export class RunDataAgingPayload {
  @Field(() => [CommvaultJob], { description: STARTED })
  jobs!: CommvaultJob[];
}
