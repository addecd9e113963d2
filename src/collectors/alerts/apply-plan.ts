import type { AlertRecord, HistoryStore } from '../../store/history-store.js';
import type { AlertPlan } from './reconcile.js';

export type AlertWriter = Pick<HistoryStore, 'raiseAlert' | 'touchAlert' | 'resolveAlert'>;

/** What changed: the notifiers' input. */
export interface AppliedAlerts {
  /** Alerts this call created; one another replica created first is not here, so it is notified once. */
  raised: AlertRecord[];
  /** Alerts this call resolved; one already resolved (by another replica) is not here. */
  resolved: AlertRecord[];
}

/**
 * Writes a plan: resolves first (a severity change resolves and re-raises one fingerprint), then raises,
 * then touches. Every step is safe to repeat (raise is "unless open", resolve of nothing is nothing), so a
 * collection that fails half-way is completed by the next one's plan.
 */
export async function applyAlertPlan(store: AlertWriter, plan: AlertPlan): Promise<AppliedAlerts> {
  const resolved = (await Promise.all(plan.resolve.map((fp) => store.resolveAlert(fp, plan.at)))).filter((a): a is AlertRecord => a !== undefined);
  const raised = (await Promise.all(plan.raise.map((a) => store.raiseAlert(a)))).flatMap((r) => (r.created ? [r.alert] : []));
  await Promise.all(plan.touch.map((fp) => store.touchAlert(fp, plan.at)));
  return { raised, resolved };
}
