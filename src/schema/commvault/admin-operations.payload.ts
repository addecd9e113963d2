import { Field, Float, Int } from 'type-graphql';
import type { CvDataVerificationStatus, CvPlanCopyJob, CvRetainedBy } from '../../datasources/commvault/admin-model.js';
import type { CvRef } from '../../datasources/commvault/model.js';
import { ObjectType } from '../object-type.js';
import type { Holds, Same } from '../record-checks.js';
import { OperationError } from '../unified/operation-error.type.js';
import { CommvaultDataVerificationStatus, CommvaultRetainedBy } from './admin-operations.enums.js';
import { CommvaultDdbStore } from './ddb-store.type.js';
import { CommvaultJob } from './job.type.js';

@ObjectType('RunDisasterRecoveryBackupPayload')
export class RunDisasterRecoveryBackupPayload {
  @Field(() => [CommvaultJob], { description: 'The DR backup job the CommServe started, as it reported it right after.' })
  jobs!: CommvaultJob[];
}

@ObjectType('RunDdbOperationPayload')
export class RunDdbOperationPayload {
  @Field(() => Boolean, { description: 'Whether the CommServe accepted the operation (a refusal is an error instead, so always true).' })
  ok!: boolean;

  @Field(() => String, { nullable: true, description: 'The CommServe\'s own words about it, when it gave some.' })
  message!: string | null;

  @Field(() => CommvaultJob, { nullable: true, description: 'The job it started; null for SEAL, which starts none.' })
  job!: CommvaultJob | null;

  @Field(() => CommvaultDdbStore, { nullable: true, description: 'The store as listed right after (e.g. `sealedAt` after SEAL); null when it could not be read.' })
  store!: CommvaultDdbStore | null;
}

@ObjectType('CommvaultNamedRef', { description: 'A Commvault object named by id and name inside another answer.' })
export class CommvaultNamedRef {
  @Field(() => Int)
  id!: number;

  @Field(() => String)
  name!: string;
}

@ObjectType('CommvaultPlanCopyJob', { description: 'A job on a plan backup destination (storage policy copy), as a job operation reports it.' })
export class CommvaultPlanCopyJob {
  @Field(() => Int)
  jobId!: number;

  @Field(() => String, { nullable: true, description: 'Commvault\'s status text.' })
  status!: string | null;

  @Field(() => Int, { nullable: true })
  statusId!: number | null;

  @Field(() => CommvaultNamedRef, { nullable: true, description: 'The client (server) backed up.' })
  server!: CvRef | null;

  @Field(() => CommvaultNamedRef, { nullable: true })
  agentType!: CvRef | null;

  @Field(() => CommvaultNamedRef, { nullable: true })
  subclient!: CvRef | null;

  @Field(() => CommvaultNamedRef, { nullable: true, description: 'The agent instance (Commvault\'s own "instance").' })
  instance!: CvRef | null;

  @Field(() => CommvaultNamedRef, { nullable: true })
  backupset!: CvRef | null;

  @Field(() => CommvaultNamedRef, { nullable: true })
  region!: CvRef | null;

  @Field(() => String, { nullable: true, description: 'The backup level, e.g. `Full`.' })
  jobType!: string | null;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  endedAt!: Date | null;

  @Field(() => Float, { nullable: true })
  durationSeconds!: number | null;

  @Field(() => Float, { nullable: true, description: 'Application data protected, bytes.' })
  applicationBytes!: number | null;

  @Field(() => Float, { nullable: true, description: 'Data written to the media, bytes.' })
  dataWrittenBytes!: number | null;

  @Field(() => Date, { nullable: true, description: 'Kept until then; null when no date is set.' })
  retainUntil!: Date | null;

  @Field(() => String, { nullable: true })
  retentionReason!: string | null;

  @Field(() => CommvaultRetainedBy, { nullable: true })
  retainedBy!: CvRetainedBy | null;

  @Field(() => Int, { nullable: true, description: 'Commvault\'s numeric retention reason (`retainedBy`).' })
  retainedByCode!: number | null;

  @Field(() => String, { nullable: true, description: 'Who started the job.' })
  userName!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Float, { nullable: true, description: 'Space saved by deduplication and compression, percent.' })
  savingPercent!: number | null;

  @Field(() => Float, { nullable: true, description: 'Average throughput as Commvault reports it (the reference states no unit; Command Center shows GB/hour).' })
  avgThroughput!: number | null;

  @Field(() => CommvaultDataVerificationStatus, { nullable: true })
  dataVerificationStatus!: CvDataVerificationStatus | null;

  @Field(() => String, { nullable: true, description: 'Commvault\'s words for it (`strDataVerificationStatus`).' })
  dataVerificationStatusText!: string | null;

  @Field(() => Date, { nullable: true })
  lastVerifiedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the job was copied to this copy (aux copy).' })
  copiedAt!: Date | null;

  @Field(() => Boolean, { nullable: true })
  hardwareEncrypted!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  encrypted!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  deduplicated!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  aged!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  softAged!: boolean | null;

  @Field(() => Int, { nullable: true, description: 'The parent job of a linked job.' })
  parentJobId!: number | null;

  @Field(() => [Int], { description: 'Linked jobs that need this one.' })
  requiredByJobIds!: number[];

  @Field(() => Float, { nullable: true, description: 'Commvault\'s `jobAttributesEx` flag word.' })
  jobAttributesEx!: number | null;
}

@ObjectType('RunPlanJobOperationPayload')
export class RunPlanJobOperationPayload {
  @Field(() => Boolean, { description: 'Other jobs depend on the jobs named (asked with `loadDependentJobs`).' })
  dependentJobsExist!: boolean;

  @Field(() => Boolean, { description: 'Archiver jobs are linked to the jobs named (asked with `loadArchiverJobs`).' })
  archiverJobsExist!: boolean;

  @Field(() => [CommvaultPlanCopyJob], { description: 'The jobs the operation handled (`jobInfo`).' })
  jobs!: CvPlanCopyJob[];

  @Field(() => OperationError, { nullable: true, description: 'The error the CommServe reported beside the result (its code not 0); the jobs listed were still handled.' })
  error!: OperationError | null;
}

export type AdminPayloadChecks = [Holds<Same<CommvaultPlanCopyJob, CvPlanCopyJob>>, Holds<Same<CommvaultNamedRef, CvRef>>];
