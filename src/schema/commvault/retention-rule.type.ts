import { Field, Int, registerEnumType } from 'type-graphql';
import type { CvExtendedRetentionRule, CvRetainedFulls, CvRetentionRule } from '../../datasources/commvault/protection-model.js';
import { ObjectType } from '../object-type.js';
import type { Holds, Same } from '../record-checks.js';

export enum RetainedFulls {
  ALL_FULLS = 'ALL_FULLS',
  HOURLY_FULLS = 'HOURLY_FULLS',
  DAILY_FULLS = 'DAILY_FULLS',
  WEEKLY_FULLS = 'WEEKLY_FULLS',
  MONTHLY_FULLS = 'MONTHLY_FULLS',
  QUARTERLY_FULLS = 'QUARTERLY_FULLS',
  HALF_YEARLY_FULLS = 'HALF_YEARLY_FULLS',
  YEARLY_FULLS = 'YEARLY_FULLS',
  OTHER = 'OTHER',
}

registerEnumType(RetainedFulls, {
  name: 'RetainedFulls',
  description: 'Which full backups an extended retention rule keeps: the first full of each hour, day, week, month, quarter, half year or year, or every full.',
  valuesConfig: { OTHER: { description: 'A rule the graph does not model (advanced, grace or manual rules): shown, never written.' } },
});

@ObjectType('ExtendedRetentionRule', { description: 'An extended retention rule: some full backups kept longer than the basic rule keeps jobs.' })
export class ExtendedRetentionRule {
  @Field(() => Int, { description: '1, 2 or 3: the first, second or third rule.' })
  rank!: number;

  @Field(() => RetainedFulls)
  fulls!: CvRetainedFulls;

  @Field(() => Int, { nullable: true, description: 'Days those fulls are kept; null when indefinitely.' })
  days!: number | null;

  @Field(() => Boolean)
  indefinite!: boolean;

  @Field(() => Int, { nullable: true, description: 'Storage policy copies only: days of grace.' })
  graceDays!: number | null;
}

@ObjectType('RetentionRule', {
  description:
    'How long a copy keeps backups: one shape for plan backup destinations (`GET /V4/ServerPlan/{id}/BackupDestinations`) and storage policy copies (`GET /V2/StoragePolicy/{id}/Copy/{copyId}`).',
})
export class RetentionRule {
  @Field(() => Int, { nullable: true, description: 'Basic retention, days; null when indefinite or kept by recovery points.' })
  days!: number | null;

  @Field(() => Int, { nullable: true, description: 'Basic retention, full backup cycles (storage policy copies; plan destinations show none).' })
  cycles!: number | null;

  @Field(() => Boolean, { description: 'The basic rule keeps jobs with no end.' })
  indefinite!: boolean;

  @Field(() => Boolean, { description: 'The copy keeps a number of jobs rather than days.' })
  jobBased!: boolean;

  @Field(() => Int, { nullable: true, description: 'Jobs a job-based rule keeps.' })
  jobs!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether data aging may prune the copy at all; null when the upstream does not say.' })
  dataAgingEnabled!: boolean | null;

  @Field(() => [ExtendedRetentionRule], { description: 'The enabled extended rules, by rank.' })
  extended!: CvExtendedRetentionRule[];

  @Field(() => Int, { nullable: true, description: 'A snap copy\'s retention in recovery points; null otherwise.' })
  snapRecoveryPoints!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'The copy\'s own rule overrides its storage pool\'s retention.' })
  overridesPool!: boolean | null;
}

export type RetentionRuleChecks = [Holds<Same<RetentionRule, CvRetentionRule>>, Holds<Same<ExtendedRetentionRule, CvExtendedRetentionRule>>];
