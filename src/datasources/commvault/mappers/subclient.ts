import type { UpstreamRef } from '../../record.js';
import type { CvSubclient } from '../model.js';
import { toRef, toSubclientRef } from './job.js';
import { toPlanRef } from './plan.js';
import { toStoragePolicyRef } from './storage-policy.js';
import { bool, field, int, list, path, str, unixSeconds } from './read.js';

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
  const content = list(field(raw, 'content'));
  const streams = int(field(common, 'numberOfBackupStreams'));
  return {
    ...ref,
    detail: {
      description: str(field(common, 'description')),
      backupEnabled: bool(field(common, 'enableBackup')),
      contentPaths: itemsOf(content, 'path'),
      filters: itemsOf(content, 'excludePath'),
      exceptions: itemsOf(content, 'includePath'),
      fileSystem: field(raw, 'fsSubClientProp') !== undefined && field(raw, 'fsSubClientProp') !== null,
      streamCount: streams !== null && streams >= 0 ? streams : null,
      lastBackupAt: unixSeconds(field(common, 'lastBackupTime')),
      storagePolicy: toStoragePolicyRef(
        upstream,
        toRef(path(common, 'storageDevice', 'dataBackupStoragePolicy'), ['storagePolicyId'], ['storagePolicyName']),
      ),
      plan: toPlanRef(upstream, toRef(field(raw, 'planEntity'), ['planId'], ['planName'])),
    },
  };
}

/**
 * Content, filters and exceptions share one list, one key per item (`path`, `excludePath`,
 * `includePath`: docs/upstreams/commvault-subclients.md §1); an item may also be a lone object, not a list.
 */
function itemsOf(content: readonly unknown[], key: 'path' | 'excludePath' | 'includePath'): string[] {
  return content.map((c) => str(field(c, key))).filter((p): p is string => p !== null && p !== '');
}
