import type { GatewayConfig } from '../config/schema.js';
import type { RetentionPolicy } from './history-store.js';
import { DAY_MS } from './store-db.js';

/** `store.retention` (days, as operators write them) as the store's policy (ms). */
export function retentionPolicy(days: GatewayConfig['store']['retention']): RetentionPolicy {
  return {
    rawMs: days.rawDays * DAY_MS,
    dailyMs: days.dailyDays * DAY_MS,
    jobsMs: days.jobsDays * DAY_MS,
    eventsMs: days.eventsDays * DAY_MS,
    healthReportsMs: days.healthReportsDays * DAY_MS,
    resolvedAlertsMs: days.resolvedAlertsDays * DAY_MS,
    deliveriesMs: days.deliveriesDays * DAY_MS,
  };
}
