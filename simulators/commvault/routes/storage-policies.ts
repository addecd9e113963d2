import type { StoragePolicy } from '../data/types.js';
import { idParam, listOrOmit, nestedError, ok, type ApiRequest, type ApiResult, type RouteDef, type Scope, type SimContext } from '../context.js';

export const storagePolicyRoutes: RouteDef[] = [
  { method: 'GET', template: '/StoragePolicy', errorShape: nestedError, handle: listPolicies },
  { method: 'GET', template: '/StoragePolicy/{id}', errorShape: nestedError, handle: getPolicy },
];

/** Tenants see the policies behind their company's plans. */
function visible(req: ApiRequest, p: StoragePolicy): boolean {
  return (req.scope as Scope).company(p.companyId);
}

function listPolicies(req: ApiRequest, ctx: SimContext): ApiResult {
  const items = ctx.data.storagePolicies.filter((p) => visible(req, p)).map((p) => ({ storagePolicyName: p.storagePolicyName, storagePolicyId: p.storagePolicyId }));
  return ok(listOrOmit('policies', items), 'App_GetStoragePolicyListResp');
}

function getPolicy(req: ApiRequest, ctx: SimContext): ApiResult {
  const p = ctx.index.policies.get(idParam(req));
  if (!p || !visible(req, p)) return ok({}, 'App_GetStoragePolicyPropertiesResp');
  return ok(
    {
      storagePolicy: { storagePolicyName: p.storagePolicyName, storagePolicyId: p.storagePolicyId },
      copy: p.copies.map((c) => {
        const library = ctx.index.libraries.get(c.libraryId);
        const pool = ctx.index.pools.get(c.storagePoolId);
        return {
          StoragePolicyCopy: { copyId: c.copyId, copyName: c.copyName, storagePolicyId: p.storagePolicyId, storagePolicyName: p.storagePolicyName },
          copyType: c.copyType,
          active: 1,
          // An int on the wire (cvpysdk does bool(int(…))).
          isSnapCopy: 0,
          copyPrecedence: c.copyPrecedence,
          library: { libraryName: library?.libraryName ?? '', libraryId: c.libraryId },
          storagePool: { storagePoolName: pool?.storagePoolName ?? '', storagePoolId: c.storagePoolId },
          dedupeFlags: { enableDeduplication: pool?.dedup ? 1 : 0 },
          retentionRules: { retainBackupDataForDays: c.retentionDays, retainBackupDataForCycles: 1 },
        };
      }),
    },
    'App_GetStoragePolicyPropertiesResp',
  );
}
