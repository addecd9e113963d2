import { Field, Float, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';

@ObjectType('JobVirtualMachineResult', { description: 'One VM\'s outcome in a Commvault VM backup job (`clientStatusInfo.vmStatus[]` of `POST /JobDetails`).' })
export class JobVirtualMachineResult {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  uuid!: string | null;

  @Field(() => Int, { nullable: true, description: 'The VM\'s client id.' })
  clientId!: number | null;

  @Field(() => Int, { nullable: true, description: 'Commvault\'s `Status` code as sent (no source lists its values).' })
  statusCode!: number | null;

  @Field(() => String, { nullable: true })
  failureReason!: string | null;

  @Field(() => Float, { nullable: true, description: 'Bytes (`Size`).' })
  sizeBytes!: number | null;

  @Field(() => Date, { nullable: true })
  backupStartedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  backupEndedAt!: Date | null;
}

@ObjectType('JobDetail', {
  description:
    'A job\'s detail, asked for on demand: Commvault\'s from `POST /JobDetails` (one call per job), a console\'s from its job ' +
    'record (free). A field the product\'s answer does not carry is null; docs/schema.md, "Job detail", says which.',
})
export class JobDetail {
  @Field(() => String, { nullable: true, description: 'The job\'s state as the upstream words it (`progressInfo.state`; console `status`).' })
  state!: string | null;

  @Field(() => String, { nullable: true, description: 'The phase the job is in or ended in (Commvault: the job summary\'s phase).' })
  phase!: string | null;

  @Field(() => Int, { nullable: true, description: 'Attempts the job made: entries of `attemptsInfo` (null when none are sent); console `retrycount` + 1.' })
  attempts!: number | null;

  @Field(() => String, { nullable: true, description: 'Why a failed, killed or partly failed job failed (`reasonForJobDelay`; console `message`).' })
  failureReason!: string | null;

  @Field(() => String, { nullable: true, description: 'The upstream\'s error code (console `errorcode`); Commvault\'s JobDetails has none.' })
  errorCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Why an active job waits (`progressInfo.reasonForJobDelay`).' })
  delayReason!: string | null;

  @Field(() => Float, { nullable: true, description: 'Throughput in GB per hour (`throughPut`, the unit the Commvault console shows).' })
  throughputGBPerHour!: number | null;

  @Field(() => Float, { nullable: true, description: 'Seconds spent transferring (`transferTime`; console `duration`).' })
  transferSeconds!: number | null;

  @Field(() => Float, { nullable: true, description: 'Files (objects) in the job (`totalNumOfFiles`; null while unknown).' })
  filesCount!: number | null;

  @Field(() => Float, { nullable: true, description: 'Files transferred so far (`numOfFilesTransferred`).' })
  filesTransferred!: number | null;

  @Field(() => Float, { nullable: true, description: 'Items skipped (`skippedItems`).' })
  skippedItems!: number | null;

  @Field(() => Float, { nullable: true, description: 'Application (protected) size, bytes (`sizeOfApplication`; console `virtualsize`).' })
  applicationBytes!: number | null;

  @Field(() => Float, { nullable: true, description: 'Bytes sent over the network (`dataXferedNetwork`).' })
  transferredBytes!: number | null;

  @Field(() => Float, { nullable: true, description: 'Bytes written to media (`dataWritten`).' })
  writtenBytes!: number | null;

  @Field(() => Float, { nullable: true, description: 'Space saved by deduplication and compression, percent (`savingsPercent`).' })
  savingsPercent!: number | null;

  @Field(() => String, { nullable: true, description: 'Who started it (`jobStartedBy`).' })
  startedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'How it was started (`jobStartedFrom`: `Scheduled`, `Interactive`, ...; console: scheduled or on demand).' })
  startedFrom!: string | null;

  @Field(() => String, { nullable: true, description: 'Client (console: host) it ran for.' })
  clientName!: string | null;

  @Field(() => String, { nullable: true, description: 'Agent (Commvault `appName`; console `apptype`).' })
  agentName!: string | null;

  @Field(() => String, { nullable: true })
  instanceName!: string | null;

  @Field(() => String, { nullable: true })
  backupsetName!: string | null;

  @Field(() => String, { nullable: true, description: 'Subclient (console: application) it ran for.' })
  subclientName!: string | null;

  @Field(() => String, { nullable: true, description: 'Plan (Commvault: the job summary\'s plan; console: `policyname`).' })
  planName!: string | null;

  @Field(() => [JobVirtualMachineResult], { description: 'Per-VM results of a Commvault VM backup; empty otherwise.' })
  virtualMachines!: JobVirtualMachineResult[];
}
