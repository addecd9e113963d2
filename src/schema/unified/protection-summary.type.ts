import { Field, Float, Int } from 'type-graphql';
import type { NodeRecord } from '../../datasources/record.js';
import { ObjectType } from '../object-type.js';
import { ProtectedWorkload } from './protected-workload.type.js';
import { UnprotectedWorkload } from './unprotected-workload.type.js';

@ObjectType('ProtectedWorkloadState', { description: 'A workload with a successful backup in the window, and when its newest one started.' })
export class ProtectedWorkloadState {
  @Field(() => ProtectedWorkload)
  workload!: NodeRecord;

  @Field(() => Date, { description: 'Start of the newest successful backup in the window (COMPLETED or COMPLETED_WITH_ERRORS).' })
  lastSuccessfulBackupAt!: Date;
}

/** One upstream's part of a protection summary, as its product computes it. */
export interface ProtectionSummaryPart {
  protected: ProtectedWorkloadState[];
  stale: ProtectedWorkloadState[];
  unprotected: UnprotectedWorkload[];
}

@ObjectType('ProtectionSummary', {
  description:
    'Every workload of the upstreams asked, split by its newest successful backup: protected (within `staleAfterDays`), stale (older, ' +
    'but within `days`) and unprotected (none within `days`, as `unprotectedWorkloads` judges). Lists by upstream, then name. ' +
    'docs/schema.md, "Aging and protection summaries, DDB Backup".',
})
export class ProtectionSummary {
  @Field(() => Int)
  days!: number;

  @Field(() => Int)
  staleAfterDays!: number;

  @Field(() => Date, { description: 'The window\'s start: backups started before it are not counted.' })
  since!: Date;

  @Field(() => Date, { description: 'A newest successful backup started before this is stale.' })
  staleSince!: Date;

  @Field(() => Int, { description: 'Workloads judged: protected + stale + unprotected.' })
  totalCount!: number;

  @Field(() => Int)
  protectedCount!: number;

  @Field(() => Int)
  staleCount!: number;

  @Field(() => Int)
  unprotectedCount!: number;

  @Field(() => Float, { nullable: true, description: 'Protected and stale workloads as a percentage of all; null when there are none.' })
  protectedPercent!: number | null;

  @Field(() => [ProtectedWorkloadState])
  protected!: ProtectedWorkloadState[];

  @Field(() => [ProtectedWorkloadState])
  stale!: ProtectedWorkloadState[];

  @Field(() => [UnprotectedWorkload])
  unprotected!: UnprotectedWorkload[];
}
