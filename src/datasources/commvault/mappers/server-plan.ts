import type { CvRef } from '../model.js';
import { RELATIVE_DAYS, RELATIVE_WEEKS, type CvRelativeDay, type CvRelativeWeek } from '../schedule-names.js';
import type { CvSchedule, CvWeekdayOfMonth } from '../schedule-model.js';
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
    exceptWeekdaysOfMonth: toWeekdayExceptions(field(pattern, 'exceptions')),
  };
}

/** The V4 `dayOfWeek` names of relative days (`WEEKEND_DAYS`, plural, in Commvault's OpenAPI document) → the graph's. */
const RELATIVE_DAY_OF_V4: Readonly<Record<string, CvRelativeDay>> = Object.fromEntries(
  RELATIVE_DAYS.map((d) => [d === 'WEEKEND_DAY' ? 'WEEKEND_DAYS' : d, d]),
);

/**
 * `schedulePattern.exceptions[]` → the weekdays of the month excepted: each entry excepts every
 * combination of its `onWeekOfTheMonth` and `onDayOfTheWeek`; an entry lacking either list excepts no
 * weekday, and names the OpenAPI document does not list are left out (docs/upstreams/commvault-schedules.md §10).
 * Ordered by week, then day.
 */
export function toWeekdayExceptions(exceptions: unknown): CvWeekdayOfMonth[] {
  const keys = new Set<string>();
  for (const e of list(exceptions)) {
    const weeks = list(field(e, 'onWeekOfTheMonth')).map(str).filter((w): w is CvRelativeWeek => (RELATIVE_WEEKS as readonly (string | null)[]).includes(w));
    const days = list(field(e, 'onDayOfTheWeek')).map((d) => RELATIVE_DAY_OF_V4[str(d) ?? '']).filter((d): d is CvRelativeDay => d !== undefined);
    for (const week of weeks) for (const day of days) keys.add(`${RELATIVE_WEEKS.indexOf(week)}.${RELATIVE_DAYS.indexOf(day)}`);
  }
  return [...keys]
    .map((k) => k.split('.').map(Number) as [number, number])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .map(([w, d]) => ({ week: RELATIVE_WEEKS[w] as CvRelativeWeek, day: RELATIVE_DAYS[d] as CvRelativeDay }));
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

/**
 * A plan's schedules as its schedule policy gives them, each pattern given the weekday exceptions of the
 * same schedule in the plan's V4 RPO (`rpo`, raw: `scheduleId` and `policyId` match), which the legacy
 * pattern cannot carry (docs/upstreams/commvault-schedules.md §10).
 */
export function withRpoExceptions(schedules: readonly CvSchedule[], rpo: readonly unknown[]): CvSchedule[] {
  return schedules.map((s) => {
    const raw = rpo.find((r) => int(field(r, 'scheduleId')) === s.scheduleId && (int(field(r, 'policyId')) ?? s.taskId) === s.taskId);
    const weekdays = raw === undefined ? [] : toWeekdayExceptions(path(raw, 'schedulePattern', 'exceptions'));
    return weekdays.length === 0 ? s : { ...s, pattern: { ...s.pattern, exceptWeekdaysOfMonth: weekdays } };
  });
}
