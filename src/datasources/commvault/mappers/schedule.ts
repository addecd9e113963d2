/**
 * Schedules (docs/upstreams/commvault-schedules.md §2): the task list `GET /Schedules` →
 * `{taskDetail: [{task, subTasks: [{subTask, pattern, nextScheduleTime}]}]}` (no `taskDetail`: none), and
 * one task `GET /Schedules/{taskId}` or `GET /SchedulePolicy/{taskId}` → `{taskInfo: {associations,
 * task, subTasks: [{subTask, pattern, options}]}}`. One record per subtask.
 */
import { toGlobalId } from '../../../util/global-id.js';
import type { UpstreamRef } from '../../record.js';
import type { CvSchedule, CvScheduleAssociation, CvSchedulePattern, CvScheduleTask } from '../schedule-model.js';
import { bool, field, int, isObject, list, obj, path, str, unixSeconds, type Json } from './read.js';

/** `GET /Schedules[?clientId=…]`: every subtask of every task listed. */
export function toSchedules(body: unknown, upstream: UpstreamRef): CvSchedule[] {
  return list(field(body, 'taskDetail')).flatMap((detail) => schedulesOf(detail, upstream));
}

/** `GET /Schedules/{taskId}` or `/SchedulePolicy/{taskId}`; null when the answer holds no such task (`{}`). */
export function toScheduleTask(body: unknown, upstream: UpstreamRef): CvScheduleTask | null {
  const info = field(body, 'taskInfo');
  if (!isObject(info) || int(path(info, 'task', 'taskId')) === null) return null;
  const rawSubTasks = new Map<number, Json>();
  for (const s of list(field(info, 'subTasks'))) {
    const id = subTaskIdOf(s);
    if (id !== null && isObject(s)) rawSubTasks.set(id, s);
  }
  return {
    schedules: schedulesOf(info, upstream),
    rawAssociations: list(field(info, 'associations')),
    rawTask: obj(field(info, 'task')),
    rawSubTasks,
    rawAppGroups: list(path(info, 'appGroup', 'appGroups')),
  };
}

/** The subtask id: `subTaskId`, or `subtaskId` (lower-case t) as some service packs send it. */
function subTaskIdOf(s: unknown): number | null {
  return int(path(s, 'subTask', 'subTaskId'));
}

function schedulesOf(detail: unknown, upstream: UpstreamRef): CvSchedule[] {
  const task = obj(field(detail, 'task'));
  const taskId = int(field(task, 'taskId'));
  if (taskId === null) return [];
  const flags = obj(field(task, 'taskFlags'));
  const associations = list(field(detail, 'associations')).map(toAssociation);
  return list(field(detail, 'subTasks')).flatMap((entry): CvSchedule[] => {
    const subTask = obj(field(entry, 'subTask'));
    const scheduleId = subTaskIdOf(entry);
    if (scheduleId === null) return [];
    const options = field(entry, 'options');
    return [{
      __typename: 'CommvaultSchedule',
      id: toGlobalId('CommvaultSchedule', upstream.id, `${taskId}.${scheduleId}`),
      upstream,
      taskId,
      taskName: str(field(task, 'taskName')),
      taskType: int(field(task, 'taskType')),
      policyType: int(field(task, 'policyType')),
      ownerName: str(field(task, 'ownerName')),
      enabled: bool(field(flags, 'disabled')) !== true,
      isSystem: bool(field(flags, 'isSystem')) === true,
      scheduleId,
      name: str(field(subTask, 'subTaskName', 'subtaskName')),
      subTaskType: int(field(subTask, 'subTaskType')),
      operationType: operationTypeOf(field(subTask, 'operationType')),
      flags: int(field(subTask, 'flags')),
      backupLevel: isObject(options) ? backupLevelOf(path(options, 'backupOpts', 'backupLevel')) : undefined,
      pattern: toPattern(field(entry, 'pattern')),
      upstreamNextRunAt: unixSeconds(field(entry, 'nextScheduleTime')),
      associations,
    }];
  });
}

/** Operation names a legacy enum may carry instead of the number (cvpysdk OperationType). */
const OPERATION_NAMES: Readonly<Record<string, number>> = {
  BACKUP: 2, RESTORE: 1001, AUX_COPY: 4003, AUXCOPY: 4003, DATA_AGING: 4018, DRBACKUP: 4002, DR_BACKUP: 4002, REPORTING: 4004, WORKFLOW: 2001,
};

function operationTypeOf(v: unknown): number | null {
  const n = int(v);
  if (n !== null) return n;
  const name = str(v);
  return name ? (OPERATION_NAMES[name.toUpperCase()] ?? null) : null;
}

/** `backupLevel` as a name (`Full`, `INCREMENTAL`) or cvpysdk's number (1 full, 2 incremental, 4 differential, 8 synthetic full). */
const LEVEL_NUMBERS: Readonly<Record<number, string>> = { 1: 'Full', 2: 'Incremental', 4: 'Differential', 8: 'Synthetic_full' };

function backupLevelOf(v: unknown): string | null {
  const n = int(v);
  if (n !== null) return LEVEL_NUMBERS[n] ?? null;
  return str(v);
}

export function toPattern(raw: unknown): CvSchedulePattern {
  const p = obj(raw);
  const freq = field(p, 'freq_type');
  return {
    freqType: int(freq),
    freqTypeName: int(freq) === null ? str(freq) : null,
    freqInterval: int(field(p, 'freq_interval')),
    freqRecurrenceFactor: int(field(p, 'freq_recurrence_factor')),
    freqRelativeInterval: int(field(p, 'freq_relative_interval')),
    freqSubdayInterval: int(field(p, 'freq_subday_interval')),
    activeStartDate: int(field(p, 'active_start_date')),
    activeStartTime: int(field(p, 'active_start_time')),
    activeEndDate: int(field(p, 'active_end_date')),
    activeEndTime: int(field(p, 'active_end_time')),
    activeEndOccurrence: int(field(p, 'active_end_occurence', 'active_end_occurrence')),
    patternId: int(field(p, 'patternId')),
    description: str(field(p, 'description')),
    timeZoneName: str(path(p, 'timeZone', 'TimeZoneName')),
    exceptDaysOfMonth: exceptedDays(field(p, 'repeatPattern')),
    // The legacy pattern has no exception by week of the month; a plan's come from its V4 read (§10).
    exceptWeekdaysOfMonth: [],
  };
}

/**
 * `repeatPattern: [{exception: true, onDayNumber}]` → the days of the month excepted (cvpysdk
 * `exception_dates`: day d is bit d−1). Entries without `exception: true` are not exceptions and are
 * left out (docs/upstreams/commvault-schedules.md §6).
 */
function exceptedDays(raw: unknown): number[] {
  let mask = 0;
  for (const entry of list(raw)) {
    const bits = int(field(entry, 'onDayNumber'));
    if (bool(field(entry, 'exception')) === true && bits !== null) mask |= bits;
  }
  return daysOfMask(mask);
}

/** The days of the month (1–31) set in an `onDayNumber` bitmask. */
export function daysOfMask(mask: number): number[] {
  const days: number[] = [];
  for (let d = 1; d <= 31; d += 1) if ((mask & (1 << (d - 1))) !== 0) days.push(d);
  return days;
}

function toAssociation(a: unknown): CvScheduleAssociation {
  return {
    clientId: int(field(a, 'clientId')),
    clientName: str(field(a, 'clientName')),
    appName: str(field(a, 'appName')),
    backupsetName: str(field(a, 'backupsetName')),
    subclientId: int(field(a, 'subclientId')),
    subclientName: str(field(a, 'subclientName')),
  };
}
