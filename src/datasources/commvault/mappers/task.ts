import { ErrorCode } from '../../../errors/codes.js';
import { GatewayError, isGatewayError } from '../../../errors/gateway-error.js';
import { field, int, list } from './read.js';

/**
 * The job ids of a task-creating answer (`POST /Subclient/{id}/action/backup`, `/Job/{id}/action/Resubmit`):
 * `{"taskId": 87, "jobIds": ["1426070"]}` — ids as strings (docs/upstreams/commvault.md §3.7).
 */
export function toStartedJobIds(body: unknown): number[] {
  return list(field(body, 'jobIds'))
    .map((id) => int(id))
    .filter((id): id is number => id !== null && id > 0);
}

/**
 * A Commvault refusal that names the object as unknown ("Subclient [7] not found.", "Job [9] does not
 * exist.") becomes NOT_FOUND with the same origin; any other error is returned unchanged.
 */
export function unknownObjectAsNotFound(error: unknown): unknown {
  if (!isGatewayError(error) || error.code !== ErrorCode.UPSTREAM_ERROR) return error;
  if (!/\b(not found|does not exist)\b/i.test(error.message)) return error;
  return new GatewayError(ErrorCode.NOT_FOUND, error.message, { upstream: error.upstream, upstreamCode: error.upstreamCode });
}
