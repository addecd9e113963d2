/**
 * What the alert rules are configured with (`alerts.rules`, docs/configuration.md "Alerts"). The capacity
 * and DDB thresholds are not repeated here: the rules judge by `monitoring.thresholds`, the same figures
 * the graph's severities use, so an alert and the field it points at always agree.
 */
import { Severity } from '../../datasources/domain.js';

/** The severities an alert can have: OK is no alert. */
export type AlertSeverity = Severity.WARNING | Severity.CRITICAL;

export interface AlertRulesConfig {
  /** Storage target below `monitoring.thresholds.capacity` free share. */
  capacity: { enabled: boolean };
  /** DDB store with a slow Q&I time (`monitoring.thresholds.ddb`), or offline (always CRITICAL). */
  ddb: { enabled: boolean };
  /** MediaAgent or appliance offline. */
  infrastructure: { enabled: boolean; severity: AlertSeverity };
  /** A job that failed or was killed in the last `windowHours`: one alert per job, resolved when it leaves the window. */
  failedJobs: { enabled: boolean; windowHours: number; severity: AlertSeverity };
  /** A workload with no successful backup started in the last `hours`. */
  unprotected: { enabled: boolean; hours: number; severity: AlertSeverity };
  /** A storage target the capacity forecast sees full within `criticalDays` (CRITICAL) or `warningDays` (WARNING). */
  forecast: { enabled: boolean; warningDays: number; criticalDays: number };
}

/** On by default: the demo raises alerts from its first collection. */
export const DEFAULT_ALERT_RULES: Readonly<AlertRulesConfig> = Object.freeze({
  capacity: Object.freeze({ enabled: true }),
  ddb: Object.freeze({ enabled: true }),
  infrastructure: Object.freeze({ enabled: true, severity: Severity.CRITICAL as AlertSeverity }),
  failedJobs: Object.freeze({ enabled: true, windowHours: 24, severity: Severity.WARNING as AlertSeverity }),
  // Two missed daily backups: one late or slow backup does not page anyone.
  unprotected: Object.freeze({ enabled: true, hours: 48, severity: Severity.WARNING as AlertSeverity }),
  forecast: Object.freeze({ enabled: true, warningDays: 30, criticalDays: 7 }),
});
