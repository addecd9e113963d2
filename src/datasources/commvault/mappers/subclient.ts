import type { CvSubclient } from '../model.js';
import { toRef, toSubclientRef } from './job.js';
import { bool, field, list, path, str } from './read.js';

/** `GET /Subclient?clientId=` and `GET /Subclient/{id}` (an array of one): `{subClientProperties: [...]}`. */
export function toSubclients(body: unknown): CvSubclient[] {
  return list(field(body, 'subClientProperties'))
    .map(toSubclient)
    .filter((s): s is CvSubclient => s !== null);
}

export function toSubclient(raw: unknown): CvSubclient | null {
  const ref = toSubclientRef(field(raw, 'subClientEntity'));
  if (ref === null) return null;
  const common = field(raw, 'commonProperties');
  return {
    ...ref,
    description: str(field(common, 'description')),
    backupEnabled: bool(field(common, 'enableBackup')),
    contentPaths: list(field(raw, 'content'))
      .map((c) => str(field(c, 'path')))
      .filter((p): p is string => p !== null),
    storagePolicy: toRef(
      path(common, 'storageDevice', 'dataBackupStoragePolicy'),
      ['storagePolicyId'],
      ['storagePolicyName'],
    ),
    plan: toRef(field(raw, 'planEntity'), ['planId'], ['planName']),
  };
}
