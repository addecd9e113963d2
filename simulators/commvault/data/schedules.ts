import type { Plan, SimScheduleTask, SimSubTask, SimWeekException, Subclient } from './types.js';

/**
 * Schedules (docs/upstreams/commvault-schedules.md): tasks with subtasks, each subtask with a `pattern`
 * in the CommServe's `freq_*` terms. Entity schedules (`taskType` 2) are associated with clients and
 * subclients; each plan has a schedule policy (`taskType` 4, task id 100 + plan id, as the plan reads
 * name it) whose subtasks are its V4 RPO schedules; one more policy (950) is no plan's. Created, changed
 * and deleted through the API.
 */
const DAY = 86_400;
const BACKUP = 2;
const DATA_AGING = 4018;
const WEEKLY = 8;
const DAILY = 4;
const MONTHLY_RELATIVE = 32;
const SATURDAY_BIT = 64;
const SUNDAY_BIT = 1;
const ZONE = { TimeZoneName: 'CommServe Time Zone' };

const backupOptions = (level: string): Record<string, unknown> => ({ backupOpts: { backupLevel: level, incLevel: 'BEFORE_SYNTH', runIncrementalBackup: false } });

/**
 * The seeded schedules: a policy per plan (the second plan's incremental with an exception by week of the
 * month), a weekly full (and, on every other one, a monthly differential on the last Friday) on the first
 * subclients, and the CommServe's daily data aging.
 */
export function makeSchedules(nowS: number, plans: readonly Plan[], subclients: readonly Subclient[], commServClientId: number): SimScheduleTask[] {
  // Patterns started 30 days before the data was generated, on a UTC midnight (the API's date form).
  const since = Math.floor(nowS / DAY) * DAY - 30 * DAY;
  const tasks: SimScheduleTask[] = plans.map((plan, i) => {
    const nightly = plan.rpoInMinutes >= 1440;
    return {
      taskId: 100 + plan.planId,
      taskName: `${plan.planName} backup schedule`,
      taskType: 4,
      policyType: 0,
      ownerName: 'admin',
      description: '',
      disabled: false,
      isSystem: false,
      planId: plan.planId,
      associations: [],
      subTasks: [
        {
          subTaskId: plan.planId * 10 + 1, subTaskName: 'Incremental backup schedule', subTaskType: 2, operationType: BACKUP, flags: 65536, options: backupOptions('Incremental'),
          pattern: nightly
            ? { freq_type: DAILY, freq_recurrence_factor: 1, freq_interval: 0, active_start_date: since, active_start_time: 75600, timeZone: ZONE }
            : { freq_type: DAILY, freq_recurrence_factor: 1, freq_interval: 0, freq_subday_interval: plan.rpoInMinutes * 60, active_start_date: since, active_start_time: 0, active_end_time: 86340, timeZone: ZONE },
          // The second plan's skips the last Sunday of each month (a month-end maintenance window): an
          // exception by week of the month, which only its V4 RPO shows.
          ...(i === 1 ? { weekExceptions: [{ onWeekOfTheMonth: ['LAST'], onDayOfTheWeek: ['SUNDAY'] }] } : {}),
        },
        {
          subTaskId: plan.planId * 10 + 2, subTaskName: 'Full backup schedule', subTaskType: 2, operationType: BACKUP, flags: 4194304, options: backupOptions('Full'),
          pattern: { freq_type: WEEKLY, freq_interval: SATURDAY_BIT, freq_recurrence_factor: 1, active_start_date: since, active_start_time: 75600, timeZone: ZONE },
        },
      ],
    };
  });
  tasks.push({
    taskId: 900, taskName: 'System Created for Data Aging', taskType: 2, policyType: 0, ownerName: 'system', description: 'Daily data aging', disabled: false, isSystem: true,
    associations: [{ clientId: commServClientId }],
    subTasks: [{
      subTaskId: 9001, subTaskName: 'Data aging', subTaskType: 1, operationType: DATA_AGING, flags: 0, options: { adminOpts: { dataAgingOption: { selectCopies: false } } },
      pattern: { freq_type: DAILY, freq_recurrence_factor: 1, active_start_date: since, active_start_time: 43200, timeZone: ZONE },
    }],
  });
  // A schedule policy of its own (no plan's): the first subclient's client, its file system agents.
  const first = subclients[0];
  if (first) {
    tasks.push({
      taskId: 950, taskName: 'File servers weekly', taskType: 4, policyType: 0, ownerName: 'admin', description: 'Weekly full, daily incremental', disabled: false, isSystem: false,
      associations: [{ clientId: first.clientId }],
      subTasks: [
        {
          subTaskId: 9501, subTaskName: 'Weekly full', subTaskType: 2, operationType: BACKUP, flags: 0, options: backupOptions('Full'),
          pattern: { freq_type: WEEKLY, freq_interval: SUNDAY_BIT, freq_recurrence_factor: 1, active_start_date: since, active_start_time: 10800, timeZone: ZONE },
        },
        {
          subTaskId: 9502, subTaskName: 'Daily incremental', subTaskType: 2, operationType: BACKUP, flags: 0, options: backupOptions('Incremental'),
          pattern: { freq_type: DAILY, freq_recurrence_factor: 1, freq_interval: 0, active_start_date: since, active_start_time: 79200, timeZone: ZONE },
        },
      ],
    });
  }
  subclients.slice(0, 6).forEach((sc, i) => {
    const subTasks: SimSubTask[] = [{
      subTaskId: 5001 + i * 2, subTaskName: 'Weekly full', subTaskType: 2, operationType: BACKUP, flags: 0, options: backupOptions('Full'),
      pattern: { freq_type: WEEKLY, freq_interval: SUNDAY_BIT, freq_recurrence_factor: 1, active_start_date: since, active_start_time: 7200, timeZone: ZONE },
    }];
    if (i % 2 === 0) {
      subTasks.push({
        subTaskId: 5002 + i * 2, subTaskName: 'Month-end differential', subTaskType: 2, operationType: BACKUP, flags: 0, options: backupOptions('Differential'),
        // The last Friday (6) of every month.
        pattern: { freq_type: MONTHLY_RELATIVE, freq_relative_interval: 5, freq_interval: 6, freq_recurrence_factor: 1, active_start_date: since, active_start_time: 79200, timeZone: ZONE },
      });
    }
    tasks.push({
      taskId: 1001 + i, taskName: `${sc.subclientName} schedules`, taskType: 2, policyType: 0, ownerName: 'admin', description: '', disabled: false, isSystem: false,
      associations: [{ clientId: sc.clientId, applicationId: sc.applicationId, backupsetId: sc.backupsetId, subclientId: sc.subclientId }],
      subTasks,
    });
  });
  // A nightly incremental that skips the 1st and the 15th of each month (month-start and mid-month
  // maintenance): an exception in the real shape, `repeatPattern` with cvpysdk's `onDayNumber` bitmask.
  const nightly = subclients[6];
  if (nightly) {
    tasks.push({
      taskId: 1001 + 6, taskName: `${nightly.subclientName} nightly`, taskType: 2, policyType: 0, ownerName: 'admin', description: '', disabled: false, isSystem: false,
      associations: [{ clientId: nightly.clientId, applicationId: nightly.applicationId, backupsetId: nightly.backupsetId, subclientId: nightly.subclientId }],
      subTasks: [{
        subTaskId: 5001 + 6 * 2, subTaskName: 'Nightly incremental', subTaskType: 2, operationType: BACKUP, flags: 0, options: backupOptions('Incremental'),
        pattern: {
          freq_type: DAILY, freq_recurrence_factor: 1, freq_interval: 0, active_start_date: since, active_start_time: 82800, timeZone: ZONE,
          repeatPattern: [{ exception: true, onDayNumber: (1 << 0) | (1 << 14) }],
        },
      }],
    });
  }
  return tasks;
}

// ── the next run, as the simulated CommServe's scheduler sees it ───────────────────────────────

const n = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0)) || 0;

/** Offset of `zone` from UTC at `ms`, minutes. */
function zoneOffsetMinutes(zone: string, ms: number): number {
  const text = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).format(new Date(ms));
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(text);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** The `onDayNumber` bits of the pattern's exceptions (`repeatPattern` entries with `exception: true`). */
function exceptionMask(p: Record<string, unknown>): number {
  const entries = Array.isArray(p.repeatPattern) ? (p.repeatPattern as Array<Record<string, unknown>>) : [];
  return entries.reduce((mask, e) => (e?.exception === true ? mask | n(e.onDayNumber) : mask), 0);
}

/** V4 names of `freq_relative_interval` 1–5 and of `freq_interval` 1–10 of a relative pattern. */
const WEEK_NAMES = ['FIRST', 'SECOND', 'THIRD', 'FOURTH', 'LAST'];
const DAY_NAMES = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'DAY', 'WEEKDAY', 'WEEKEND_DAYS'];

/** Whether `date` (UTC-dated) is the `which`-th (5: last) `what` (1–7 Sunday…Saturday, 8 day, 9 weekday, 10 weekend day) of its month. */
function isRelative(date: Date, which: number, what: number): boolean {
  const lastDom = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  const matches = (d: number): boolean => {
    const wd = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), d)).getUTCDay();
    return what <= 7 ? wd === what - 1 : what === 8 || (what === 9 ? wd > 0 && wd < 6 : wd === 0 || wd === 6);
  };
  const all = Array.from({ length: lastDom }, (_, k) => k + 1).filter(matches);
  return (which === 5 ? all[all.length - 1] : all[which - 1]) === date.getUTCDate();
}

/** Whether an exception by week of the month takes `date` out: some week of an entry with some day of it. */
function weekExcepted(date: Date, exceptions: readonly SimWeekException[]): boolean {
  return exceptions.some((e) => e.onWeekOfTheMonth.some((w) => e.onDayOfTheWeek.some((d) => isRelative(date, WEEK_NAMES.indexOf(w) + 1, DAY_NAMES.indexOf(d) + 1))));
}

/** Whether the pattern's day rules take the UTC-dated calendar day `dayStartS` (its own date, not an instant); an excepted day never. */
function takesDay(p: Record<string, unknown>, dayStartS: number, startDayS: number, weekExceptions: readonly SimWeekException[]): boolean {
  const date = new Date(dayStartS * 1000);
  if ((exceptionMask(p) & (1 << (date.getUTCDate() - 1))) !== 0 || weekExcepted(date, weekExceptions)) return false;
  const weekday = date.getUTCDay();
  const dom = date.getUTCDate();
  const lastDom = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  const start = new Date(startDayS * 1000);
  const months = (date.getUTCFullYear() - start.getUTCFullYear()) * 12 + date.getUTCMonth() - start.getUTCMonth();
  const factor = Math.max(1, n(p.freq_recurrence_factor));
  const interval = n(p.freq_interval);
  const relative = (): boolean => isRelative(date, n(p.freq_relative_interval), interval);
  switch (n(p.freq_type)) {
    case 1: return dayStartS === startDayS;
    case 4: return Math.round((dayStartS - startDayS) / DAY) % (factor > 1 ? factor : Math.max(1, interval)) === 0;
    case 8: {
      const week = Math.floor((dayStartS / DAY - weekday - (startDayS / DAY - start.getUTCDay())) / 7);
      return (interval & (1 << weekday)) !== 0 && week % factor === 0;
    }
    case 16: return dom === Math.min(interval, lastDom) && months % factor === 0;
    case 32: return relative() && months % factor === 0;
    case 64: return date.getUTCMonth() + 1 === n(p.freq_recurrence_factor) && dom === Math.min(interval, lastDom);
    case 128: return date.getUTCMonth() + 1 === n(p.freq_recurrence_factor) && relative();
    default: return false;
  }
}

/**
 * `nextScheduleTime` (Unix seconds) of a pattern after `nowS`, in IANA `zone`, skipping its excepted days
 * (of the month, and a plan schedule's `weekExceptions`); 0 when none within two
 * years (automatic and continuous patterns have none). A wall time the clock skips runs the skipped
 * span later; one it shows twice, the first time.
 */
export function nextScheduleTime(p: Record<string, unknown>, zone: string, nowS: number, weekExceptions: readonly SimWeekException[] = []): number {
  const startDayS = Math.floor(n(p.active_start_date) / DAY) * DAY;
  const endDayS = n(p.active_end_date) > 0 ? Math.floor(n(p.active_end_date) / DAY) * DAY : Infinity;
  const step = n(p.freq_subday_interval);
  const first = n(p.active_start_time);
  const last = step > 0 ? (n(p.active_end_time) > first ? n(p.active_end_time) : DAY - 1) : first;
  for (let day = Math.max(startDayS, Math.floor(nowS / DAY) * DAY - DAY); day <= Math.min(endDayS, nowS + 730 * DAY); day += DAY) {
    if (!takesDay(p, day, startDayS, weekExceptions)) continue;
    for (let t = first; t <= last; t += step > 0 ? step : DAY) {
      const wallS = day + t;
      // Try the offsets of a day before and after; keep the earliest instant the wall clock shows as wallS.
      const offsets = [zoneOffsetMinutes(zone, (wallS - DAY) * 1000), zoneOffsetMinutes(zone, (wallS + DAY) * 1000)];
      const shown = offsets.map((o) => wallS - o * 60).filter((u) => u + zoneOffsetMinutes(zone, u * 1000) * 60 === wallS);
      const at = shown.length > 0 ? Math.min(...shown) : wallS - (offsets[0] as number) * 60;
      if (at > nowS) return at;
    }
  }
  return 0;
}
