import { Field, Float, Int } from 'type-graphql';
import type { CvPlanCopyJob } from '../../datasources/commvault/admin-model.js';
import type { CvRetentionRule } from '../../datasources/commvault/protection-model.js';
import type { CvAgingSummary } from '../../datasources/commvault/retention-aging.js';
import { ObjectType } from '../object-type.js';
import type { Holds, Same } from '../record-checks.js';
import { CommvaultPlanCopyJob } from './admin-operations.payload.js';
import { RetentionRule } from './retention-rule.type.js';

@ObjectType('CommvaultAgingSummary', {
  description:
    'What the next data aging run would prune on one copy under its current retention, computed by the gateway from the copy\'s job list ' +
    '(`GET /V4/Plan/BackupDestination/{copyId}/Jobs`) and its rule: Commvault has no aging-summary call. docs/schema.md, "Aging and protection summaries", states the method.',
})
export class CommvaultAgingSummary {
  @Field(() => RetentionRule, { description: 'The rule applied: a plan destination\'s with the cycles and job count of its storage policy copy.' })
  rule!: CvRetentionRule;

  @Field(() => Date, { description: 'When it was computed: jobs become eligible as time passes.' })
  computedAt!: Date;

  @Field(() => Int, { description: 'Jobs on the copy not aged yet.' })
  heldJobCount!: number;

  @Field(() => [CommvaultPlanCopyJob], { description: 'The jobs eligible for aging, in the job list\'s order.' })
  eligibleJobs!: CvPlanCopyJob[];

  @Field(() => Float, { description: 'Application data of the eligible jobs, bytes.' })
  eligibleApplicationBytes!: number;

  @Field(() => Float, {
    description: 'Data the eligible jobs wrote to the copy\'s media, bytes: the space they hold. On a deduplicated copy aging frees less, as blocks other jobs share stay.',
  })
  eligibleDataWrittenBytes!: number;
}

export type AgingSummaryChecks = [Holds<Same<CommvaultAgingSummary, CvAgingSummary>>];
