import { toGlobalId } from '../../../util/global-id.js';
import type { UpstreamRef } from '../../record.js';
import type { CvDdbPartition, CvDdbResync, CvDdbStore } from '../model.js';
import { toRef } from './job.js';
import { field, int, list, mbToBytes, num, str, unixSeconds } from './read.js';

/**
 * The key of a partition's average Q&I time (µs). docs/upstreams/commvault.md §5.7: not confirmed in public sources,
 * `avgQITime` is the documented guess; these alternatives are read too so a live CommServe that names it
 * differently still reports health.
 */
export const QI_TIME_KEYS = ['avgQITime', 'avgQueryAndInsertTime', 'averageQITime', 'qiTime'] as const;

/** `POST /QCommand/qoperation execute` with EVGui_DDBEnginesReq: `{engines: [{sp, copy, storeId, storeName, sealedTime, status, ddbVersion}]}`. */
export function toDdbEngines(body: unknown, upstream: UpstreamRef): CvDdbStore[] {
  const out: CvDdbStore[] = [];
  const seen = new Set<number>();
  for (const e of list(field(body, 'engines'))) {
    const storeId = int(field(e, 'storeId'));
    // One store serves several copies; the gateway lists stores, so the first mention wins.
    if (storeId === null || seen.has(storeId)) continue;
    seen.add(storeId);
    out.push({
      ...baseStore(e, storeId, upstream),
      storagePolicyName: toRef(field(e, 'sp'), ['id'], ['name'])?.name ?? null,
      copyName: toRef(field(e, 'copy'), ['id'], ['name'])?.name ?? null,
      partitions: null,
      avgQiMicros: null,
      freeBytes: null,
    });
  }
  return out;
}

/** `GET /DDBInformation/{id}`: the store with `SubStoreList` partitions (capital S; `freeDiskSpaceMB`, Q&I µs). */
export function toDdbStore(body: unknown, storeId: number, upstream: UpstreamRef): CvDdbStore | null {
  const root = field(body, 'storeId') !== undefined ? body : (list(field(body, 'ddbStores', 'stores'))[0] ?? body);
  const id = int(field(root, 'storeId')) ?? storeId;
  const partitions = list(field(root, 'SubStoreList'))
    .map(toPartition)
    .filter((p): p is CvDdbPartition => p !== null);
  if (field(root, 'storeId') === undefined && partitions.length === 0) return null;
  const qi = partitions.map((p) => p.avgQiMicros).filter((n): n is number => n !== null);
  const free = partitions.map((p) => p.freeBytes).filter((n): n is number => n !== null);
  return {
    ...baseStore(root, id, upstream),
    storagePolicyName: toRef(field(root, 'sp', 'storagePolicy'), ['id', 'storagePolicyId'], ['name', 'storagePolicyName'])?.name ?? null,
    copyName: toRef(field(root, 'copy'), ['id', 'copyId'], ['name', 'copyName'])?.name ?? null,
    partitions,
    avgQiMicros: qi.length > 0 ? Math.max(...qi) : null,
    freeBytes: free.length > 0 ? Math.min(...free) : null,
  };
}

function baseStore(
  raw: unknown,
  storeId: number,
  upstream: UpstreamRef,
): Pick<CvDdbStore, '__typename' | 'id' | 'upstream' | 'storeId' | 'name' | 'status' | 'version' | 'sealedAt' | 'resync'> {
  return {
    __typename: 'CommvaultDdbStore',
    id: toGlobalId('CommvaultDdbStore', upstream.id, storeId),
    upstream,
    storeId,
    name: str(field(raw, 'storeName')) ?? String(storeId),
    status: int(field(raw, 'status')),
    version: int(field(raw, 'ddbVersion')),
    sealedAt: unixSeconds(field(raw, 'sealedTime')),
    resync: toDdbResync(field(raw, 'storeFlags')),
  };
}

/** `IdxSIDBStore` flag bits cvpysdk and Commvault's own test code name (docs/upstreams/commvault-aging.md §3). */
export const DDB_STORE_FLAGS = {
  UNDER_MAINTENANCE: 16_777_216,
  NEEDS_AUTO_RESYNC: 33_554_432,
  RESYNC_IN_PROGRESS: 1_073_741_824,
} as const;

/** `storeFlags` (an int, or a numeric string) → the resync state; null when absent. */
export function toDdbResync(raw: unknown): CvDdbResync | null {
  const flags = int(raw);
  if (flags === null) return null;
  // Bitwise operators work on 32 bits: the flags above all fit below 2^31.
  const has = (bit: number): boolean => (flags & bit) !== 0;
  return {
    needed: has(DDB_STORE_FLAGS.NEEDS_AUTO_RESYNC),
    inProgress: has(DDB_STORE_FLAGS.RESYNC_IN_PROGRESS),
    underMaintenance: has(DDB_STORE_FLAGS.UNDER_MAINTENANCE),
    storeFlags: flags,
  };
}

function toPartition(raw: unknown): CvDdbPartition | null {
  const subStoreId = int(field(raw, 'subStoreId'));
  if (subStoreId === null) return null;
  const avgQiMicros = num(field(raw, ...QI_TIME_KEYS));
  return {
    subStoreId,
    path: str(field(raw, 'Path')),
    mediaAgentName: toRef(field(raw, 'MediaAgent'), ['id', 'mediaAgentId'], ['name', 'mediaAgentName'])?.name ?? null,
    // status 1 = online (cvpysdk checks `status == 1` for substores).
    online: statusOnline(field(raw, 'status')),
    freeBytes: mbToBytes(field(raw, 'freeDiskSpaceMB')),
    avgQiMicros,
    primaryEntries: int(field(raw, 'maxSIDBPrimaryRecords')),
    offlineReason: offlineReasonOf(field(raw, 'offlineReason')),
    lastBackupAt: unixSeconds(field(raw, 'lastSnapTime')),
  };
}

/** `offlineReason` is a code or a text (docs/upstreams/commvault.md §5.7): 0, blank or absent is none. */
function offlineReasonOf(raw: unknown): string | null {
  const text = str(raw)?.trim();
  return !text || text === '0' ? null : text;
}

function statusOnline(raw: unknown): boolean | null {
  const s = int(raw);
  return s === null ? null : s === 1;
}
