import type { JobDetailRecord } from '../../datasources/job-detail.js';
import type { UpstreamRef } from '../../datasources/record.js';
import { Field, Float, ID, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { Job } from '../unified/job.type.js';
import { JobStatus } from '../unified/job-status.enum.js';
import { Node } from '../unified/node.type.js';
import { Upstream } from '../unified/upstream.type.js';

@ObjectType('BackupDrJob', { description: 'A console job (`/jobstatus`, `/job`, `/jobhistory`).', implements: [Node, Job] })
export class BackupDrJob implements Job {
  /** Not a field: the record's GraphQL type name (interfaces resolve by it). */
  __typename!: 'BackupDrJob';

  @Field(() => ID)
  id!: string;

  @Field(() => Upstream)
  upstream!: UpstreamRef;

  @Field(() => JobStatus)
  status!: JobStatus;

  @Field(() => String, { nullable: true, description: 'The job class, e.g. `snapshot`, `OnVault`, `mount`.' })
  jobType!: string | null;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Null while the job runs.' })
  endedAt!: Date | null;

  @Field(() => Float, { nullable: true, description: 'Not reported by the console: always null.' })
  sizeBytes!: number | null;

  @Field(() => ID, { description: 'The console\'s own id.' })
  consoleId!: string;

  @Field(() => String, { nullable: true, description: 'e.g. `Job_0198174`.' })
  jobName!: string | null;

  @Field(() => String, { nullable: true, description: 'The console\'s status: `queued`, `running`, `succeeded`, `failed`, `canceled`.' })
  statusText!: string | null;

  @Field(() => Int, { nullable: true })
  jobClassCode!: number | null;

  @Field(() => Float, { nullable: true, description: '0..100.' })
  progress!: number | null;

  @Field(() => String, { nullable: true })
  message!: string | null;

  @Field(() => String, { nullable: true })
  errorCode!: string | null;

  @Field(() => String, { nullable: true })
  label!: string | null;

  @Field(() => String, { nullable: true })
  appName!: string | null;

  @Field(() => String, { nullable: true })
  appType!: string | null;

  @Field(() => String, { nullable: true })
  hostName!: string | null;

  @Field(() => String, { nullable: true })
  targetHost!: string | null;

  @Field(() => String, { nullable: true })
  policyName!: string | null;

  @Field(() => String, { nullable: true })
  sltName!: string | null;

  @Field(() => Date, { nullable: true })
  queuedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  consistencyDate!: Date | null;

  @Field(() => Float, { nullable: true })
  durationSeconds!: number | null;

  @Field(() => Boolean, { nullable: true })
  isScheduled!: boolean | null;

  @Field(() => String, { nullable: true })
  priority!: string | null;

  /** Not a field: a reference the relation resolvers follow. */
  applicationId!: string | null;

  /** Not a field: a reference the relation resolvers follow. */
  hostId!: string | null;

  /** Not a field: a reference the relation resolvers follow. */
  backupId!: string | null;

  /** Not a field: a reference the relation resolvers follow. */
  applianceId!: string | null;

  /** Resolved by the job-detail resolver (Job interface). */
  detail?: JobDetailRecord | null;
}
