import type { UpstreamRef } from '../../record.js';
import type { CvBackupLocation, CvPlan, CvRef, CvStorageDetail } from '../model.js';
import { toPlanRef } from './plan.js';
import { field, int, list, mbToBytes, num, str } from './read.js';

/**
 * `GET /V4/Storage/Disk/{id}`: `{id, name, general: {capacity, freeSpace, sizeOnDisk, dedupeSavingsPercent},
 * backupLocations: [{id, name, status}], associatedPlanList: [{id, name}]}` (sizes MB).
 */
export function toDiskStorageDetail(body: unknown, upstream: UpstreamRef): CvStorageDetail | null {
  return toStorageDetail(body, 'DISK', upstream);
}

/**
 * `GET /V4/Storage/Cloud/{id}`: the same idea with other words (docs/upstreams/commvault.md §5.4): `general.totalCapacity`
 * rather than `capacity`, `deduplicationSavings` as a string, buckets under `bucket`.
 */
export function toCloudStorageDetail(body: unknown, upstream: UpstreamRef): CvStorageDetail | null {
  return toStorageDetail(body, 'CLOUD', upstream);
}

function toStorageDetail(body: unknown, medium: CvStorageDetail['medium'], upstream: UpstreamRef): CvStorageDetail | null {
  const storagePoolId = int(field(body, 'id', 'storagePoolId'));
  if (storagePoolId === null) return null;
  const general = field(body, 'general');
  // Both spellings on both kinds: service packs differ, and the answer is the same quantity.
  const capacity = field(general, 'capacity', 'totalCapacity');
  const locations = list(field(body, 'backupLocations', 'bucket', 'buckets'));
  return {
    storagePoolId,
    name: str(field(body, 'name')) ?? String(storagePoolId),
    medium,
    capacityBytes: mbToBytes(capacity),
    freeBytes: mbToBytes(field(general, 'freeSpace', 'totalFreeSpace')),
    sizeOnDiskBytes: mbToBytes(field(general, 'sizeOnDisk')),
    dedupeSavingsPercent: percent(field(general, 'dedupeSavingsPercent', 'deduplicationSavings')),
    backupLocations: locations.map(toLocation).filter((l): l is CvBackupLocation => l !== null),
    associatedPlans: list(field(body, 'associatedPlanList', 'associatedPlans'))
      .map((raw) => toPlanRef(upstream, toRef(raw)))
      .filter((r): r is CvPlan => r !== null),
  };
}

/** A percentage from a number or a string such as `"81.50"` or `"81.5%"`. */
function percent(v: unknown): number | null {
  return num(typeof v === 'string' ? v.replace(/%\s*$/, '') : v);
}

function toLocation(raw: unknown): CvBackupLocation | null {
  const id = int(field(raw, 'id', 'mountPathId'));
  if (id === null) return null;
  return { id, name: str(field(raw, 'name', 'mountPathName')) ?? String(id), status: str(field(raw, 'status')) };
}

function toRef(raw: unknown): CvRef | null {
  const id = int(field(raw, 'id', 'planId'));
  if (id === null) return null;
  return { id, name: str(field(raw, 'name', 'planName')) ?? String(id) };
}
