import { Field, Int } from 'type-graphql';
import type { NodeRecord } from '../../datasources/record.js';
import { ObjectType } from '../object-type.js';
import { ProtectionGap } from './protection-gap.enum.js';
import { ProtectedWorkload } from './protected-workload.type.js';
import type { Job } from './job.type.js';
import type { JobStatus } from '../../datasources/domain.js';

/** What a workload's backup history tells: the newest success and the newest job. */
export interface WorkloadHistory {
  lastSuccessfulBackupAt: Date | null;
  lastJobStatus: JobStatus | null;
  lastJob: Job | null;
}

/**
 * A workload without a successful backup in the asked window. `lastSuccessfulBackupAt`, `lastJobStatus`
 * and `lastJob` read the workload's backup history (one upstream call per workload, only when selected).
 */
@ObjectType('UnprotectedWorkload', { description: 'A workload with no successful backup in the last N days.' })
export class UnprotectedWorkload {
  @Field(() => ProtectedWorkload)
  workload!: NodeRecord;

  @Field(() => ProtectionGap)
  gap!: ProtectionGap;

  @Field(() => Int, { description: 'Backups of the workload started in the window that failed or were killed.' })
  failedBackupCount!: number;

  /** Not a field: the workload's recent backups, read by its product (one upstream call, made when a history field is selected). */
  history!: () => Promise<WorkloadHistory>;
}
