import type { StoragePool } from '../data/types.js';
import { idParam, listOrOmit, nestedError, ok, v4NotFound, type ApiRequest, type ApiResult, type RouteDef, type SimContext } from '../context.js';
import { freeMBNow } from '../data/drift.js';

const LIST_ROOT = 'Api_GetStoragePoolListResp';

export const storagePoolRoutes: RouteDef[] = [
  { method: 'GET', template: '/StoragePool', errorShape: nestedError, errorRoot: LIST_ROOT, handle: listPools },
  { method: 'GET', template: '/StoragePool/{id}', errorShape: nestedError, handle: getPool },
  { method: 'GET', template: '/V4/Storage/Disk', handle: (_req, ctx) => ok({ diskStorage: v4List(ctx, 'disk') }, 'Api_DiskStorageListResp') },
  { method: 'GET', template: '/V4/Storage/Disk/{id}', handle: getDisk },
  { method: 'GET', template: '/V4/Storage/Cloud', handle: (_req, ctx) => ok({ cloudStorage: v4List(ctx, 'cloud') }, 'Api_CloudStorageListResp') },
  { method: 'GET', template: '/V4/Storage/Cloud/{id}', handle: getCloud },
];

function listPools(_req: ApiRequest, ctx: SimContext): ApiResult {
  const items = ctx.data.storagePools.map((p) => ({
    storagePoolEntity: { _type_: 160, storagePoolName: p.storagePoolName, storagePoolId: p.storagePoolId },
    storagePool: { _type_: 28, clientGroupId: 0, clientGroupName: '' },
    // 1 = global deduplication policy (docs); the simulator's non-dedup pool reports 0.
    storagePoolType: p.dedup ? 1 : 0,
    storageType: p.kind === 'cloud' ? 2 : 1,
    libraryVendorType: p.libraryVendorType,
    status: p.status,
    reserved1: 0,
    numberOfNodes: 0,
    totalCapacity: p.capacityMB,
    totalFreeSpace: freeMBNow(ctx, p),
    sizeOnDisk: p.sizeOnDiskMB,
    storageSubType: 0,
    isArchiveStorage: false,
  }));
  return ok(listOrOmit('storagePoolList', items), LIST_ROOT);
}

function getPool(req: ApiRequest, ctx: SimContext): ApiResult {
  const p = ctx.index.pools.get(idParam(req));
  if (!p) return ok({}, 'Api_GetStoragePoolDetailsResp');
  const library = ctx.index.libraries.get(p.libraryId);
  const store = p.ddbStoreId === null ? undefined : ctx.index.ddbStores.get(p.ddbStoreId);
  const details: Record<string, unknown> = {
    totalFreeSpace: freeMBNow(ctx, p),
    totalCapacity: p.capacityMB,
    status: p.status,
    sizeOnDisk: p.sizeOnDiskMB,
    retention: p.retentionDays,
    reserved: 0,
    redundancyFactor: 0,
    numOfSpareMedia: 0,
    numOfMedia: library?.mountPaths.length ?? 0,
    numOfCleaningMedia: 0,
    lastDayThroughput: 0,
    disperseFactor: 0,
    devicePath: library?.mountPaths[0]?.mountPathName ?? '',
    applicationSize: p.appSizeMB,
    uniqueBlocksOfStore: 0,
    storagePoolEntity: { _type_: 160, storagePoolName: p.storagePoolName, storagePoolId: p.storagePoolId },
    libraryVendorType: p.libraryVendorType,
    libraryList: library ? [{ library: { libraryId: library.libraryId, libraryName: library.libraryName, _type_: 9 }, libraryType: library.libraryType === 'Cloud' ? 2 : 1 }] : [],
    copyInfo: { copyPrecedence: 1, retentionRules: { retainBackupDataForDays: p.retentionDays } },
  };
  if (store) {
    details.dedupDBDetailsList = [{ storeId: store.storeId, storeName: store.storeName, status: store.status, sealedTime: store.sealedTime, ddbVersion: store.ddbVersion }];
  }
  if ((details.libraryList as unknown[]).length === 0) delete details.libraryList;
  return ok({ storagePoolDetails: details }, 'Api_GetStoragePoolDetailsResp');
}

function v4List(ctx: SimContext, kind: StoragePool['kind']): Record<string, unknown>[] {
  return ctx.data.storagePools
    .filter((p) => p.kind === kind)
    .map((p) => ({
      id: p.storagePoolId,
      name: p.storagePoolName,
      storagePoolType: p.dedup ? 'DEDUPLICATION' : 'NON_DEDUPLICATION',
      status: p.status,
      capacity: p.capacityMB,
      freeSpace: freeMBNow(ctx, p),
      company: { id: 0, name: 'Commcell' },
      commcell: { id: ctx.data.commServ.commCellId, name: ctx.data.commServ.commCellName },
    }));
}

function plansOf(ctx: SimContext, p: StoragePool): { id: number; name: string }[] {
  return ctx.data.plans
    .filter((plan) => ctx.index.policies.get(plan.storagePolicyId)?.copies.some((c) => c.storagePoolId === p.storagePoolId))
    .map((plan) => ({ id: plan.planId, name: plan.planName }));
}

const ENCRYPTION = { encrypt: true, keyLength: 256, cipher: 'AES', keyProvider: { id: 1, name: 'Built-in' } };

function getDisk(req: ApiRequest, ctx: SimContext): ApiResult {
  const p = ctx.index.pools.get(idParam(req));
  if (!p || p.kind !== 'disk') return v4NotFound();
  const library = ctx.index.libraries.get(p.libraryId);
  return ok(
    {
      id: p.storagePoolId,
      name: p.storagePoolName,
      // Disk detail says `capacity`, cloud detail `totalCapacity` (docs/upstreams/commvault.md §5.4).
      general: { capacity: p.capacityMB, freeSpace: freeMBNow(ctx, p), sizeOnDisk: p.sizeOnDiskMB, dedupeSavingsPercent: p.dedupeSavingsPercent },
      backupLocations: (library?.mountPaths ?? []).map((m) => ({ id: m.mountPathId, name: m.mountPathName, status: m.online ? 'Ready' : 'Offline' })),
      encryption: ENCRYPTION,
      security: { associatedUserGroups: [] },
      associatedPlanList: plansOf(ctx, p),
    },
    'Api_DiskStorageDetailsResp',
  );
}

function getCloud(req: ApiRequest, ctx: SimContext): ApiResult {
  const p = ctx.index.pools.get(idParam(req));
  if (!p || p.kind !== 'cloud') return v4NotFound();
  const library = ctx.index.libraries.get(p.libraryId);
  return ok(
    {
      id: p.storagePoolId,
      name: p.storagePoolName,
      general: {
        type: p.dedup ? 'DEDUPLICATION' : 'NON_DEDUPLICATION',
        vendorType: p.cloudVendor ?? '',
        totalCapacity: p.capacityMB,
        freeSpace: freeMBNow(ctx, p),
        sizeOnDisk: p.sizeOnDiskMB,
        // A string on the wire.
        deduplicationSavings: p.dedupeSavingsPercent.toFixed(2),
      },
      bucket: (library?.mountPaths ?? []).map((m) => ({ id: m.mountPathId, name: m.mountPathName, status: m.online ? 'Ready' : 'Offline' })),
      encryption: ENCRYPTION,
      security: [],
    },
    'Api_CloudStorageDetailsResp',
  );
}
