import type { SimScheduleTask, SimSubTask, SimWeekException } from './types.js';

/**
 * A plan's RPO schedules in the V4 form (`rpo.backupFrequency.schedules[]`, `PlanSchedule` of the
 * reference) and back (docs/upstreams/commvault-schedules.md §7). The plan's schedule policy holds the
 * state in the legacy `freq_*` form; the V4 plan read shows it converted, and a `PUT …/RPO` changes it,
 * so both reads agree after a change.
 */
type Json = Record<string, any>;

const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
/** `DayOfWeek` of Commvault's OpenAPI document: `freq_interval` 1–10 of a relative pattern. */
const RELATIVE_DAYS = [...WEEKDAYS, 'DAY', 'WEEKDAY', 'WEEKEND_DAYS'];
const WEEKS = ['FIRST', 'SECOND', 'THIRD', 'FOURTH', 'LAST'];
const MONTHS = ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'];
const BACKUP_TYPES: Readonly<Record<string, string>> = { FULL: 'Full', INCREMENTAL: 'Incremental', DIFFERENTIAL: 'Differential', SYNTHETICFULL: 'Synthetic_full' };
/** `subTask.flags` of a plan's schedules (cvpysdk plan.py). */
const FULL_FLAG = 4_194_304;
const INCREMENTAL_FLAG = 65_536;
const LAST_SECOND = 86_340;

const n = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0)) || 0;
const daysOf = (mask: number): number[] => Array.from({ length: 31 }, (_, i) => i + 1).filter((d) => (mask & (1 << (d - 1))) !== 0);

/** The backup type (`FULL`, `INCREMENTAL`…) of a subtask, from its backup level. */
function backupTypeOf(s: SimSubTask): string {
  const level = String((s.options.backupOpts as Json | undefined)?.backupLevel ?? 'Incremental');
  return Object.entries(BACKUP_TYPES).find(([, name]) => name.toLowerCase() === level.toLowerCase())?.[0] ?? 'INCREMENTAL';
}

/** One policy subtask as the plan's RPO shows it. */
export function planScheduleOf(policy: SimScheduleTask, s: SimSubTask, timeZoneName: string): Json {
  return {
    scheduleId: s.subTaskId,
    scheduleName: s.subTaskName,
    policyId: policy.taskId,
    backupType: backupTypeOf(s),
    forDatabasesOnly: false,
    schedulePattern: { ...v4PatternOf(s.pattern, s.weekExceptions ?? []), timezone: { id: 0, name: timeZoneName } },
  };
}

/** A legacy `pattern` (and the exceptions by week of the month kept beside it) in the V4 `schedulePattern` keys. */
function v4PatternOf(p: Json, weekExceptions: readonly SimWeekException[]): Json {
  const type = n(p.freq_type);
  const interval = n(p.freq_interval);
  const factor = Math.max(1, n(p.freq_recurrence_factor));
  const subday = n(p.freq_subday_interval);
  const relative = { weekOfMonth: WEEKS[n(p.freq_relative_interval) - 1], dayOfWeek: RELATIVE_DAYS[interval - 1] };
  let out: Json;
  switch (type) {
    case 4:
      // A daily pattern repeating within the day is what the OpenAPI document calls MINUTES.
      out = subday > 0 ? { scheduleFrequencyType: 'MINUTES', frequency: subday / 60 } : { scheduleFrequencyType: 'DAILY', frequency: factor };
      break;
    case 8:
      out = { scheduleFrequencyType: 'WEEKLY', frequency: factor, weeklyDays: WEEKDAYS.filter((_d, i) => (interval & (1 << i)) !== 0) };
      break;
    case 16:
      out = { scheduleFrequencyType: 'MONTHLY', frequency: factor, dayOfMonth: interval };
      break;
    case 32:
      out = { scheduleFrequencyType: 'MONTHLY', frequency: factor, ...relative };
      break;
    case 64:
      out = { scheduleFrequencyType: 'YEARLY', frequency: 1, monthOfYear: MONTHS[n(p.freq_recurrence_factor) - 1], dayOfMonth: interval };
      break;
    case 128:
      out = { scheduleFrequencyType: 'YEARLY', frequency: 1, monthOfYear: MONTHS[n(p.freq_recurrence_factor) - 1], ...relative };
      break;
    default:
      return { scheduleFrequencyType: 'AUTOMATIC', maxBackupIntervalInMins: 240 };
  }
  out.startTime = n(p.active_start_time);
  if (n(p.active_start_date) > 0) out.startDate = n(p.active_start_date);
  if (n(p.active_end_date) > 0) out.endDate = n(p.active_end_date);
  if (n(p.active_end_occurence) > 0) out.noOfTimes = n(p.active_end_occurence);
  if (subday > 0 && type !== 4) Object.assign(out, { repeatIntervalInMinutes: subday / 60, repeatUntilTime: n(p.active_end_time) || LAST_SECOND });
  const excepted = (Array.isArray(p.repeatPattern) ? p.repeatPattern : []).reduce((m: number, e: Json) => (e?.exception === true ? m | n(e.onDayNumber) : m), 0);
  const exceptions: Json[] = excepted > 0 ? [{ onDates: daysOf(excepted) }] : [];
  exceptions.push(...weekExceptions.map((e) => ({ onWeekOfTheMonth: [...e.onWeekOfTheMonth], onDayOfTheWeek: [...e.onDayOfTheWeek] })));
  if (exceptions.length > 0) out.exceptions = exceptions;
  return out;
}

/**
 * A V4 `schedulePattern` in the legacy `pattern` form plus its exceptions by week of the month (which
 * that form cannot hold), or why it cannot be one (the CommServe's words).
 */
export function legacyPatternOf(v4: unknown, defaultStartDate: number): { pattern: Json; weekExceptions: SimWeekException[] } | { problem: string } {
  if (typeof v4 !== 'object' || v4 === null) return { problem: 'schedulePattern is required.' };
  const p = v4 as Json;
  const frequency = p.frequency === undefined ? 1 : n(p.frequency);
  if (!Number.isInteger(frequency) || frequency < 1) return { problem: `Invalid frequency [${String(p.frequency)}].` };
  const startTime = p.startTime === undefined ? 75_600 : n(p.startTime);
  if (!Number.isInteger(startTime) || startTime < 0 || startTime >= 86_400) return { problem: `Invalid startTime [${String(p.startTime)}].` };
  const week = WEEKS.indexOf(String(p.weekOfMonth)) + 1;
  const day = RELATIVE_DAYS.indexOf(String(p.dayOfWeek)) + 1;
  const relative = p.weekOfMonth !== undefined || p.dayOfWeek !== undefined;
  if (relative && (week === 0 || day === 0)) return { problem: 'weekOfMonth and dayOfWeek must both be given and valid.' };
  const dayOfMonth = n(p.dayOfMonth);
  let pattern: Json;
  switch (p.scheduleFrequencyType) {
    case 'MINUTES':
      pattern = { freq_type: 4, freq_recurrence_factor: 1, freq_interval: 0, freq_subday_interval: frequency * 60, active_end_time: LAST_SECOND };
      break;
    case 'DAILY':
      pattern = { freq_type: 4, freq_recurrence_factor: frequency, freq_interval: 0 };
      break;
    case 'WEEKLY': {
      const days: unknown[] = Array.isArray(p.weeklyDays) ? p.weeklyDays : [];
      const mask = days.reduce((m: number, d) => m | (1 << WEEKDAYS.indexOf(String(d))), 0);
      if (days.length === 0 || days.some((d) => !WEEKDAYS.includes(String(d)))) return { problem: 'weeklyDays must name days of the week.' };
      pattern = { freq_type: 8, freq_recurrence_factor: frequency, freq_interval: mask };
      break;
    }
    case 'MONTHLY':
      if (!relative && !(dayOfMonth >= 1 && dayOfMonth <= 31)) return { problem: 'A monthly schedule needs dayOfMonth, or weekOfMonth and dayOfWeek.' };
      pattern = relative
        ? { freq_type: 32, freq_recurrence_factor: frequency, freq_relative_interval: week, freq_interval: day }
        : { freq_type: 16, freq_recurrence_factor: frequency, freq_interval: dayOfMonth };
      break;
    case 'YEARLY': {
      const month = MONTHS.indexOf(String(p.monthOfYear)) + 1;
      if (month === 0) return { problem: `Invalid monthOfYear [${String(p.monthOfYear)}].` };
      if (!relative && !(dayOfMonth >= 1 && dayOfMonth <= 31)) return { problem: 'A yearly schedule needs dayOfMonth, or weekOfMonth and dayOfWeek.' };
      pattern = relative
        ? { freq_type: 128, freq_recurrence_factor: month, freq_relative_interval: week, freq_interval: day }
        : { freq_type: 64, freq_recurrence_factor: month, freq_interval: dayOfMonth };
      break;
    }
    case 'AUTOMATIC':
      return { pattern: { freq_type: 1024, timeZone: { TimeZoneName: 'CommServe Time Zone' } }, weekExceptions: [] };
    default:
      return { problem: `Invalid scheduleFrequencyType [${String(p.scheduleFrequencyType)}].` };
  }
  Object.assign(pattern, { active_start_time: startTime, active_start_date: p.startDate === undefined ? defaultStartDate : n(p.startDate), timeZone: { TimeZoneName: 'CommServe Time Zone' } });
  if (n(p.endDate) > 0) pattern.active_end_date = n(p.endDate);
  if (n(p.noOfTimes) > 0) pattern.active_end_occurence = n(p.noOfTimes);
  if (p.repeatIntervalInMinutes !== undefined) {
    const every = n(p.repeatIntervalInMinutes);
    if (!Number.isInteger(every) || every < 1) return { problem: `Invalid repeatIntervalInMinutes [${String(p.repeatIntervalInMinutes)}].` };
    Object.assign(pattern, { freq_subday_interval: every * 60, active_end_time: p.repeatUntilTime === undefined ? LAST_SECOND : n(p.repeatUntilTime) });
  }
  const exceptions: Json[] = Array.isArray(p.exceptions) ? p.exceptions : [];
  const dates: unknown[] = exceptions.flatMap((e) => (Array.isArray(e?.onDates) ? e.onDates : []));
  if (dates.some((d) => !Number.isInteger(d) || (d as number) < 1 || (d as number) > 31)) return { problem: 'Exception dates must be days 1 to 31.' };
  if (dates.length > 0) pattern.repeatPattern = [{ exception: true, onDayNumber: dates.reduce((m: number, d) => m | (1 << ((d as number) - 1)), 0) }];
  const weekExceptions: SimWeekException[] = [];
  for (const e of exceptions) {
    const weeks: unknown[] = Array.isArray(e?.onWeekOfTheMonth) ? e.onWeekOfTheMonth : [];
    const days: unknown[] = Array.isArray(e?.onDayOfTheWeek) ? e.onDayOfTheWeek : [];
    if (weeks.length === 0 && days.length === 0) continue;
    if (weeks.some((w) => !WEEKS.includes(String(w)))) return { problem: `Invalid onWeekOfTheMonth [${weeks.join(',')}].` };
    if (days.some((d) => !RELATIVE_DAYS.includes(String(d)))) return { problem: `Invalid onDayOfTheWeek [${days.join(',')}].` };
    // The simulator's choice [U]: an exception by week needs both lists.
    if (weeks.length === 0 || days.length === 0) return { problem: 'An exception by week of the month needs onWeekOfTheMonth and onDayOfTheWeek.' };
    weekExceptions.push({ onWeekOfTheMonth: weeks.map(String), onDayOfTheWeek: days.map(String) });
  }
  return { pattern, weekExceptions };
}

/**
 * Applies `PUT /V4/ServerPlan/{id}/RPO`'s `backupFrequency.schedules[]` to the plan's schedule policy:
 * ADD appends a subtask, MODIFY (the OpenAPI document's default) changes the one named by `scheduleId` (whose
 * `policyId`, when given, must be the policy), DELETE removes it. All or nothing: the first problem
 * changes nothing and is returned.
 */
export function applyRpoSchedules(policy: SimScheduleTask, schedules: unknown[], nextSubTaskId: () => number, defaultStartDate: number): string | undefined {
  const subTasks = policy.subTasks.map((s) => ({ ...s }));
  for (const raw of schedules) {
    const s = (typeof raw === 'object' && raw !== null ? raw : {}) as Json;
    const operation = String(s.scheduleOperation ?? 'MODIFY');
    if (s.backupType !== undefined && !(String(s.backupType) in BACKUP_TYPES)) return `Invalid backupType [${String(s.backupType)}].`;
    if (operation === 'ADD') {
      if (!(String(s.backupType) in BACKUP_TYPES)) return 'backupType is required to add a schedule.';
      const built = legacyPatternOf(s.schedulePattern, defaultStartDate);
      if ('problem' in built) return built.problem;
      subTasks.push({
        subTaskId: nextSubTaskId(), subTaskName: typeof s.scheduleName === 'string' && s.scheduleName !== '' ? s.scheduleName : `${String(s.backupType)} backup schedule`,
        subTaskType: 2, operationType: 2, flags: s.backupType === 'FULL' ? FULL_FLAG : INCREMENTAL_FLAG,
        options: { backupOpts: { backupLevel: BACKUP_TYPES[String(s.backupType)] } }, pattern: built.pattern,
        ...(built.weekExceptions.length > 0 ? { weekExceptions: built.weekExceptions } : {}),
      });
      continue;
    }
    if (operation !== 'MODIFY' && operation !== 'DELETE') return `Invalid scheduleOperation [${operation}].`;
    const index = subTasks.findIndex((t) => t.subTaskId === n(s.scheduleId));
    if (index < 0 || (s.policyId !== undefined && n(s.policyId) !== policy.taskId)) return `Schedule [${String(s.scheduleId)}] not found in the plan.`;
    if (operation === 'DELETE') {
      subTasks.splice(index, 1);
      continue;
    }
    const sub = subTasks[index] as SimSubTask;
    if (s.schedulePattern !== undefined) {
      const built = legacyPatternOf(s.schedulePattern, n(sub.pattern.active_start_date) || defaultStartDate);
      if ('problem' in built) return built.problem;
      sub.pattern = built.pattern;
      sub.weekExceptions = built.weekExceptions;
    }
    if (typeof s.scheduleName === 'string' && s.scheduleName !== '') sub.subTaskName = s.scheduleName;
    if (s.backupType !== undefined) {
      sub.options = { ...sub.options, backupOpts: { ...(sub.options.backupOpts as Json | undefined), backupLevel: BACKUP_TYPES[String(s.backupType)] } };
      sub.flags = s.backupType === 'FULL' ? FULL_FLAG : INCREMENTAL_FLAG;
    }
  }
  policy.subTasks = subTasks;
  return undefined;
}
