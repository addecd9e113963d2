import type { JobDetailRecord } from '../../datasources/job-detail.js';
import type { UpstreamRef } from '../../datasources/record.js';
import { Field, Float, ID, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import type { CvPlan, CvStoragePolicy, CvSubclient } from '../../datasources/commvault/model.js';
import { JobStatus } from '../unified/job-status.enum.js';
import { CommvaultPlan } from './plan.type.js';
import { CommvaultStoragePolicy } from './storage-policy.type.js';
import { CommvaultSubclient } from './subclient.type.js';
import { Job } from '../unified/job.type.js';
import { Node } from '../unified/node.type.js';
import { Upstream } from '../unified/upstream.type.js';

@ObjectType('CommvaultJob', { implements: [Node, Job], description: 'A job of a CommServe (`GET /Job`).' })
export class CommvaultJob implements Job {
  @Field(() => ID)
  id!: string;

  @Field(() => Upstream)
  upstream!: UpstreamRef;

  @Field(() => JobStatus)
  status!: JobStatus;

  @Field(() => String, { nullable: true })
  jobType!: string | null;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  endedAt!: Date | null;

  @Field(() => Float, { nullable: true, description: 'Application (protected) size, bytes.' })
  sizeBytes!: number | null;

  @Field(() => Int)
  jobId!: number;

  @Field(() => String, { nullable: true, description: 'Commvault\'s own status text, e.g. "Completed w/ one or more errors".' })
  statusText!: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. `Full`, `Incremental`, `Synthetic Full`.' })
  backupLevel!: string | null;

  @Field(() => String, { nullable: true, description: 'Localized operation name, e.g. `Backup`.' })
  operation!: string | null;

  @Field(() => Float, { nullable: true, description: '0..100.' })
  percentComplete!: number | null;

  @Field(() => Float, { nullable: true, description: 'Space saved by deduplication and compression, percent.' })
  percentSavings!: number | null;

  @Field(() => Float, { nullable: true, description: 'Bytes written to media.' })
  mediaSizeBytes!: number | null;

  @Field(() => Int, { nullable: true })
  elapsedSeconds!: number | null;

  @Field(() => Date, { nullable: true })
  lastUpdatedAt!: Date | null;

  @Field(() => Float, { nullable: true })
  filesCount!: number | null;

  @Field(() => Float, { nullable: true })
  failedFilesCount!: number | null;

  @Field(() => String, { nullable: true })
  pendingReason!: string | null;

  @Field(() => String, { nullable: true })
  phase!: string | null;

  @Field(() => String, { nullable: true, description: 'Agent, e.g. `Windows File System`.' })
  appTypeName!: string | null;

  @Field(() => String, { nullable: true })
  backupsetName!: string | null;

  @Field(() => String, { nullable: true })
  destinationClientName!: string | null;

  @Field(() => String, { nullable: true, description: 'Who started the job.' })
  userName!: string | null;

  /** Not a field: the record's GraphQL type name (interfaces resolve by it). */
  __typename!: 'CommvaultJob';
  // A job summary embeds its subclient, storage policy and plan by id and name: fields read straight
  // off the record (no resolver call per job; graphql-jit builds a resolve-info object for each call).
  @Field(() => CommvaultSubclient, { nullable: true })
  subclient!: CvSubclient | null;

  @Field(() => CommvaultPlan, { nullable: true })
  plan!: CvPlan | null;

  @Field(() => CommvaultStoragePolicy, { nullable: true })
  storagePolicy!: CvStoragePolicy | null;

  /** Not fields: what the `client` resolver follows. */
  clientId!: number | null;
  clientName!: string | null;

  /** Resolved by the job-detail resolver (Job interface). */
  detail?: JobDetailRecord | null;
}
