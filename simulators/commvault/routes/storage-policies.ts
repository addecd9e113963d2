import type { SimExtendedRule, SimRetainedFulls, StoragePolicy, StoragePolicyCopy } from '../data/types.js';
import { idParam, listOrOmit, nestedError, ok, type ApiRequest, type ApiResult, type RouteDef, type Scope, type SimContext } from '../context.js';

export const storagePolicyRoutes: RouteDef[] = [
  { method: 'GET', template: '/StoragePolicy', errorShape: nestedError, handle: listPolicies },
  { method: 'GET', template: '/StoragePolicy/{id}', errorShape: nestedError, handle: getPolicy },
  { method: 'GET', template: '/V2/StoragePolicy/{id}/Copy/{copyId}', errorShape: nestedError, handle: getCopy },
  { method: 'PUT', template: '/V2/StoragePolicy/{id}/Copy/{copyId}', errorShape: nestedError, write: true, handle: putCopy },
];

/** V2 extended `rule` codes (docs/upstreams/commvault.md §12.5); PUT also takes the names cvpysdk writes. */
const RULE_CODES: Readonly<Record<SimRetainedFulls, number>> = {
  ALL_FULLS: 2, WEEKLY_FULLS: 4, MONTHLY_FULLS: 8, QUARTERLY_FULLS: 16, HALF_YEARLY_FULLS: 32, YEARLY_FULLS: 64, HOURLY_FULLS: 262144, DAILY_FULLS: 524288,
};
const RULE_NAMES: Readonly<Record<string, SimRetainedFulls>> = {
  EXTENDED_ALLFULL: 'ALL_FULLS', EXTENDED_WEEK: 'WEEKLY_FULLS', EXTENDED_MONTH: 'MONTHLY_FULLS', EXTENDED_QUARTER: 'QUARTERLY_FULLS',
  EXTENDED_HALFYEAR: 'HALF_YEARLY_FULLS', EXTENDED_YEAR: 'YEARLY_FULLS', EXTENDED_HOUR: 'HOURLY_FULLS', EXTENDED_DAY: 'DAILY_FULLS',
};
const V2_EXTENDED_KEYS = ['extendedRetentionRuleOne', 'extendedRetentionRuleTwo', 'extendedRetentionRuleThree'] as const;
const COPY_ROOT = 'App_GetStoragePolicyCopyResp';

function findCopy(req: ApiRequest, ctx: SimContext): { policy: StoragePolicy; copy: StoragePolicyCopy } | undefined {
  const policy = ctx.index.policies.get(idParam(req));
  const copy = policy?.copies.find((c) => c.copyId === Number(req.params.copyId));
  return policy && copy && visible(req, policy) ? { policy, copy } : undefined;
}

/** `GET /V2/StoragePolicy/{id}/Copy/{copyId}` → `{copy: {...}, error}`: the copy as an object, ints for flags. */
function getCopy(req: ApiRequest, ctx: SimContext): ApiResult {
  const found = findCopy(req, ctx);
  if (!found) return ok(nestedError(2, 'Storage policy copy not found.'), COPY_ROOT);
  const { policy, copy } = found;
  const library = ctx.index.libraries.get(copy.libraryId);
  const pool = ctx.index.pools.get(copy.storagePoolId);
  const primary = policy.copies.find((c) => c.copyPrecedence === 1);
  const retainJobs = copy.retainJobs ?? 0;
  const rules: Record<string, unknown> = {
    retainBackupDataForCycles: copy.retentionCycles ?? 1,
    jobs: retainJobs,
    retainArchiverDataForDays: -1,
    retainBackupDataForDays: copy.retentionDays,
    retentionFlags: { enableDataAging: copy.dataAging === false ? 0 : 1, jobBasedRetention: retainJobs > 0 ? 1 : 0 },
  };
  (copy.extendedRetention ?? []).forEach((r, i) => {
    rules[V2_EXTENDED_KEYS[i] as string] = { isEnabled: 1, rule: RULE_CODES[r.fulls], endDays: r.days, graceDays: 0 };
  });
  const ma = ctx.data.mediaAgents.find((m) => pool?.mediaAgentIds.includes(m.mediaAgentId));
  return ok(
    {
      copy: {
        copyType: copy.copyType, active: 1, isDefault: copy.copyPrecedence === 1 ? 1 : 0, isSnapCopy: 0, isMirrorCopy: 0, copyPrecedence: copy.copyPrecedence,
        sourceCopy: copy.copyPrecedence > 1 && primary ? { copyId: primary.copyId, copyName: primary.copyName } : { copyId: 0, copyName: '' },
        dedupeFlags: { enableDeduplication: pool?.dedup ? 1 : 0 },
        storagePool: { storagePoolName: pool?.storagePoolName ?? '', storagePoolId: copy.storagePoolId },
        retentionRules: rules,
        StoragePolicyCopy: { copyId: copy.copyId, copyName: copy.copyName },
        extendedFlags: { compressionOnClients: 0, overRideGACPRetention: copy.overridePool === false ? 0 : 1 },
        copyFlags: { roundRobbinDataPath: 0 },
        library: { libraryName: library?.libraryName ?? '', libraryId: copy.libraryId },
        mediaAgent: { mediaAgentId: ma?.mediaAgentId ?? 0, mediaAgentName: ma?.mediaAgentName ?? '' },
      },
      error: { errorMessage: '', errorCode: 0 },
    },
    COPY_ROOT,
  );
}

/**
 * `PUT /V2/StoragePolicy/{id}/Copy/{copyId}` with `{storagePolicyCopyInfo: {...the whole copy...}}`:
 * the retention is taken from `retentionRules` (days, cycles, jobs, flags, extended rules by code or
 * name). Answers the documented `{responseType: 0, error: {errorCode: 0}}`; a refusal is the nested
 * error at HTTP 200.
 */
function putCopy(req: ApiRequest, ctx: SimContext): ApiResult {
  const found = findCopy(req, ctx);
  if (!found) return ok(nestedError(2, 'Storage policy copy not found.'), COPY_ROOT);
  const { copy } = found;
  const info = (req.body as Record<string, any> | undefined)?.storagePolicyCopyInfo;
  const rules = info?.retentionRules;
  if (typeof rules !== 'object' || rules === null) return ok(nestedError(2, 'The request holds no storagePolicyCopyInfo.retentionRules.'), COPY_ROOT);
  if (Number(info?.StoragePolicyCopy?.copyId) !== copy.copyId) return ok(nestedError(2, 'The copy in the request is not the copy of the path.'), COPY_ROOT);
  const days = Number(rules.retainBackupDataForDays ?? copy.retentionDays);
  const cycles = Number(rules.retainBackupDataForCycles ?? copy.retentionCycles ?? 1);
  const jobs = Number(rules.jobs ?? 0);
  if (!Number.isInteger(days) || days === 0 || days < -1 || !Number.isInteger(cycles) || cycles < 0 || !Number.isInteger(jobs) || jobs < 0) {
    return ok(nestedError(2, 'Invalid retention values.'), COPY_ROOT);
  }
  const extended: SimExtendedRule[] = [];
  for (const key of V2_EXTENDED_KEYS) {
    const rule = rules[key];
    if (!rule || Number(rule.isEnabled) !== 1) continue;
    const fulls = RULE_NAMES[String(rule.rule)] ?? (Object.entries(RULE_CODES).find(([, code]) => code === Number(rule.rule))?.[0] as SimRetainedFulls | undefined);
    const endDays = Number(rule.endDays);
    if (!fulls || !Number.isInteger(endDays) || endDays === 0 || endDays < -1) return ok(nestedError(2, `Invalid extended retention rule ${key}.`), COPY_ROOT);
    if (endDays >= 0 && (days < 0 || endDays <= days)) return ok(nestedError(2, 'Extended retention must be greater than the basic retention.'), COPY_ROOT);
    extended.push({ fulls, days: endDays });
  }
  copy.retentionDays = days;
  copy.retentionCycles = cycles;
  copy.retainJobs = Number(rules.retentionFlags?.jobBasedRetention) === 1 ? jobs : 0;
  copy.extendedRetention = extended;
  if (rules.retentionFlags?.enableDataAging !== undefined) copy.dataAging = Number(rules.retentionFlags.enableDataAging) === 1;
  if (info.extendedFlags?.overRideGACPRetention !== undefined) copy.overridePool = Number(info.extendedFlags.overRideGACPRetention) === 1;
  return ok({ responseType: 0, error: { errorCode: 0 } }, COPY_ROOT);
}

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
          retentionRules: { retainBackupDataForDays: c.retentionDays, retainBackupDataForCycles: c.retentionCycles ?? 1 },
        };
      }),
    },
    'App_GetStoragePolicyPropertiesResp',
  );
}
