import { Field, ID, InputType, Int } from 'type-graphql';
import { DdbOperation, DrBackupType, PlanJobOperationType } from './admin-operations.enums.js';
import { IDEMPOTENCY_KEY } from '../unified/idempotency-key.js';

@InputType({ description: 'Run a disaster recovery (DR) backup of one CommServe\'s database now.' })
export class RunDisasterRecoveryBackupInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The Commvault upstream instance id (as `Upstream.id`). Required when you may see more than one Commvault upstream.',
  })
  upstream?: string | null;

  @Field(() => DrBackupType, { nullable: true, defaultValue: DrBackupType.FULL })
  type?: DrBackupType | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'Compress the DR backup (`isCompressionEnabled`).' })
  compress?: boolean | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Verify, reclaim space of, seal or reconstruct one deduplication database store.' })
export class RunDdbOperationInput {
  @Field(() => ID, { description: 'A CommvaultDdbStore global id.' })
  store!: string;

  @Field(() => DdbOperation)
  operation!: DdbOperation;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Delete, retain or (dis)allow copying jobs of one plan backup destination (a storage policy copy).' })
export class RunPlanJobOperationInput {
  @Field(() => ID, { description: 'A CommvaultStoragePolicy global id: the plan\'s storage policy.' })
  storagePolicy!: string;

  @Field(() => Int, { description: 'The copy of that policy (`CommvaultStoragePolicyCopy.copyId`, the plan backup destination id).' })
  copyId!: number;

  @Field(() => PlanJobOperationType)
  opType!: PlanJobOperationType;

  @Field(() => [ID], { description: 'CommvaultJob global ids on the same CommServe as the policy, 1 to 100, no repeats.' })
  jobs!: string[];

  @Field(() => Int, { nullable: true, description: 'The CommCell id; read from the CommServe (`GET /CommServ`) when absent.' })
  commcellId?: number | null;

  @Field(() => Date, { nullable: true, description: 'RETAIN: keep the jobs until then (whole seconds); absent keeps them with no end date. Only with RETAIN.' })
  retainUntil?: Date | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Ask the CommServe whether other jobs depend on these (`dependentJobsExist`).' })
  loadDependentJobs?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Ask the CommServe whether archiver jobs are linked to these (`archiverJobsExist`).' })
  loadArchiverJobs?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Must be true for DELETE and DO_NOT_RETAIN, which can lose backup data; otherwise the mutation is BAD_USER_INPUT and nothing is sent.',
  })
  confirm?: boolean | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;
}
