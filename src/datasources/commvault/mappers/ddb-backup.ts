import type { UpstreamRef } from '../../record.js';
import type { CvSubclient } from '../model.js';
import { bool, field, list } from './read.js';
import { toSubclient } from './subclient.js';

/**
 * The name Commvault gives the DDB Backup subclient it creates on a MediaAgent, in the File System
 * agent's default backupset (docs/upstreams/commvault-aging.md §2).
 */
export const DDB_BACKUP_SUBCLIENT_NAME = 'DDBBackup';

/**
 * The DDB Backup subclients of one client's `GET /Subclient?clientId=` answer: those flagged
 * `fsSubClientProp.isDDBSubclient` (true, or 1 in the legacy int form), or, where a list answer leaves
 * `fsSubClientProp` out, the File System subclient named `DDBBackup`.
 */
export function toDdbBackupSubclients(body: unknown, upstream: UpstreamRef): CvSubclient[] {
  const out: CvSubclient[] = [];
  for (const raw of list(field(body, 'subClientProperties'))) {
    const subclient = toSubclient(raw, upstream);
    if (subclient && isDdbBackup(raw, subclient)) out.push(subclient);
  }
  return out;
}

function isDdbBackup(raw: unknown, subclient: CvSubclient): boolean {
  const flag = bool(field(field(raw, 'fsSubClientProp'), 'isDDBSubclient'));
  if (flag !== null) return flag;
  return subclient.name === DDB_BACKUP_SUBCLIENT_NAME && /file system/i.test(subclient.appName ?? '');
}
