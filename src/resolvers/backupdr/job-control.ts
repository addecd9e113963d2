import type { GatewayContext } from '../../context.js';
import { ErrorCode } from '../../errors/codes.js';
import { badUserInput, GatewayError } from '../../errors/gateway-error.js';
import { JobAction } from '../../schema/unified/job-action.enum.js';
import type { GlobalIdParts } from '../../util/global-id.js';
import type { ControllableJob } from '../product.js';
import { consoleSource } from './sources.js';

/**
 * A BackupDrJob of `controlJobs`. The console can only cancel a job (`PUT /job/{id}` `{"status":"cancel"}`,
 * docs/upstreams/backupdr.md §7.3), which KILL means; its answer is the job after it. Pausing, resuming or
 * resubmitting a console job is NOT_SUPPORTED, answered without a call.
 */
export function consoleJobControl(ctx: GatewayContext, parts: GlobalIdParts): ControllableJob | undefined {
  if (parts.typeName !== 'BackupDrJob') return undefined;
  if (!/^\d{1,19}$/.test(parts.localId)) throw badUserInput(`"${parts.localId.slice(0, 40)}" is not a BackupDrJob id`);
  const source = consoleSource(ctx, parts.instanceId);
  return {
    instanceId: source.instanceId,
    async run(action) {
      if (action !== JobAction.KILL) {
        throw new GatewayError(ErrorCode.NOT_SUPPORTED, `A console job can only be cancelled (KILL); ${action} is not supported by Backup and DR consoles`);
      }
      return { job: await source.cancelJob(parts.localId), resubmittedJob: null };
    },
  };
}
