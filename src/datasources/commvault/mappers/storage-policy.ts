import { toGlobalId } from '../../../util/global-id.js';
import type { UpstreamRef } from '../../record.js';
import type { CvRef, CvStoragePolicy, CvStoragePolicyCopy } from '../model.js';
import { bool, field, int, list, path, str } from './read.js';
import { storagePolicyCopyId } from './retention.js';

/** `GET /StoragePolicy`: `{policies: [{storagePolicyId, storagePolicyName}]}` (omitted when empty). */
export function toStoragePolicies(body: unknown, upstream: UpstreamRef): CvStoragePolicy[] {
  const out: CvStoragePolicy[] = [];
  for (const p of list(field(body, 'policies'))) {
    const storagePolicyId = int(field(p, 'storagePolicyId'));
    if (storagePolicyId === null) continue;
    out.push(storagePolicyRecord(upstream, storagePolicyId, str(field(p, 'storagePolicyName')) ?? String(storagePolicyId), null));
  }
  return out;
}

/** A storage policy another answer names by id and name (a job, a subclient). */
export function toStoragePolicyRef(upstream: UpstreamRef, ref: CvRef | null): CvStoragePolicy | null {
  return ref && storagePolicyRecord(upstream, ref.id, ref.name, null);
}

function storagePolicyRecord(upstream: UpstreamRef, storagePolicyId: number, name: string, copies: CvStoragePolicyCopy[] | null): CvStoragePolicy {
  return {
    __typename: 'CommvaultStoragePolicy',
    id: toGlobalId('CommvaultStoragePolicy', upstream.id, storagePolicyId),
    upstream,
    storagePolicyId,
    name,
    copies,
  };
}

/**
 * `GET /StoragePolicy/{id}`: `{policies?|storagePolicy?, copy: [{StoragePolicyCopy: {copyId, copyName},
 * copyType, active, isSnapCopy (int), copyPrecedence, library: {libraryName}, retentionRules}]}`.
 * The detail answer does not reliably repeat the policy's name, so the caller passes what it knows.
 */
export function toStoragePolicyDetail(body: unknown, known: { storagePolicyId: number; name?: string }, upstream: UpstreamRef): CvStoragePolicy {
  const self = field(body, 'storagePolicy') ?? list(field(body, 'policies'))[0];
  return storagePolicyRecord(
    upstream,
    known.storagePolicyId,
    str(field(self, 'storagePolicyName')) ?? known.name ?? String(known.storagePolicyId),
    list(field(body, 'copy'))
      .map((raw) => toCopy(raw, known.storagePolicyId, upstream))
      .filter((c): c is CvStoragePolicyCopy => c !== null),
  );
}

function toCopy(raw: unknown, storagePolicyId: number, upstream: UpstreamRef): CvStoragePolicyCopy | null {
  const entity = field(raw, 'StoragePolicyCopy');
  const copyId = int(field(entity, 'copyId'));
  if (copyId === null) return null;
  return {
    id: storagePolicyCopyId(upstream.id, storagePolicyId, copyId),
    storagePolicyId,
    copyId,
    name: str(field(entity, 'copyName')) ?? String(copyId),
    copyType: int(field(raw, 'copyType')),
    active: bool(field(raw, 'active')),
    isSnapCopy: bool(field(raw, 'isSnapCopy')),
    precedence: int(field(raw, 'copyPrecedence')),
    libraryName: str(path(raw, 'library', 'libraryName')),
    retentionDays: int(path(raw, 'retentionRules', 'retainBackupDataForDays')),
  };
}
