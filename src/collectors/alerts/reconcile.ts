/**
 * From the conditions of one collection and the alerts open before it, what to change in the store, so
 * that a rule that starts to hold raises one alert, keeps it while it holds, and resolves it when it
 * clears (docs/history.md "Alert rules").
 */
import type { AlertRecord, NewAlert } from '../../store/history-store.js';
import { scopeKey, type Condition, type RuleEvaluation } from './condition.js';

export interface AlertPlan {
  /** The collection's time: raisedAt, lastSeenAt and resolvedAt. */
  at: number;
  /** Fingerprints whose open alert resolves; applied before `raise`, so a severity change is a resolve and a raise. */
  resolve: string[];
  raise: NewAlert[];
  /** Fingerprints whose open alert still holds. */
  touch: string[];
}

const RANK: Readonly<Record<string, number>> = { WARNING: 1, CRITICAL: 2 };

/**
 * - A condition with no open alert of its fingerprint: raise.
 * - One with an open alert of the same severity: touch (no new alert, however many collections it holds).
 * - One whose severity changed (WARNING→CRITICAL or back): resolve the old alert and raise a new one, so
 *   the change is notified and an acknowledgement of the lesser alert does not silence the worse one.
 * - An open alert without a condition: resolve, but only when its rule was judged on its upstream this
 *   time (`evaluation.judged`); an area that could not be read leaves its alerts open and untouched.
 */
export function reconcileAlerts(evaluation: RuleEvaluation, openAlerts: readonly AlertRecord[], now: number): AlertPlan {
  const holding = new Map<string, Condition>();
  // Two findings of one object (duplicated input): the worse counts.
  for (const c of evaluation.conditions) {
    const seen = holding.get(c.fingerprint);
    if (!seen || RANK[c.severity]! > RANK[seen.severity]!) holding.set(c.fingerprint, c);
  }
  const judged = new Set(evaluation.judged.map((j) => scopeKey(j.ruleId, j.upstreamId)));
  const open = new Map(openAlerts.map((a) => [a.fingerprint, a]));
  const plan: AlertPlan = { at: now, resolve: [], raise: [], touch: [] };

  for (const c of holding.values()) {
    const alert = open.get(c.fingerprint);
    if (alert && alert.severity === c.severity) {
      plan.touch.push(c.fingerprint);
      continue;
    }
    if (alert) plan.resolve.push(c.fingerprint);
    plan.raise.push({ ruleId: c.ruleId, fingerprint: c.fingerprint, severity: c.severity, upstreamId: c.upstreamId, objectId: c.objectId, message: c.message, raisedAt: now });
  }
  for (const alert of open.values()) {
    if (!holding.has(alert.fingerprint) && judged.has(scopeKey(alert.ruleId, alert.upstreamId))) plan.resolve.push(alert.fingerprint);
  }
  return plan;
}
