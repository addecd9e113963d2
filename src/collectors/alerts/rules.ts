/**
 * The alert rules (docs/history.md "Alert rules"): each a pure function of one upstream's snapshot that
 * answers the objects it holds for, or undefined when the area it reads was not read. Severities come from
 * the same functions the graph's fields use (src/monitoring/thresholds.ts).
 */
import { freePercentOf, JobStatus, Severity } from '../../datasources/domain.js';
import { isUnsuccessful } from '../../monitoring/jobs.js';
import { ProtectionGap } from '../../monitoring/protection.js';
import { capacitySeverity, qiSeverity, type MonitoringThresholds } from '../../monitoring/thresholds.js';
import { fingerprintOf, RuleId, type Condition, type RuleEvaluation } from './condition.js';
import type { AlertRulesConfig, AlertSeverity } from './rule-config.js';
import type { EstateSnapshot, JobState, UpstreamSnapshot } from './snapshot.js';

const HOUR_MS = 3_600_000;

export interface RuleContext {
  at: number;
  rules: AlertRulesConfig;
  thresholds: MonitoringThresholds;
}

/** What a rule finds about one object; the rule's id and the upstream complete it into a Condition. */
interface Finding {
  objectId: string;
  severity: AlertSeverity;
  message: string;
}

interface AlertRule {
  id: RuleId;
  enabled(rules: AlertRulesConfig): boolean;
  /** The objects it holds for; undefined when its area of the upstream was not read. */
  findings(u: UpstreamSnapshot, ctx: RuleContext): Finding[] | undefined;
}

/** OK and unknown are not alerts. */
function alerting(severity: Severity | null): AlertSeverity | undefined {
  return severity === Severity.WARNING || severity === Severity.CRITICAL ? severity : undefined;
}

const capacityFree: AlertRule = {
  id: RuleId.CAPACITY_FREE,
  enabled: (r) => r.capacity.enabled,
  findings: (u, { thresholds: { capacity: t } }) =>
    u.storageTargets?.flatMap((target) => {
      const free = freePercentOf(target.totalBytes, target.freeBytes);
      const severity = alerting(capacitySeverity(free, t));
      if (!severity || free === null) return [];
      const below = severity === Severity.CRITICAL ? t.criticalFreePercent : t.warningFreePercent;
      return [{ objectId: target.targetId, severity, message: `Storage target ${target.name} has ${round1(free)} % free (below ${below} %)` }];
    }),
};

const capacityForecast: AlertRule = {
  id: RuleId.CAPACITY_FORECAST,
  enabled: (r) => r.forecast.enabled,
  findings: (u, { rules: { forecast: t } }) =>
    u.forecasts?.flatMap(({ targetId, name, forecast: f }) => {
      if (f.kind !== 'FULL_IN' || f.daysUntilFull > t.warningDays) return [];
      const severity = f.daysUntilFull <= t.criticalDays ? Severity.CRITICAL : Severity.WARNING;
      const day = new Date(f.fullAt).toISOString().slice(0, 10);
      return [
        {
          objectId: targetId,
          severity,
          message: `Storage target ${name} is forecast full in ${round1(f.daysUntilFull)} days (${day}), growing ${round1(f.slopeBytesPerDay / 1e9)} GB a day (R² ${f.rSquared.toFixed(2)}, ${f.samples} samples)`,
        },
      ];
    }),
};

const ddbQi: AlertRule = {
  id: RuleId.DDB_QI,
  enabled: (r) => r.ddb.enabled,
  findings: (u, { thresholds: { ddb: t } }) =>
    u.ddbStores?.flatMap((store) => {
      const severity = alerting(qiSeverity(store.qiTimeMicros, t));
      if (!severity) return [];
      const above = severity === Severity.CRITICAL ? t.qiCriticalMicros : t.qiWarningMicros;
      return [{ objectId: store.storeId, severity, message: `DDB ${store.name}: average Q&I time ${store.qiTimeMicros} µs (above ${above} µs)` }];
    }),
};

const ddbOffline: AlertRule = {
  id: RuleId.DDB_OFFLINE,
  enabled: (r) => r.ddb.enabled,
  findings: (u) =>
    u.ddbStores?.flatMap((store) =>
      store.online === false ? [{ objectId: store.storeId, severity: Severity.CRITICAL, message: `DDB ${store.name} is offline (the store or a partition): backups deduplicating against it stop` }] : [],
    ),
};

const nodeOffline: AlertRule = {
  id: RuleId.NODE_OFFLINE,
  enabled: (r) => r.infrastructure.enabled,
  findings: (u, { rules }) =>
    u.infrastructure?.flatMap((node) =>
      node.online === false ? [{ objectId: node.nodeId, severity: rules.infrastructure.severity, message: `${node.noun} ${node.name} is offline` }] : [],
    ),
};

/** The object id of the failed-jobs alert of jobs that name no workload. */
export const NO_WORKLOAD = '*';

/**
 * One alert per (upstream, workload) with failed jobs in the window, not one per job: a client whose
 * backups fail every hour, or a burst of failures across a night, raises one alert per workload and
 * notifies once. The object id is the workload's name (the Commvault client, the console application),
 * NO_WORKLOAD for jobs naming none. The message counts the window's failures and names the newest; it is
 * written when the alert is raised (a later failure of the same workload keeps the open alert).
 */
const jobFailed: AlertRule = {
  id: RuleId.JOB_FAILED,
  enabled: (r) => r.failedJobs.enabled,
  findings: (u, { at, rules: { failedJobs: t } }) => {
    if (!u.jobs) return undefined;
    const byWorkload = new Map<string, { job: JobState; when: number; count: number }>();
    const seen = new Set<string>();
    for (const job of u.jobs) {
      const when = job.endedAt ?? job.startedAt;
      if (!isUnsuccessful(job.status) || when === null || when < at - t.windowHours * HOUR_MS || when > at || seen.has(job.jobId)) continue;
      seen.add(job.jobId);
      const key = job.workloadName ?? NO_WORKLOAD;
      const group = byWorkload.get(key);
      if (!group) byWorkload.set(key, { job, when, count: 1 });
      else {
        group.count++;
        if (when > group.when) Object.assign(group, { job, when });
      }
    }
    return [...byWorkload].map(([key, { job, count }]) => {
      const what = `${job.jobType ?? 'Job'} job ${job.label}`;
      const verb = job.status === JobStatus.KILLED ? 'was killed' : 'failed';
      const of = job.workloadName === null ? '' : ` of ${job.workloadName}`;
      const message = count === 1 ? `${what}${of} ${verb}` : `${count} jobs${of} failed or were killed in the last ${t.windowHours} h; the newest: ${what} ${verb}`;
      return { objectId: key, severity: t.severity, message };
    });
  },
};

const workloadUnprotected: AlertRule = {
  id: RuleId.WORKLOAD_UNPROTECTED,
  enabled: (r) => r.unprotected.enabled,
  findings: (u, { rules: { unprotected: t } }) =>
    u.unprotectedWorkloads?.map((w) => ({
      objectId: w.workloadId,
      severity: t.severity,
      message:
        `${w.name} has no successful backup in ${t.hours} h: ` +
        (w.gap === ProtectionGap.BACKUPS_FAILING ? `${w.failedBackupCount} backup${w.failedBackupCount === 1 ? '' : 's'} failed` : 'no backup ran'),
    })),
};

/** Every rule, in the order their conditions are listed. */
export const ALERT_RULES: readonly AlertRule[] = [capacityFree, capacityForecast, ddbQi, ddbOffline, nodeOffline, jobFailed, workloadUnprotected];

/**
 * The conditions that hold in `snapshot`, and the (rule, upstream) pairs judged. A disabled rule is judged
 * to hold nowhere, so turning it off resolves its open alerts; an enabled rule whose area was not read is
 * not judged, so its alerts on that upstream stay as they are.
 */
export function evaluateRules(snapshot: EstateSnapshot, rules: AlertRulesConfig, thresholds: MonitoringThresholds): RuleEvaluation {
  const ctx: RuleContext = { at: snapshot.at, rules, thresholds };
  const conditions: Condition[] = [];
  const judged: Array<{ ruleId: RuleId; upstreamId: string }> = [];
  for (const u of snapshot.upstreams) {
    for (const rule of ALERT_RULES) {
      const findings = rule.enabled(rules) ? rule.findings(u, ctx) : [];
      if (findings === undefined) continue;
      judged.push({ ruleId: rule.id, upstreamId: u.upstreamId });
      for (const f of findings) conditions.push({ ruleId: rule.id, fingerprint: fingerprintOf(rule.id, u.upstreamId, f.objectId), upstreamId: u.upstreamId, ...f });
    }
  }
  return { conditions, judged };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
