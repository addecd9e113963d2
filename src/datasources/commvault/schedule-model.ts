import type { UpstreamRef } from '../record.js';
import type { CvRelativeDay, CvRelativeWeek } from './schedule-names.js';

/**
 * A day a plan schedule does not run on, by its place in the month: the `week`-th (or last) `day` —
 * a weekday, any day, a weekday (Monday–Friday) or a weekend day, as a relative pattern counts them
 * (docs/upstreams/commvault-schedules.md §10).
 */
export interface CvWeekdayOfMonth {
  week: CvRelativeWeek;
  day: CvRelativeDay;
}

/**
 * A schedule's pattern in the CommServe's own terms (`pattern` of a subtask,
 * docs/upstreams/commvault-schedules.md §3): the SQL-Agent-like `freq_*` numbers, `active_*` dates (epoch
 * seconds at 00:00 UTC of the date) and times (seconds after midnight). A key the answer leaves out is null.
 */
export interface CvSchedulePattern {
  /** 1 one time, 2 on demand, 4 daily, 8 weekly, 16 monthly, 32 monthly relative, 64 yearly, 128 yearly relative, 1024 automatic, 4096 continuous. */
  freqType: number | null;
  /** As read, when `freq_type` came as a name (`"After_Job_Completes"`). */
  freqTypeName: string | null;
  freqInterval: number | null;
  freqRecurrenceFactor: number | null;
  freqRelativeInterval: number | null;
  /** Seconds between repeats within a day (0: once a day). */
  freqSubdayInterval: number | null;
  activeStartDate: number | null;
  activeStartTime: number | null;
  activeEndDate: number | null;
  activeEndTime: number | null;
  /** `active_end_occurence` (sic): at most this many runs. */
  activeEndOccurrence: number | null;
  patternId: number | null;
  /** The CommServe's own description of the pattern, when it sends one. */
  description: string | null;
  /** `timeZone.TimeZoneName`: "CommServe Time Zone", "Client Time Zone", "UTC" or a Windows zone name. */
  timeZoneName: string | null;
  /**
   * Days of the month (1–31, ascending) the pattern skips: the `onDayNumber` bitmasks (bit 0 = day 1) of
   * its `repeatPattern` entries with `exception: true` (docs/upstreams/commvault-schedules.md §6). Empty: none.
   */
  exceptDaysOfMonth: number[];
  /**
   * Days by their place in the month the pattern skips (the last Sunday…): V4 `schedulePattern.exceptions[]`
   * `onWeekOfTheMonth` × `onDayOfTheWeek`, which only a plan's RPO read carries; the legacy `pattern` has
   * no such exception, so its mapper leaves this empty (docs/upstreams/commvault-schedules.md §10).
   */
  exceptWeekdaysOfMonth: CvWeekdayOfMonth[];
}

/** An entity a schedule task is associated with (`taskInfo.associations[]`, or the task list's). */
export interface CvScheduleAssociation {
  clientId: number | null;
  clientName: string | null;
  appName: string | null;
  backupsetName: string | null;
  subclientId: number | null;
  subclientName: string | null;
}

/** One schedule: a subtask of a schedule task or schedule policy (`GET /Schedules`, `/Schedules/{taskId}`, `/SchedulePolicy/{taskId}`). */
export interface CvSchedule {
  readonly __typename: 'CommvaultSchedule';
  /** Global id over `<taskId>.<subTaskId>`. */
  id: string;
  upstream: UpstreamRef;
  taskId: number;
  taskName: string | null;
  /** 1 immediate, 2 schedule, 4 schedule policy. */
  taskType: number | null;
  policyType: number | null;
  ownerName: string | null;
  /** `!task.taskFlags.disabled` (absent flags: enabled). */
  enabled: boolean;
  isSystem: boolean;
  /** `subTask.subTaskId`: what the graph calls the schedule id. */
  scheduleId: number;
  name: string | null;
  subTaskType: number | null;
  /** 2 backup, 1001 restore, 4003 aux copy, 4018 data aging, 4002 DR backup, 4004 report, 2001 workflow. */
  operationType: number | null;
  /** `subTask.flags` (a plan's 65536 incremental, 4194304 full schedule). */
  flags: number | null;
  /**
   * `options.backupOpts.backupLevel` (`Full`, `Incremental`…); undefined when the answer carried no
   * `options` (the task list does not): the detail then tells.
   */
  backupLevel: string | null | undefined;
  pattern: CvSchedulePattern;
  /** `nextScheduleTime` as the CommServe states it, when it does. */
  upstreamNextRunAt: Date | null;
  associations: CvScheduleAssociation[];
}

/** The task as `GET /Schedules/{taskId}` gives it, raw parts kept: a modify message re-sends them. */
export interface CvScheduleTask {
  schedules: CvSchedule[];
  /** `taskInfo.associations`, `taskInfo.task` as received. */
  rawAssociations: unknown[];
  rawTask: Record<string, unknown>;
  /** `taskInfo.subTasks[]` as received, by `subTask.subTaskId`, in the answer's order. */
  rawSubTasks: ReadonlyMap<number, Record<string, unknown>>;
  /** A schedule policy's `taskInfo.appGroup.appGroups` as received (empty for a task). */
  rawAppGroups: unknown[];
}

/**
 * Where a schedule lives, which decides how it changes (docs/upstreams/commvault-schedules.md §5, §7, §8):
 * a schedule task's own (task messages), a plan's (the plan's RPO call, `rpoSchedule` being the schedule as
 * `GET /V4/ServerPlan/{id}` gives it, re-sent on a change), or another schedule policy's (`PUT /Task`).
 */
export type CvScheduleOwner =
  | { kind: 'task'; schedule: CvSchedule; task: CvScheduleTask }
  | { kind: 'plan'; schedule: CvSchedule; planId: number; rpoSchedule: Record<string, unknown> }
  | { kind: 'policy'; schedule: CvSchedule; task: CvScheduleTask };

/** A schedule change ready to send: the call it takes and its body. */
export type CvScheduleWrite =
  | { kind: 'taskMessage'; body: Record<string, unknown> }
  | { kind: 'planRpo'; planId: number; body: Record<string, unknown> }
  | { kind: 'policy'; body: Record<string, unknown> };
