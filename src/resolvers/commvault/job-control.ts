import type { GatewayContext } from '../../context.js';
import type { CvJobAction } from '../../datasources/commvault/commvault-source.js';
import { badUserInput } from '../../errors/gateway-error.js';
import { JobAction } from '../../schema/unified/job-action.enum.js';
import { numericLocalId, type GlobalIdParts } from '../../util/global-id.js';
import type { ControllableJob } from '../product.js';
import { commvaultSource } from './sources.js';
import { readJob, readStartedJobs } from './started-jobs.js';

const WIRE_ACTION: Readonly<Record<JobAction, CvJobAction>> = {
  [JobAction.PAUSE]: 'pause',
  [JobAction.RESUME]: 'resume',
  [JobAction.KILL]: 'kill',
  [JobAction.RESUBMIT]: 'resubmit',
};

/**
 * A CommvaultJob of `controlJobs`: `POST /Job/{id}/action/…` (docs/operations.md), then the job read back
 * (`GET /Job/{id}`), and for RESUBMIT the new job too.
 */
export function commvaultJobControl(ctx: GatewayContext, parts: GlobalIdParts): ControllableJob | undefined {
  if (parts.typeName !== 'CommvaultJob') return undefined;
  const jobId = numericLocalId(parts);
  if (jobId === null) throw badUserInput(`"${parts.localId.slice(0, 40)}" is not a CommvaultJob id`);
  const source = commvaultSource(ctx, parts.instanceId);
  return {
    instanceId: source.instanceId,
    async run(action) {
      const { resubmittedJobIds } = await source.controlJob(jobId, WIRE_ACTION[action]);
      const [job, resubmittedJob] = await Promise.all([
        readJob(source, jobId),
        resubmittedJobIds[0] === undefined ? null : readStartedJobs(source, resubmittedJobIds.slice(0, 1)).then(([j]) => j ?? null),
      ]);
      return { job, resubmittedJob };
    },
  };
}
