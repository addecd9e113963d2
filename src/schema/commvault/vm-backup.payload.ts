import { Field } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { CommvaultJob } from './job.type.js';

@ObjectType('BackupVirtualMachinePayload')
export class BackupVirtualMachinePayload {
  @Field(() => [CommvaultJob], { description: 'The jobs the CommServe started (usually one), as it reported them right after.' })
  jobs!: CommvaultJob[];
}
