import { genericError, ok, type ApiRequest, type ApiResult, type RouteDef, type Scope, type SimContext } from '../context.js';
import { startAdminJob } from './admin-jobs.js';

/** `backupType` codes cvpysdk sends (docs/upstreams/commvault.md §10.1). */
const DR_BACKUP_TYPES: ReadonlySet<number> = new Set([1, 3]);

export const drBackupRoutes: RouteDef[] = [{ method: 'POST', template: '/CommServ/DRBackup', write: true, handle: runDrBackup }];

/**
 * `POST /CommServ/DRBackup` `{isCompressionEnabled, jobType, backupType}` → `{"jobIds": ["…"]}`: a "DR Backup"
 * job on the CommServe. Refused (`{errorCode, errorMessage}` at HTTP 200) for a company user or an unknown
 * backup type. Several may run at once (the CommServe queues them; the simulator just runs them).
 */
function runDrBackup(req: ApiRequest, ctx: SimContext): ApiResult {
  const refuse = (message: string): ApiResult => ok(genericError(2, message), 'TMMsg_CreateTaskResp');
  if (!(req.scope as Scope).isAdmin) return refuse('User does not have the capability to run a DR backup.');
  const body = (req.body ?? {}) as { backupType?: unknown };
  const backupType = Number(body.backupType ?? 1);
  if (!DR_BACKUP_TYPES.has(backupType)) return refuse(`Invalid DR backup type [${String(body.backupType)}].`);
  const job = startAdminJob(req, ctx, 'DR Backup');
  return ok({ jobIds: [String(job.jobId)] }, 'TMMsg_CreateTaskResp');
}
