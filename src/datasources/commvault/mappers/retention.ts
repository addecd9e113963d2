import { toGlobalId } from '../../../util/global-id.js';
import type { CvRef } from '../model.js';
import type {
  CvExtendedRetentionRule, CvPlanBackupDestination, CvRetainedFulls, CvRetentionRule, CvStoragePolicyCopyDetail,
} from '../protection-model.js';
import { bool, field, int, isObject, list, path, str } from './read.js';

/** `-1` days: kept indefinitely (docs/upstreams/commvault.md §12.3). */
export const INFINITE_DAYS = -1;

const V4_FULLS: ReadonlySet<string> = new Set([
  'ALL_FULLS', 'HOURLY_FULLS', 'DAILY_FULLS', 'WEEKLY_FULLS', 'MONTHLY_FULLS', 'QUARTERLY_FULLS', 'HALF_YEARLY_FULLS', 'YEARLY_FULLS',
]);

/** V2 extended `rule` codes and the names cvpysdk writes (§12.5), both read. */
export const V2_RULE_BY_FULLS: Readonly<Record<Exclude<CvRetainedFulls, 'OTHER'>, { code: number; name: string }>> = {
  ALL_FULLS: { code: 2, name: 'EXTENDED_ALLFULL' },
  WEEKLY_FULLS: { code: 4, name: 'EXTENDED_WEEK' },
  MONTHLY_FULLS: { code: 8, name: 'EXTENDED_MONTH' },
  QUARTERLY_FULLS: { code: 16, name: 'EXTENDED_QUARTER' },
  HALF_YEARLY_FULLS: { code: 32, name: 'EXTENDED_HALFYEAR' },
  YEARLY_FULLS: { code: 64, name: 'EXTENDED_YEAR' },
  HOURLY_FULLS: { code: 262144, name: 'EXTENDED_HOUR' },
  DAILY_FULLS: { code: 524288, name: 'EXTENDED_DAY' },
};

const FULLS_BY_V2_RULE = new Map<string, CvRetainedFulls>(
  Object.entries(V2_RULE_BY_FULLS).flatMap(([fulls, { code, name }]) => [
    [String(code), fulls as CvRetainedFulls],
    [name, fulls as CvRetainedFulls],
  ]),
);

/** The V4 names of the three extended rules, by rank. */
export const V4_EXTENDED_KEYS = ['firstExtendedRetentionRule', 'secondExtendedRetentionRule', 'thirdExtendedRetentionRule'] as const;
/** The V2 names of the three extended rules, by rank. */
export const V2_EXTENDED_KEYS = ['extendedRetentionRuleOne', 'extendedRetentionRuleTwo', 'extendedRetentionRuleThree'] as const;

/**
 * `GET /V4/ServerPlan/{id}/BackupDestinations` → `{backupdestinations: [...]}` (lower case there, camel
 * case inside `GET /V4/ServerPlan/{id}`: keys are read case-insensitively, so both).
 */
export function toPlanBackupDestinations(body: unknown, planId: number, instanceId: string): CvPlanBackupDestination[] {
  return list(field(body, 'backupDestinations'))
    .map((raw) => toPlanBackupDestination(raw, planId, instanceId))
    .filter((d): d is CvPlanBackupDestination => d !== null);
}

export function planDestinationId(instanceId: string, planId: number, copyId: number): string {
  return toGlobalId('CommvaultPlanBackupDestination', instanceId, `${planId}.${copyId}`);
}

export function storagePolicyCopyId(instanceId: string, storagePolicyId: number, copyId: number): string {
  return toGlobalId('CommvaultStoragePolicyCopy', instanceId, `${storagePolicyId}.${copyId}`);
}

/** One destination; null without a copy id. */
export function toPlanBackupDestination(raw: unknown, planId: number, instanceId: string): CvPlanBackupDestination | null {
  const entity = field(raw, 'planBackupDestination');
  const copyId = int(field(entity, 'id'));
  if (copyId === null) return null;
  const pool = field(raw, 'storagePool');
  return {
    id: planDestinationId(instanceId, planId, copyId),
    planId,
    copyId,
    name: str(field(entity, 'name')) ?? str(field(raw, 'backupDestinationName')) ?? String(copyId),
    storagePool: ref(pool),
    storagePoolType: str(field(pool, 'type')),
    storagePoolRetentionDays: int(field(pool, 'retentionPeriodDays')),
    worm: bool(field(pool, 'wormStoragePoolFlag')),
    storageType: str(field(raw, 'storageType')),
    isDefault: bool(field(raw, 'isDefault')),
    isSnapCopy: bool(field(raw, 'isSnapCopy')),
    isMirrorCopy: bool(field(raw, 'isMirrorCopy')),
    copyType: str(field(raw, 'copyType')),
    copyTypeName: str(field(raw, 'copyTypeName')),
    copyPrecedence: int(field(raw, 'copyPrecedence')),
    sourceCopy: ref(field(raw, 'sourceCopy')),
    region: ref(field(raw, 'region')),
    backupsToCopy: str(field(raw, 'backupsToCopy')),
    fullBackupTypesToCopy: str(field(raw, 'fullBackupTypesToCopy')),
    retention: toV4Retention(raw),
  };
}

/** The flat V4 retention keys of a destination (§12.3). */
export function toV4Retention(raw: unknown): CvRetentionRule {
  const snap = str(field(raw, 'retentionRuleType')) === 'SNAP_RECOVERY_POINTS';
  const days = int(field(raw, 'retentionPeriodDays'));
  const extended: CvExtendedRetentionRule[] = [];
  if (bool(field(raw, 'useExtendedRetentionRules')) === true) {
    const rules = field(raw, 'extendedRetentionRules');
    V4_EXTENDED_KEYS.forEach((key, i) => {
      const rule = field(rules, key);
      if (!isObject(rule)) return;
      const type = str(field(rule, 'type'));
      const ruleDays = int(field(rule, 'retentionPeriodDays'));
      const indefinite = bool(field(rule, 'isInfiniteRetention')) === true || ruleDays === INFINITE_DAYS;
      // An empty rule slot (no type, no days) is how V4 shows a rule that is not set.
      if (type === null && !indefinite && (ruleDays === null || ruleDays === 0)) return;
      extended.push({ rank: i + 1, fulls: type && V4_FULLS.has(type) ? (type as CvRetainedFulls) : 'OTHER', days: indefinite ? null : ruleDays, indefinite, graceDays: null });
    });
  }
  return {
    days: snap || days === INFINITE_DAYS ? null : days,
    cycles: null,
    indefinite: !snap && days === INFINITE_DAYS,
    jobBased: false,
    jobs: null,
    dataAgingEnabled: bool(field(raw, 'enableDataAging')),
    extended,
    snapRecoveryPoints: snap ? (int(field(raw, 'snapRecoveryPoints')) || days) : null,
    overridesPool: bool(field(raw, 'overrideRetentionSettings')),
  };
}

/** `GET /V2/StoragePolicy/{id}/Copy/{copyId}` → `{copy: {...}}` (an object here, §12.5); null without the copy. */
export function toStoragePolicyCopyDetail(body: unknown, storagePolicyId: number, copyId: number): CvStoragePolicyCopyDetail | null {
  const copy = field(body, 'copy');
  if (!isObject(copy)) return null;
  const entity = field(copy, 'StoragePolicyCopy');
  const id = int(field(entity, 'copyId')) ?? copyId;
  if (id !== copyId) return null;
  return { storagePolicyId, copyId, name: str(field(entity, 'copyName')) ?? String(copyId), retention: toV2Retention(copy), raw: copy };
}

/** The V2 `retentionRules` of a copy (§12.5): ints for booleans, `-1` for infinite, extended rule codes. */
export function toV2Retention(copy: unknown): CvRetentionRule {
  const rules = field(copy, 'retentionRules');
  const flags = field(rules, 'retentionFlags');
  const days = int(field(rules, 'retainBackupDataForDays'));
  const jobs = int(field(rules, 'jobs'));
  const jobBased = bool(field(flags, 'jobBasedRetention')) === true || (jobs !== null && jobs > 0);
  const extended: CvExtendedRetentionRule[] = [];
  V2_EXTENDED_KEYS.forEach((key, i) => {
    const rule = field(rules, key);
    if (bool(field(rule, 'isEnabled')) !== true) return;
    const endDays = int(field(rule, 'endDays'));
    const indefinite = endDays === INFINITE_DAYS;
    extended.push({
      rank: i + 1,
      fulls: FULLS_BY_V2_RULE.get(String(field(rule, 'rule'))) ?? 'OTHER',
      days: indefinite ? null : endDays,
      indefinite,
      graceDays: int(field(rule, 'graceDays')),
    });
  });
  const cycles = int(field(rules, 'retainBackupDataForCycles'));
  return {
    days: days === INFINITE_DAYS ? null : days,
    cycles: cycles === INFINITE_DAYS ? null : cycles,
    indefinite: days === INFINITE_DAYS,
    jobBased,
    jobs: jobBased ? jobs : null,
    dataAgingEnabled: bool(field(flags, 'enableDataAging')),
    extended,
    snapRecoveryPoints: null,
    overridesPool: bool(path(copy, 'extendedFlags', 'overRideGACPRetention')),
  };
}

/** `{id, name}` (V4); an empty or zero reference (`{"id": 0, "name": ""}`) is none. */
function ref(raw: unknown): CvRef | null {
  const id = int(field(raw, 'id'));
  const name = str(field(raw, 'name'));
  if (id === null || (id === 0 && name === null)) return null;
  return { id, name: name ?? String(id) };
}
