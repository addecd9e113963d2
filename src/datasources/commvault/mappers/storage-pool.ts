import { toGlobalId } from '../../../util/global-id.js';
import { freePercentOf } from '../../domain.js';
import type { UpstreamRef } from '../../record.js';
import type { CvStorageMedium, CvStoragePool } from '../model.js';
import { field, int, list, mbToBytes, str } from './read.js';

/** cvpysdk: a pool is cloud storage when its library vendor type is in 401..499. */
const CLOUD_VENDOR_TYPES = { min: 401, max: 499 } as const;

/**
 * `GET /StoragePool`: `{storagePoolList: [{storagePoolEntity: {storagePoolId, storagePoolName},
 * storagePoolType, libraryVendorType, status, totalCapacity, totalFreeSpace, sizeOnDisk}]}` (sizes MB;
 * the list is omitted when empty and a single pool may come as an object).
 */
export function toStoragePools(body: unknown, upstream: UpstreamRef): CvStoragePool[] {
  return list(field(body, 'storagePoolList'))
    .map((p) => toStoragePool(p, upstream))
    .filter((p): p is CvStoragePool => p !== null);
}

/** `GET /StoragePool/{id}`: `{storagePoolDetails: {…same sizes…, storagePoolEntity, dedupDBDetailsList, libraryList: [{library: {libraryId}}]}}`. */
export function toStoragePoolDetail(body: unknown, upstream: UpstreamRef): CvStoragePool | null {
  const d = field(body, 'storagePoolDetails');
  if (d === undefined) return null;
  const ddbStoreIds = list(field(d, 'dedupDBDetailsList'))
    .map((x) => int(field(x, 'storeId', 'SIDBStoreId')))
    .filter((n): n is number => n !== null && n > 0);
  const libraryIds = list(field(d, 'libraryList'))
    .map((x) => int(field(field(x, 'library'), 'libraryId')))
    .filter((n): n is number => n !== null && n > 0);
  return toStoragePool(d, upstream, ddbStoreIds, libraryIds);
}

function toStoragePool(raw: unknown, upstream: UpstreamRef, ddbStoreIds: number[] = [], libraryIds: number[] = []): CvStoragePool | null {
  const entity = field(raw, 'storagePoolEntity');
  const storagePoolId = int(field(entity, 'storagePoolId')) ?? int(field(raw, 'id'));
  if (storagePoolId === null) return null;
  const capacityBytes = mbToBytes(field(raw, 'totalCapacity', 'capacity'));
  const freeBytes = mbToBytes(field(raw, 'totalFreeSpace', 'freeSpace'));
  const freePercent = freePercentOf(capacityBytes, freeBytes);
  return {
    __typename: 'CommvaultStoragePool',
    id: toGlobalId('CommvaultStoragePool', upstream.id, storagePoolId),
    upstream,
    storagePoolId,
    name: str(field(entity, 'storagePoolName')) ?? str(field(raw, 'name')) ?? String(storagePoolId),
    status: str(field(raw, 'status')),
    poolType: int(field(raw, 'storagePoolType')),
    medium: mediumOf(raw),
    capacityBytes,
    freeBytes,
    usedBytes: mbToBytes(field(raw, 'sizeOnDisk')),
    freePercent,
    ddbStoreIds,
    libraryIds,
  };
}

function mediumOf(raw: unknown): CvStorageMedium {
  const vendor = int(field(raw, 'libraryVendorType'));
  if (vendor !== null && vendor >= CLOUD_VENDOR_TYPES.min && vendor <= CLOUD_VENDOR_TYPES.max) return 'CLOUD';
  return 'DISK';
}
