import type { UpstreamRef } from '../../datasources/record.js';
import { Field, Float, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { Connection } from '../unified/connection.type.js';
import { JobCounts } from '../unified/job-counts.type.js';
import { Upstream } from '../unified/upstream.type.js';

/** Every field here is computed from the CommServe's job list (no report dataset is read): see docs/upstreams/commvault-arrays-replication.md. */
@ObjectType('CommvaultClientCapacity', {
  description:
    'One client\'s capacity over a window, computed from its successful backups in the CommServe\'s job list (`GET /Job`): Commvault\'s ' +
    'report datasets publish no columns to read and there is no capacity endpoint.',
})
export class CommvaultClientCapacity {
  @Field(() => Upstream)
  upstream!: UpstreamRef;

  @Field(() => Int)
  clientId!: number;

  @Field(() => String, { description: 'The client\'s name as its jobs give it.' })
  name!: string;

  @Field(() => Float, {
    description: 'Front-end (protected) size, bytes: per subclient the application size of its newest successful full backup in the window, else of its newest successful backup; summed. Computed.',
  })
  protectedBytes!: number;

  @Field(() => Float, { description: 'Application size of all its successful backups in the window, bytes (`sizeOfApplication`). Computed.' })
  applicationBytes!: number;

  @Field(() => Float, { description: 'Bytes those backups wrote to media (`sizeOfMediaOnDisk`): what they take on storage. Computed.' })
  mediaBytes!: number;

  @Field(() => Float, { nullable: true, description: 'applicationBytes / mediaBytes (deduplication and compression together); null when nothing was written. Computed.' })
  dedupeRatio!: number | null;

  @Field(() => Float, { nullable: true, description: '(1 − mediaBytes / applicationBytes) × 100; null without application bytes. Computed.' })
  savingsPercent!: number | null;

  @Field(() => Int, { description: 'Its successful backups in the window.' })
  successfulBackupCount!: number;

  /** The plans its backups ran under; `storagePools` resolves them. */
  planIds!: number[];
}

@ObjectType({ description: 'Clients\' capacity merged across CommServes, by client name.' })
export class CommvaultClientCapacityConnection extends Connection(CommvaultClientCapacity, 'CommvaultClientCapacityEdge') {}

@ObjectType('CommvaultJobSummaryReport', {
  description:
    'One CommServe\'s jobs started in [since, until): counts by status and the job summary aggregates, computed from its job list ' +
    '(`GET /Job`): there is no job summary endpoint (`/JobSummary` does not exist).',
})
export class CommvaultJobSummaryReport extends JobCounts {
  @Field(() => Upstream)
  upstream!: UpstreamRef;

  @Field(() => Date)
  since!: Date;

  @Field(() => Date)
  until!: Date;

  @Field(() => Int, { description: 'Backup jobs started in the window.' })
  backupCount!: number;

  @Field(() => Float, { description: 'Data protected: application bytes of the successful backups. Computed.' })
  dataProtectedBytes!: number;

  @Field(() => Float, { description: 'Bytes the successful backups wrote to media. Computed.' })
  dataWrittenBytes!: number;

  @Field(() => Float, { nullable: true, description: 'Mean run time (end − start) of the finished jobs, seconds; null when none finished. Computed.' })
  averageDurationSeconds!: number | null;

  @Field(() => Float, { nullable: true, description: 'The same over the finished backup jobs. Computed.' })
  averageBackupDurationSeconds!: number | null;
}
