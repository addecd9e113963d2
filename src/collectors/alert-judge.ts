import type { GatewayConfig } from '../config/schema.js';
import type { Logger } from '../observability/logger.js';
import type { HistoryStore } from '../store/history-store.js';
import { applyAlertPlan, type AppliedAlerts } from './alerts/apply-plan.js';
import { reconcileAlerts } from './alerts/reconcile.js';
import { evaluateRules } from './alerts/rules.js';
import type { UpstreamSnapshot } from './alerts/snapshot.js';
import type { Notifier } from './notifications/notifier.js';
import { publishAlertRaised } from '../subscriptions/alert-bus.js';

/**
 * After a capacity, DDB, infrastructure, jobs or protection pass: judge what it read with the alert rules, bring the store's alerts in
 * line, hand each newly raised alert to `Subscription.alertRaised` and tell the notifier what was raised or
 * resolved. Only the areas this pass read are judged (the
 * snapshot leaves the others out), so the alerts of another collector's areas stay as they are.
 */
export async function judgeAlerts(deps: { config: GatewayConfig; history: HistoryStore; notifier?: Pick<Notifier, 'notifyAlerts'>; logger: Logger }, at: number, snapshots: readonly UpstreamSnapshot[]): Promise<AppliedAlerts> {
  if (snapshots.length === 0) return { raised: [], resolved: [] };
  const evaluation = evaluateRules({ at, upstreams: snapshots }, deps.config.alerts.rules, deps.config.monitoring.thresholds);
  const plan = reconcileAlerts(evaluation, await deps.history.openAlerts(), at);
  const applied = await applyAlertPlan(deps.history, plan);
  if (applied.raised.length + applied.resolved.length > 0) {
    deps.logger.info({ raised: applied.raised.length, resolved: applied.resolved.length }, 'alerts changed');
    // Only the replica whose raiseAlert created the row gets it back in `raised`: one publish per alert.
    for (const alert of applied.raised) publishAlertRaised(alert);
    await deps.notifier?.notifyAlerts(applied);
  }
  return applied;
}
