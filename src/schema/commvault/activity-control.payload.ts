import { Field } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { ActivityControl } from './commserve.type.js';

@ObjectType('ActivityControlPayload')
export class ActivityControlPayload {
  @Field(() => ActivityControl, {
    nullable: true,
    description: 'The activity as the CommServe reports it right after (its cached state was dropped); null when that read failed or does not list it.',
  })
  activity!: ActivityControl | null;
}
