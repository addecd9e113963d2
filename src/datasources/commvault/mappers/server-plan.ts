import type { CvRef } from '../model.js';
import type { CvBackupWindow, CvPlanEntityCount, CvPlanProperties, CvPlanSchedule, CvPlanSla, CvServerPlan } from '../protection-model.js';
import { bool, field, int, isObject, list, path, str, type Json } from './read.js';

/**
 * `GET /V4/ServerPlan/{id}` (docs/upstreams/commvault.md §12.2): windows, the RPO's schedules, SLA and the
 * entities the plan protects. Null when the answer names no plan.
 */
export function toServerPlan(body: unknown, planId: number): CvServerPlan | null {
  if (!isObject(body) || !isObject(field(body, 'plan'))) return null;
  const rpo = field(body, 'rpo');
  return {
    planId,
    name: str(path(body, 'plan', 'name')),
    backupWindows: list(field(rpo, 'backupWindow')).map(toWindow),
    fullBackupWindows: list(field(rpo, 'fullBackupWindow')).map(toWindow),
    schedules: list(path(rpo, 'backupFrequency', 'schedules')).map(toSchedule),
    sla: toSla(field(rpo, 'SLA')),
    associatedEntities: list(field(body, 'associatedEntities'))
      .map(toEntityCount)
      .filter((e): e is CvPlanEntityCount => e !== null),
    status: str(path(body, 'additionalProperties', 'status')),
    allowPlanOverride: bool(field(body, 'allowPlanOverride')),
    regionsConfigured: bool(field(body, 'regionsConfigured')),
  };
}

/**
 * The RPO's schedules of `GET /V4/ServerPlan/{id}` as received (`rpo.backupFrequency.schedules[]`): a
 * change re-sends one as read (cvpysdk `edit_schedule`). Null when the answer names no plan.
 */
export function toRawRpoSchedules(body: unknown): Json[] | null {
  if (!isObject(body) || !isObject(field(body, 'plan'))) return null;
  return list(path(body, 'rpo', 'backupFrequency', 'schedules')).filter(isObject);
}

function toWindow(raw: unknown): CvBackupWindow {
  return {
    daysOfWeek: list(field(raw, 'dayOfWeek')).map(str).filter((d): d is string => d !== null),
    startSeconds: int(field(raw, 'startTime')),
    endSeconds: int(field(raw, 'endTime')),
  };
}

function toSchedule(raw: unknown): CvPlanSchedule {
  const pattern = field(raw, 'schedulePattern');
  return {
    scheduleId: int(field(raw, 'scheduleId')),
    name: str(field(raw, 'scheduleName')),
    policyId: int(field(raw, 'policyId')),
    backupType: str(field(raw, 'backupType')),
    forDatabasesOnly: bool(field(raw, 'forDatabasesOnly')),
    frequencyType: str(field(pattern, 'scheduleFrequencyType')),
    frequency: int(field(pattern, 'frequency')),
    weeklyDays: list(field(pattern, 'weeklyDays')).map(str).filter((d): d is string => d !== null),
    dayOfMonth: int(field(pattern, 'dayOfMonth')),
    weekOfMonth: str(field(pattern, 'weekOfMonth')),
    dayOfWeek: str(field(pattern, 'dayOfWeek')),
    monthOfYear: str(field(pattern, 'monthOfYear')),
    startSeconds: int(field(pattern, 'startTime')),
    repeatIntervalMinutes: int(field(pattern, 'repeatIntervalInMinutes')),
    maxBackupIntervalMinutes: int(field(pattern, 'maxBackupIntervalInMins')),
    timeZone: str(path(pattern, 'timezone', 'name')),
    exceptDaysOfMonth: [...new Set(list(field(pattern, 'exceptions')).flatMap((e) => list(field(e, 'onDates')).map(int)))]
      .filter((d): d is number => d !== null && d >= 1 && d <= 31)
      .sort((a, b) => a - b),
  };
}

function toSla(raw: unknown): CvPlanSla | null {
  if (!isObject(raw)) return null;
  return {
    periodMinutes: int(field(raw, 'SLAPeriod')),
    useSystemDefault: bool(field(raw, 'useSystemDefaultSLA')),
    inheritedFrom: str(field(raw, 'inheritedFrom')),
    excludedFromSla: bool(field(raw, 'excludeFromSLA')),
  };
}

function toEntityCount(raw: unknown): CvPlanEntityCount | null {
  const name = str(field(raw, 'name'));
  if (name === null) return null;
  return { id: int(field(raw, 'id')), name, count: int(field(raw, 'count')) ?? 0 };
}

/**
 * `GET /V2/Plan/{id}?propertyLevel=30` → `{error, plan: {summary, storage, schedule, options, ...}}`
 * (§12.1): the plan's storage policy, schedule policy, SLA and supported workloads. Null without a plan.
 */
export function toPlanProperties(body: unknown, planId: number): CvPlanProperties | null {
  const plan = field(body, 'plan');
  if (!isObject(plan)) return null;
  const summary = field(plan, 'summary');
  return {
    planId,
    storagePolicy: v2Ref(path(plan, 'storage', 'storagePolicy'), 'storagePolicyId', 'storagePolicyName'),
    schedulePolicy: v2Ref(path(plan, 'schedule', 'task'), 'taskId', 'taskName'),
    slaMinutes: int(field(summary, 'slaInMinutes')),
    rpoMinutes: int(field(summary, 'rpoInMinutes')),
    ownerName: str(path(summary, 'planOwner', 'userName')),
    supportedWorkloads: list(path(plan, 'options', 'supportedWorkloads', 'solutions'))
      .map((s) => str(field(s, 'solutionName')))
      .filter((s): s is string => s !== null),
  };
}

function v2Ref(raw: unknown, idKey: string, nameKey: string): CvRef | null {
  const id = int(field(raw, idKey));
  if (id === null || id <= 0) return null;
  return { id, name: str(field(raw, nameKey)) ?? String(id) };
}
