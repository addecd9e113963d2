/**
 * Schedule changes, pure: a plain pattern checked and turned into the CommServe's `pattern`, and the
 * bodies of the calls that create, modify and delete schedules (docs/upstreams/commvault-schedules.md §5).
 * Nothing here does I/O; CommvaultSource sends them.
 */
import type { CvBackupLevel } from './commvault-source.js';
import type { CvScheduleOwner, CvScheduleTask, CvScheduleWrite, CvWeekdayOfMonth } from './schedule-model.js';
import { FREQ_TYPE_OF, RELATIVE_DAYS, RELATIVE_WEEKS, WEEKDAYS, type CvRelativeDay, type CvRelativeWeek, type CvScheduleFrequency, type CvWeekday } from './schedule-pattern.js';

/** A pattern in plain terms, as a caller gives it; dates and times on the CommServe's wall clock. */
export interface CvPlainPattern {
  frequency: CvScheduleFrequency;
  /** `YYYY-MM-DD`: the first day the pattern may run. */
  startDate: string;
  /** `HH:MM`. */
  startTime: string;
  /** Every N days, weeks or months. @default 1 */
  every?: number | null;
  weekDays?: readonly CvWeekday[] | null;
  dayOfMonth?: number | null;
  relativeWeek?: CvRelativeWeek | null;
  relativeDay?: CvRelativeDay | null;
  /** 1–12, yearly patterns. */
  month?: number | null;
  /** Repeat within the day every N minutes … */
  repeatEveryMinutes?: number | null;
  /** … until `HH:MM` (default the end of the day). */
  repeatUntil?: string | null;
  /** `YYYY-MM-DD`: no run after this day. */
  endDate?: string | null;
  /** At most this many runs in all. */
  maxRuns?: number | null;
  /** Days of the month (1–31) with no run: the pattern's exceptions (`repeatPattern`). */
  exceptDaysOfMonth?: readonly number[] | null;
  /**
   * Weekdays of the month with no run (the last Sunday…): plan schedules only, V4 `exceptions[]`
   * `onWeekOfTheMonth` with `onDayOfTheWeek`; a task's pattern has no such exception (§10).
   */
  exceptWeekdaysOfMonth?: readonly CvWeekdayOfMonth[] | null;
}

/** The frequencies a caller may set: calendars the graph can show the next runs of. */
export const SETTABLE_FREQUENCIES: readonly CvScheduleFrequency[] = ['ONE_TIME', 'DAILY', 'WEEKLY', 'MONTHLY', 'MONTHLY_RELATIVE', 'YEARLY', 'YEARLY_RELATIVE'];
/** What times in patterns the gateway writes are in (docs/upstreams/commvault-schedules.md §4). */
export const COMMSERVE_TIME_ZONE = 'CommServe Time Zone';
const MAX_EVERY = 999;
const MAX_RUNS = 100_000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;
const given = <T>(v: T | null | undefined): v is T => v !== undefined && v !== null;

/** `YYYY-MM-DD` → epoch seconds at 00:00 UTC of that date (the API's date form), or null when not a real date. */
function dateSeconds(text: string): number | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? ms / 1000 : null;
}

/** `HH:MM` → seconds after midnight, or null. */
function timeSeconds(text: string): number | null {
  const m = TIME.exec(text);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  return Number(m[1]) * 3600 + Number(m[2]) * 60;
}

/**
 * The CommServe's `pattern` for a plain one, or why there is none (in the caller's terms). cvpysdk's
 * forms: a daily N in `freq_recurrence_factor`, yearly month there too; times in the CommServe's zone.
 */
export function patternFromPlain(p: CvPlainPattern): { pattern: Record<string, unknown> } | { problem: string } {
  const fail = (problem: string) => ({ problem: `pattern: ${problem}` });
  if (!SETTABLE_FREQUENCIES.includes(p.frequency)) return fail(`frequency must be one of ${SETTABLE_FREQUENCIES.join(', ')}`);
  const start = dateSeconds(p.startDate);
  if (start === null) return fail('startDate must be a date as YYYY-MM-DD');
  const time = timeSeconds(p.startTime);
  if (time === null) return fail('startTime must be a time as HH:MM (00:00 to 23:59)');
  const every = p.every ?? 1;
  if (!Number.isInteger(every) || every < 1 || every > MAX_EVERY) return fail(`every must be a whole number from 1 to ${MAX_EVERY}`);
  if (every !== 1 && !['DAILY', 'WEEKLY', 'MONTHLY', 'MONTHLY_RELATIVE'].includes(p.frequency)) return fail(`every applies to daily, weekly and monthly patterns, not ${p.frequency}`);
  const weekly = p.frequency === 'WEEKLY';
  if (weekly !== (given(p.weekDays) && p.weekDays.length > 0)) return fail(weekly ? 'a weekly pattern needs weekDays' : 'weekDays applies to weekly patterns only');
  const byDay = p.frequency === 'MONTHLY' || p.frequency === 'YEARLY';
  if (byDay !== given(p.dayOfMonth)) return fail(byDay ? `a ${p.frequency.toLowerCase()} pattern needs dayOfMonth` : 'dayOfMonth applies to monthly and yearly patterns only');
  if (given(p.dayOfMonth) && (!Number.isInteger(p.dayOfMonth) || p.dayOfMonth < 1 || p.dayOfMonth > 31)) return fail('dayOfMonth must be 1 to 31');
  const relative = p.frequency === 'MONTHLY_RELATIVE' || p.frequency === 'YEARLY_RELATIVE';
  if (relative !== (given(p.relativeWeek) && given(p.relativeDay))) return fail(relative ? 'a relative pattern needs relativeWeek and relativeDay' : 'relativeWeek and relativeDay apply to relative patterns only');
  const yearly = p.frequency === 'YEARLY' || p.frequency === 'YEARLY_RELATIVE';
  if (yearly !== given(p.month)) return fail(yearly ? 'a yearly pattern needs month' : 'month applies to yearly patterns only');
  if (given(p.month) && (!Number.isInteger(p.month) || p.month < 1 || p.month > 12)) return fail('month must be 1 to 12');
  if (given(p.repeatUntil) && !given(p.repeatEveryMinutes)) return fail('repeatUntil needs repeatEveryMinutes');
  if (given(p.repeatEveryMinutes) && (!Number.isInteger(p.repeatEveryMinutes) || p.repeatEveryMinutes < 1 || p.repeatEveryMinutes > 1439)) {
    return fail('repeatEveryMinutes must be 1 to 1439');
  }
  const until = given(p.repeatUntil) ? timeSeconds(p.repeatUntil) : null;
  if (given(p.repeatUntil) && (until === null || until <= time)) return fail('repeatUntil must be a time as HH:MM after startTime');
  const end = given(p.endDate) ? dateSeconds(p.endDate) : null;
  if (given(p.endDate) && (end === null || end < start)) return fail('endDate must be a date as YYYY-MM-DD, not before startDate');
  if (given(p.maxRuns) && (!Number.isInteger(p.maxRuns) || p.maxRuns < 1 || p.maxRuns > MAX_RUNS)) return fail(`maxRuns must be 1 to ${MAX_RUNS}`);
  const excepted = p.exceptDaysOfMonth ?? [];
  if (excepted.some((d) => !Number.isInteger(d) || d < 1 || d > 31)) return fail('exceptDaysOfMonth must hold days 1 to 31');
  if (excepted.length > 0 && p.frequency === 'ONE_TIME') return fail('exceptDaysOfMonth applies to repeating patterns only');
  // The legacy `pattern` carries excepted days of the month only (`repeatPattern`, §6, §10).
  if ((p.exceptWeekdaysOfMonth ?? []).length > 0) {
    return fail('exceptWeekdaysOfMonth applies to plan schedules only: a task\'s or schedule policy\'s pattern has no exception by week of the month (use exceptDaysOfMonth)');
  }

  let interval = 0;
  let factor = every;
  let relativeInterval = 0;
  if (weekly) interval = (p.weekDays ?? []).reduce((mask, d) => mask | (1 << WEEKDAYS.indexOf(d)), 0);
  if (byDay) interval = p.dayOfMonth ?? 0;
  if (relative) {
    interval = RELATIVE_DAYS.indexOf(p.relativeDay as CvRelativeDay) + 1;
    relativeInterval = RELATIVE_WEEKS.indexOf(p.relativeWeek as CvRelativeWeek) + 1;
  }
  if (yearly) factor = p.month ?? 0;
  if (p.frequency === 'ONE_TIME') factor = 0;
  const pattern: Record<string, unknown> = {
    freq_type: FREQ_TYPE_OF[p.frequency],
    active_start_date: start,
    active_start_time: time,
    freq_recurrence_factor: factor,
    freq_interval: interval,
    freq_relative_interval: relativeInterval,
    timeZone: { TimeZoneName: COMMSERVE_TIME_ZONE },
  };
  if (given(p.repeatEveryMinutes)) {
    pattern.freq_subday_interval = p.repeatEveryMinutes * 60;
    pattern.active_end_time = until ?? 86_340;
  }
  if (end !== null) pattern.active_end_date = end;
  if (given(p.maxRuns)) pattern.active_end_occurence = p.maxRuns;
  // cvpysdk `exception_dates`: one entry, day d as bit d−1 (docs/upstreams/commvault-schedules.md §6).
  if (excepted.length > 0) pattern.repeatPattern = [{ exception: true, onDayNumber: dayMask(excepted) }];
  return { pattern };
}

/** Days of the month as an `onDayNumber` bitmask (day d = bit d−1). */
export function dayMask(days: readonly number[]): number {
  return days.reduce((mask, d) => mask | (1 << (d - 1)), 0);
}

/** The subclient a schedule is made for, by the names the association takes (cvpysdk sends names). */
export interface CvScheduleSubclient {
  clientName: string;
  appName: string;
  backupsetName: string;
  subclientName: string;
}

/** `backupOpts` of a backup schedule at `level`, as cvpysdk's subclient backup sends it. */
function backupOpts(level: CvBackupLevel): Record<string, unknown> {
  return { backupLevel: level, incLevel: 'BEFORE_SYNTH', runIncrementalBackup: false };
}

/** `POST /CreateTask` body: a schedule task (`taskType` 2) backing up one subclient at `level` on `pattern`. */
export function createScheduleRequest(
  subclient: CvScheduleSubclient, name: string, level: CvBackupLevel, pattern: Record<string, unknown>, enabled: boolean,
): Record<string, unknown> {
  return {
    taskInfo: {
      associations: [{ ...subclient }],
      task: { initiatedFrom: 2, taskType: 2, policyType: 0, taskFlags: { disabled: !enabled } },
      subTasks: [{
        subTaskOperation: 1,
        subTask: { subTaskType: 2, operationType: 2, subTaskName: name },
        options: { backupOpts: backupOpts(level) },
        pattern,
      }],
    },
  };
}

/**
 * `POST /Task` body: a data protection schedule policy (`taskType` 4, `policyType` 0) associated with one
 * client by name, with one backup schedule at `level` on `pattern` — how a schedule reaches every subclient
 * of a client (cvpysdk `SchedulePolicies.add`, docs/upstreams/commvault-schedules.md §9). `appGroups` empty,
 * as cvpysdk sends it when no agent type is named.
 */
export function createClientSchedulePolicyRequest(
  clientName: string, name: string, level: CvBackupLevel, pattern: Record<string, unknown>, enabled: boolean,
): Record<string, unknown> {
  return {
    taskInfo: {
      associations: [{ clientName }],
      task: {
        description: '', taskType: 4, initiatedFrom: 2, policyType: 0, taskName: name, securityAssociations: {}, taskSecurity: {},
        alert: { alertName: '' }, taskFlags: { isEdgeDrive: false, disabled: !enabled },
      },
      appGroup: { appGroups: [] },
      subTasks: [{
        subTaskOperation: 1,
        subTask: { subTaskType: 2, operationType: 2, subTaskName: name },
        options: { backupOpts: backupOpts(level) },
        pattern,
      }],
    },
  };
}

/** What a modify changes; absent keeps the current value. */
export interface CvScheduleChange {
  name?: string | null;
  level?: CvBackupLevel | null;
  pattern?: Record<string, unknown> | null;
}

/** A change in the caller's terms: the pattern plain, made the owner's form when the owner is known. */
export interface CvPlainScheduleChange {
  name?: string | null;
  level?: CvBackupLevel | null;
  pattern?: CvPlainPattern | null;
}

const objectOf = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/**
 * `TMMsg_ModifyTaskReq`: the task as read (associations, task), its one subtask with the change applied
 * (cvpysdk `_modify_task_properties` re-sends what `GET /Schedules/{taskId}` gave, pattern replaced).
 */
export function modifyScheduleMessage(task: CvScheduleTask, scheduleId: number, change: CvScheduleChange): Record<string, unknown> {
  return {
    TMMsg_ModifyTaskReq: {
      taskInfo: { associations: task.rawAssociations, task: task.rawTask, subTasks: [changedSubTask(objectOf(task.rawSubTasks.get(scheduleId)), change)] },
    },
  };
}

/** A subtask as read with `change` applied: name, pattern, backup level (the rest of `options` kept). */
function changedSubTask(raw: Record<string, unknown>, change: CvScheduleChange): { subTask: unknown; pattern: unknown; options: unknown } {
  const options = objectOf(raw.options);
  return {
    subTask: { ...objectOf(raw.subTask), ...(change.name ? { subTaskName: change.name } : {}) },
    pattern: change.pattern ?? raw.pattern ?? {},
    options: change.level ? { ...options, backupOpts: { ...objectOf(options.backupOpts), backupLevel: change.level } } : options,
  };
}

/**
 * `PUT /Task` body for a schedule policy (cvpysdk `_modify_schedule_policy_properties`): `taskOperation`
 * 1 and the policy as `GET /SchedulePolicy/{taskId}` gave it — associations, task, app groups and every
 * subtask — with `subTasks` as given (docs/upstreams/commvault-schedules.md §8).
 */
function policyTaskRequest(task: CvScheduleTask, subTasks: unknown[]): Record<string, unknown> {
  return { taskInfo: { taskOperation: 1, associations: task.rawAssociations, task: task.rawTask, appGroup: { appGroups: task.rawAppGroups }, subTasks } };
}

/** The policy's subtasks as read, the one with `scheduleId` replaced by `edit` of it. */
function policySubTasks(task: CvScheduleTask, scheduleId: number, edit: (raw: Record<string, unknown>) => Record<string, unknown>): unknown[] {
  return [...task.rawSubTasks.entries()].map(([id, raw]) => (id === scheduleId ? edit(raw) : raw));
}

/** `TMMsg_TaskOperationReq` opType 3: delete one schedule (subtask) (cvpysdk `Schedules.delete`). */
export function deleteScheduleMessage(scheduleId: number): Record<string, unknown> {
  return { TMMsg_TaskOperationReq: { opType: 3, subtaskEntity: [{ _type_: 68, subtaskId: scheduleId }] } };
}

// ── plan schedules: the plan's RPO (docs/upstreams/commvault-schedules.md §7) ────────────────────

/** The V4 `backupType` of a backup level. */
const V4_BACKUP_TYPE: Readonly<Record<CvBackupLevel, string>> = { Full: 'FULL', Incremental: 'INCREMENTAL', Differential: 'DIFFERENTIAL', Synthetic_full: 'SYNTHETICFULL' };
/** The V4 `dayOfWeek` of a relative day (`WEEKEND_DAYS`, plural, in Commvault's OpenAPI document). */
const V4_RELATIVE_DAY: Readonly<Record<CvRelativeDay, string>> = {
  SUNDAY: 'SUNDAY', MONDAY: 'MONDAY', TUESDAY: 'TUESDAY', WEDNESDAY: 'WEDNESDAY', THURSDAY: 'THURSDAY', FRIDAY: 'FRIDAY', SATURDAY: 'SATURDAY',
  DAY: 'DAY', WEEKDAY: 'WEEKDAY', WEEKEND_DAY: 'WEEKEND_DAYS',
};
const V4_MONTHS = ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'];

/**
 * A plain pattern as a plan schedule's V4 `schedulePattern` (the OpenAPI document's `SchedulePattern`), checked
 * with the same rules as the task form; a one-time pattern has no V4 form. Dates and times are the task
 * form's numbers (epoch seconds at 00:00 UTC, seconds after midnight). No `timezone`: the plan's own stands.
 */
export function planPatternFromPlain(p: CvPlainPattern): { schedulePattern: Record<string, unknown> } | { problem: string } {
  const built = patternFromPlain({ ...p, exceptWeekdaysOfMonth: null });
  if ('problem' in built) return built;
  if (p.frequency === 'ONE_TIME') return { problem: 'pattern: a plan\'s schedule repeats: ONE_TIME is not a plan schedule frequency' };
  const weekdays = p.exceptWeekdaysOfMonth ?? [];
  if (weekdays.some((e) => !RELATIVE_WEEKS.includes(e.week) || !RELATIVE_DAYS.includes(e.day))) {
    return { problem: `pattern: exceptWeekdaysOfMonth takes weeks ${RELATIVE_WEEKS.join(', ')} and days ${RELATIVE_DAYS.join(', ')}` };
  }
  const legacy = built.pattern;
  const yearly = p.frequency === 'YEARLY' || p.frequency === 'YEARLY_RELATIVE';
  const sp: Record<string, unknown> = {
    scheduleFrequencyType: p.frequency.replace('_RELATIVE', ''),
    frequency: yearly ? 1 : (p.every ?? 1),
    startTime: legacy.active_start_time,
    startDate: legacy.active_start_date,
  };
  if (p.frequency === 'WEEKLY') sp.weeklyDays = [...(p.weekDays ?? [])];
  if (given(p.dayOfMonth)) sp.dayOfMonth = p.dayOfMonth;
  if (given(p.relativeWeek) && given(p.relativeDay)) Object.assign(sp, { weekOfMonth: p.relativeWeek, dayOfWeek: V4_RELATIVE_DAY[p.relativeDay] });
  if (yearly) sp.monthOfYear = V4_MONTHS[(p.month ?? 1) - 1];
  if (given(p.repeatEveryMinutes)) Object.assign(sp, { repeatIntervalInMinutes: p.repeatEveryMinutes, repeatUntilTime: legacy.active_end_time });
  if (legacy.active_end_date !== undefined) sp.endDate = legacy.active_end_date;
  if (given(p.maxRuns)) sp.noOfTimes = p.maxRuns;
  const exceptions: Array<Record<string, unknown>> = [];
  if (p.exceptDaysOfMonth && p.exceptDaysOfMonth.length > 0) exceptions.push({ onDates: [...p.exceptDaysOfMonth].sort((a, b) => a - b) });
  // One entry per weekday of the month: an entry excepts every combination of its two lists (§10).
  const pairs = new Set(weekdays.map((e) => `${e.week} ${V4_RELATIVE_DAY[e.day]}`));
  for (const pair of pairs) {
    const [week, day] = pair.split(' ');
    exceptions.push({ onWeekOfTheMonth: [week], onDayOfTheWeek: [day] });
  }
  if (exceptions.length > 0) sp.exceptions = exceptions;
  return { schedulePattern: sp };
}

/** `PUT /V4/ServerPlan/{id}/RPO` body carrying one schedule with its operation (cvpysdk `add_schedule`, `edit_schedule`, `delete_schedule`). */
export function planRpoRequest(schedule: Record<string, unknown>, operation: 'ADD' | 'MODIFY' | 'DELETE'): Record<string, unknown> {
  return { backupFrequency: { schedules: [{ ...schedule, scheduleOperation: operation }] } };
}

/** A new plan schedule (ADD): a backup at `level` for every agent the plan protects, not databases only. */
export function newPlanSchedule(name: string, level: CvBackupLevel, schedulePattern: Record<string, unknown>): Record<string, unknown> {
  return { scheduleName: name, backupType: V4_BACKUP_TYPE[level], forDatabasesOnly: false, schedulePattern };
}

// ── one change, in the form its owner takes ──────────────────────────────────────────────────────

/** The pattern in the form the owner takes, or why it has none. */
function ownerPattern(owner: CvScheduleOwner, plain: CvPlainPattern): { pattern: Record<string, unknown> } | { problem: string } {
  if (owner.kind !== 'plan') return patternFromPlain(plain);
  const built = planPatternFromPlain(plain);
  return 'problem' in built ? built : { pattern: built.schedulePattern };
}

/**
 * The write that makes `change` to the schedule `owner` holds: a task's modify message, the plan's RPO
 * call re-sending the schedule as read with MODIFY, or the policy's `PUT /Task` re-sending the policy as
 * read with the subtask changed (§8). A problem is the caller's (in their terms); nothing is sent for it.
 */
export function scheduleChangeWrite(owner: CvScheduleOwner, change: CvPlainScheduleChange): CvScheduleWrite | { problem: string } {
  let pattern: Record<string, unknown> | null = null;
  if (change.pattern) {
    const built = ownerPattern(owner, change.pattern);
    if ('problem' in built) return built;
    pattern = built.pattern;
  }
  const id = owner.schedule.scheduleId;
  switch (owner.kind) {
    case 'task':
      return { kind: 'taskMessage', body: modifyScheduleMessage(owner.task, id, { name: change.name, level: change.level, pattern }) };
    case 'plan': {
      const schedule = {
        ...owner.rpoSchedule,
        ...(change.name ? { scheduleName: change.name } : {}),
        ...(change.level ? { backupType: V4_BACKUP_TYPE[change.level] } : {}),
        ...(pattern ? { schedulePattern: pattern } : {}),
      };
      return { kind: 'planRpo', planId: owner.planId, body: planRpoRequest(schedule, 'MODIFY') };
    }
    case 'policy': {
      const subTasks = policySubTasks(owner.task, id, (raw) => ({ ...raw, ...changedSubTask(raw, { name: change.name, level: change.level, pattern }) }));
      return { kind: 'policy', body: policyTaskRequest(owner.task, subTasks) };
    }
  }
}

/** The write that deletes the schedule `owner` holds (§5, §7, §8). */
export function scheduleDeleteWrite(owner: CvScheduleOwner): CvScheduleWrite {
  switch (owner.kind) {
    case 'task':
      return { kind: 'taskMessage', body: deleteScheduleMessage(owner.schedule.scheduleId) };
    case 'plan':
      return { kind: 'planRpo', planId: owner.planId, body: planRpoRequest(owner.rpoSchedule, 'DELETE') };
    case 'policy':
      // cvpysdk `delete_schedule`: the subtask stays in the list, marked `subTaskOperation` 3.
      return { kind: 'policy', body: policyTaskRequest(owner.task, policySubTasks(owner.task, owner.schedule.scheduleId, (raw) => ({ ...raw, subTaskOperation: 3 }))) };
  }
}

