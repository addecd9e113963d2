import type { UpstreamRef } from '../../record.js';
import type { CvSubclient } from '../model.js';
import { toRef, toSubclientRef } from './job.js';
import { toPlanRef } from './plan.js';
import { toStoragePolicyRef } from './storage-policy.js';
import { bool, field, list, path, str } from './read.js';

/** `GET /Subclient?clientId=` and `GET /Subclient/{id}` (an array of one): `{subClientProperties: [...]}`. */
export function toSubclients(body: unknown, upstream: UpstreamRef): CvSubclient[] {
  return list(field(body, 'subClientProperties'))
    .map((raw) => toSubclient(raw, upstream))
    .filter((s): s is CvSubclient => s !== null);
}

export function toSubclient(raw: unknown, upstream: UpstreamRef): CvSubclient | null {
  const ref = toSubclientRef(field(raw, 'subClientEntity'), upstream);
  if (ref === null) return null;
  const common = field(raw, 'commonProperties');
  return {
    ...ref,
    detail: {
      description: str(field(common, 'description')),
      backupEnabled: bool(field(common, 'enableBackup')),
      contentPaths: list(field(raw, 'content'))
        .map((c) => str(field(c, 'path')))
        .filter((p): p is string => p !== null),
      storagePolicy: toStoragePolicyRef(
        upstream,
        toRef(path(common, 'storageDevice', 'dataBackupStoragePolicy'), ['storagePolicyId'], ['storagePolicyName']),
      ),
      plan: toPlanRef(upstream, toRef(field(raw, 'planEntity'), ['planId'], ['planName'])),
    },
  };
}
