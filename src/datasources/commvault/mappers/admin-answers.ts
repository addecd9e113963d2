import type { CvDdbOperationOutcome } from '../admin-model.js';
import { field, int, str } from './read.js';
import { toStartedJobIds } from './task.js';

/**
 * A DDB operation's qoperation answer (docs/upstreams/commvault.md §10.2): `{"jobIds": ["…"]}` for the
 * operations that start a job; a seal answers the generic `{errorCode: 0, errorMessage}` or the nested
 * `{error: {errorCode: 0, errorString}}`, whose text (if any) is kept. Failures never reach here: the
 * source's error hook reads them.
 */
export function toDdbOperationOutcome(body: unknown): CvDdbOperationOutcome {
  const nested = field(body, 'error');
  const message = str(field(body, 'errorMessage', 'errorString')) ?? str(field(nested, 'errorMessage', 'errorString'));
  return { jobIds: toStartedJobIds(body), message: message?.trim() || null };
}

/** `GET /CommServ` → `{commcell: {commCellId, commCellName, …}, …}`: the CommCell id (docs/upstreams/commvault.md §6.3). */
export function toCommCellId(body: unknown): number | null {
  const id = int(field(field(body, 'commcell'), 'commCellId'));
  return id !== null && id > 0 ? id : null;
}
