import { Field, ID } from 'type-graphql';
import type { CvPlanCopyJob } from '../../datasources/commvault/admin-model.js';
import type { CvRetentionRule } from '../../datasources/commvault/protection-model.js';
import { ObjectType } from '../object-type.js';
import { CommvaultPlanCopyJob } from './admin-operations.payload.js';
import { RetentionRule } from './retention-rule.type.js';

@ObjectType('UpdateRetentionPayload')
export class UpdateRetentionPayload {
  @Field(() => ID, { description: 'The plan backup destination or storage policy copy changed.' })
  target!: string;

  @Field(() => Boolean, { description: 'Whether the change was sent (false for a dry run).' })
  applied!: boolean;

  @Field(() => Boolean, { description: 'The new rule may let jobs go sooner than the old one (needs `confirmShorten`).' })
  shortens!: boolean;

  @Field(() => RetentionRule, { description: 'The rule before the change, as the CommServe reported it.' })
  before!: CvRetentionRule;

  @Field(() => RetentionRule, { description: 'The rule after: as read back from the CommServe, or (dry run) as it would be.' })
  after!: CvRetentionRule;

  @Field(() => [CommvaultPlanCopyJob], {
    description:
      'The copy\'s jobs the next data aging run would prune under the new rule, computed by the gateway from the copy\'s job list (docs/schema.md states the method).',
  })
  jobsEligibleForAging!: CvPlanCopyJob[];
}
