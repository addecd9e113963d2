import { registerEnumType } from 'type-graphql';
import type { CvRelativeDay, CvRelativeWeek, CvScheduleFrequency, CvWeekday } from '../../datasources/commvault/schedule-pattern.js';
import type { Holds, SameValues } from '../record-checks.js';

export enum CommvaultScheduleKind {
  BACKUP = 'BACKUP',
  RESTORE = 'RESTORE',
  AUX_COPY = 'AUX_COPY',
  DATA_AGING = 'DATA_AGING',
  DR_BACKUP = 'DR_BACKUP',
  REPORT = 'REPORT',
  WORKFLOW = 'WORKFLOW',
  OTHER = 'OTHER',
}

registerEnumType(CommvaultScheduleKind, {
  name: 'CommvaultScheduleKind',
  description: 'What a schedule runs, from its subtask\'s `operationType` (2 backup, 1001 restore, 4003 aux copy, 4018 data aging, 4002 DR backup, 4004 report, 2001 workflow).',
});

export enum CommvaultScheduleFrequency {
  ONE_TIME = 'ONE_TIME',
  ON_DEMAND = 'ON_DEMAND',
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
  MONTHLY = 'MONTHLY',
  MONTHLY_RELATIVE = 'MONTHLY_RELATIVE',
  YEARLY = 'YEARLY',
  YEARLY_RELATIVE = 'YEARLY_RELATIVE',
  AUTOMATIC = 'AUTOMATIC',
  CONTINUOUS = 'CONTINUOUS',
  AFTER_JOB_COMPLETES = 'AFTER_JOB_COMPLETES',
  OTHER = 'OTHER',
}

registerEnumType(CommvaultScheduleFrequency, {
  name: 'CommvaultScheduleFrequency',
  description: 'A pattern\'s `freq_type` by name (1 one time, 2 on demand, 4 daily, 8 weekly, 16 monthly, 32 monthly relative, 64 yearly, 128 yearly relative, 1024 automatic, 4096 continuous).',
  valuesConfig: {
    MONTHLY_RELATIVE: { description: 'E.g. the last Friday of every month.' },
    YEARLY_RELATIVE: { description: 'E.g. the first Sunday of March.' },
    AUTOMATIC: { description: 'The CommServe starts jobs as the RPO needs: no calendar, no next runs.' },
  },
});

export enum CommvaultWeekday {
  SUNDAY = 'SUNDAY',
  MONDAY = 'MONDAY',
  TUESDAY = 'TUESDAY',
  WEDNESDAY = 'WEDNESDAY',
  THURSDAY = 'THURSDAY',
  FRIDAY = 'FRIDAY',
  SATURDAY = 'SATURDAY',
}

registerEnumType(CommvaultWeekday, { name: 'CommvaultWeekday' });

export enum CommvaultRelativeWeek {
  FIRST = 'FIRST',
  SECOND = 'SECOND',
  THIRD = 'THIRD',
  FOURTH = 'FOURTH',
  LAST = 'LAST',
}

registerEnumType(CommvaultRelativeWeek, { name: 'CommvaultRelativeWeek', description: 'Which one of the month (`freq_relative_interval` 1–5).' });

export enum CommvaultRelativeDay {
  SUNDAY = 'SUNDAY',
  MONDAY = 'MONDAY',
  TUESDAY = 'TUESDAY',
  WEDNESDAY = 'WEDNESDAY',
  THURSDAY = 'THURSDAY',
  FRIDAY = 'FRIDAY',
  SATURDAY = 'SATURDAY',
  DAY = 'DAY',
  WEEKDAY = 'WEEKDAY',
  WEEKEND_DAY = 'WEEKEND_DAY',
}

registerEnumType(CommvaultRelativeDay, { name: 'CommvaultRelativeDay', description: 'Of a relative pattern: a weekday, any day, a weekday (Monday–Friday) or a weekend day (`freq_interval` 1–10).' });

export type ScheduleEnumChecks = [
  Holds<SameValues<`${CommvaultScheduleFrequency}`, CvScheduleFrequency>>,
  Holds<SameValues<`${CommvaultWeekday}`, CvWeekday>>,
  Holds<SameValues<`${CommvaultRelativeWeek}`, CvRelativeWeek>>,
  Holds<SameValues<`${CommvaultRelativeDay}`, CvRelativeDay>>,
];
