import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { judgeAlerts } from '../../src/collectors/alert-judge.js';
import type { GatewayConfig } from '../../src/config/schema.js';
import { alertRaisedEvents } from '../../src/subscriptions/alert-bus.js';
import { applyAlertPlan, type AlertWriter } from '../../src/collectors/alerts/apply-plan.js';
import { fingerprintOf, RuleId } from '../../src/collectors/alerts/condition.js';
import { reconcileAlerts } from '../../src/collectors/alerts/reconcile.js';
import { DEFAULT_ALERT_RULES } from '../../src/collectors/alerts/rule-config.js';
import { evaluateRules } from '../../src/collectors/alerts/rules.js';
import type { UpstreamSnapshot } from '../../src/collectors/alerts/snapshot.js';
import { Severity } from '../../src/datasources/domain.js';
import { DEFAULT_THRESHOLDS } from '../../src/monitoring/thresholds.js';
import type { AlertRecord, HistoryStore, NewAlert } from '../../src/store/history-store.js';

const silentLogger = () => pino({ level: 'silent' }) as never;

const T0 = Date.UTC(2026, 11, 1, 12);
const MIN15 = 15 * 60_000;
const POOL = fingerprintOf(RuleId.CAPACITY_FREE, 'cv', 'pool-1');

/** The alert methods of the history store, in memory, keeping the contract's "one open alert per fingerprint". */
class FakeAlertStore implements AlertWriter, Pick<HistoryStore, 'openAlerts'> {
  readonly alerts: AlertRecord[] = [];
  /** Calls per method, to show what a plan wrote. */
  readonly calls = { raiseAlert: 0, touchAlert: 0, resolveAlert: 0 };

  private open(fingerprint: string): AlertRecord | undefined {
    return this.alerts.find((a) => a.fingerprint === fingerprint && a.resolvedAt === null);
  }

  async raiseAlert(alert: NewAlert): Promise<{ alert: AlertRecord; created: boolean }> {
    this.calls.raiseAlert++;
    const open = this.open(alert.fingerprint);
    if (open) return { alert: open, created: false };
    const record: AlertRecord = { ...alert, id: `a${this.alerts.length + 1}`, lastSeenAt: alert.raisedAt, resolvedAt: null, acknowledgedAt: null, acknowledgedBy: null, acknowledgeNote: null };
    this.alerts.push(record);
    return { alert: record, created: true };
  }

  async touchAlert(fingerprint: string, at: number): Promise<void> {
    this.calls.touchAlert++;
    const open = this.open(fingerprint);
    if (open) open.lastSeenAt = at;
  }

  async resolveAlert(fingerprint: string, at: number): Promise<AlertRecord | undefined> {
    this.calls.resolveAlert++;
    const open = this.open(fingerprint);
    if (open) open.resolvedAt = at;
    return open;
  }

  async openAlerts(): Promise<AlertRecord[]> {
    return this.alerts.filter((a) => a.resolvedAt === null).map((a) => ({ ...a }));
  }
}

/** One collection of upstream `cv` at `at`: rules, reconcile against the store's open alerts, apply. */
async function collect(store: FakeAlertStore, at: number, u: Omit<UpstreamSnapshot, 'upstreamId'>) {
  const evaluation = evaluateRules({ at, upstreams: [{ upstreamId: 'cv', ...u }] }, DEFAULT_ALERT_RULES, DEFAULT_THRESHOLDS);
  return applyAlertPlan(store, reconcileAlerts(evaluation, await store.openAlerts(), at));
}

/** Storage pool-1 with `free` of 100 bytes free. */
const pool = (free: number) => ({ storageTargets: [{ targetId: 'pool-1', name: 'pool-1', totalBytes: 100, freeBytes: free }] });

describe('alert lifecycle', () => {
  it('a condition holding for 3 collections raises one alert, seen at the last', async () => {
    const store = new FakeAlertStore();
    const first = await collect(store, T0, pool(15));
    const second = await collect(store, T0 + MIN15, pool(14));
    const third = await collect(store, T0 + 2 * MIN15, pool(15));
    expect(first.raised.map((a) => a.fingerprint)).toEqual([POOL]);
    expect([second, third]).toEqual([{ raised: [], resolved: [] }, { raised: [], resolved: [] }]);
    expect(store.alerts).toHaveLength(1);
    expect(store.alerts[0]).toMatchObject({ ruleId: RuleId.CAPACITY_FREE, severity: Severity.WARNING, upstreamId: 'cv', objectId: 'pool-1', raisedAt: T0, lastSeenAt: T0 + 2 * MIN15, resolvedAt: null });
    expect(store.calls).toEqual({ raiseAlert: 1, touchAlert: 2, resolveAlert: 0 });
  });

  it('a condition that clears resolves its alert at that collection', async () => {
    const store = new FakeAlertStore();
    await collect(store, T0, pool(15));
    const cleared = await collect(store, T0 + MIN15, pool(50));
    expect(cleared.resolved).toMatchObject([{ fingerprint: POOL, resolvedAt: T0 + MIN15 }]);
    expect(await store.openAlerts()).toEqual([]);
    expect(await collect(store, T0 + 2 * MIN15, pool(50))).toEqual({ raised: [], resolved: [] });
  });

  it('flapping: hold, clear, hold again is two alerts, the first resolved', async () => {
    const store = new FakeAlertStore();
    const events = [];
    for (const [i, free] of [15, 50, 15].entries()) {
      const { raised, resolved } = await collect(store, T0 + i * MIN15, pool(free));
      events.push([raised.length, resolved.length]);
    }
    expect(events).toEqual([[1, 0], [0, 1], [1, 0]]);
    expect(store.alerts.map((a) => [a.raisedAt, a.resolvedAt])).toEqual([
      [T0, T0 + MIN15],
      [T0 + 2 * MIN15, null],
    ]);
  });

  it('escalation WARNING → CRITICAL resolves the warning and raises a critical alert; back down likewise', async () => {
    const store = new FakeAlertStore();
    await collect(store, T0, pool(15));
    const up = await collect(store, T0 + MIN15, pool(5));
    expect(up.resolved.map((a) => a.severity)).toEqual([Severity.WARNING]);
    expect(up.raised.map((a) => [a.severity, a.message])).toEqual([[Severity.CRITICAL, 'Storage target pool-1 has 5 % free (below 10 %)']]);
    const down = await collect(store, T0 + 2 * MIN15, pool(15));
    expect([down.resolved.map((a) => a.severity), down.raised.map((a) => a.severity)]).toEqual([[Severity.CRITICAL], [Severity.WARNING]]);
    expect((await store.openAlerts()).map((a) => a.severity)).toEqual([Severity.WARNING]);
  });

  it('an area that could not be read leaves its alerts open and untouched; other areas still resolve', async () => {
    const store = new FakeAlertStore();
    await collect(store, T0, { ...pool(5), infrastructure: [{ nodeId: 'ma1', name: 'ma1', noun: 'MediaAgent', online: false }] });
    // Capacity not read this time (its read failed); the MediaAgent is back.
    const partial = await collect(store, T0 + MIN15, { infrastructure: [{ nodeId: 'ma1', name: 'ma1', noun: 'MediaAgent', online: true }] });
    expect(partial.resolved.map((a) => a.ruleId)).toEqual([RuleId.NODE_OFFLINE]);
    expect(await store.openAlerts()).toMatchObject([{ fingerprint: POOL, lastSeenAt: T0 }]);
  });

  it('another upstream\'s alerts are not resolved by this upstream\'s collection', () => {
    const other: AlertRecord = {
      id: 'x', ruleId: RuleId.CAPACITY_FREE, fingerprint: fingerprintOf(RuleId.CAPACITY_FREE, 'cv2', 'p'), severity: 'WARNING', upstreamId: 'cv2', objectId: 'p',
      message: '', raisedAt: T0, lastSeenAt: T0, resolvedAt: null, acknowledgedAt: null, acknowledgedBy: null, acknowledgeNote: null,
    };
    const evaluation = evaluateRules({ at: T0, upstreams: [{ upstreamId: 'cv', ...pool(50) }] }, DEFAULT_ALERT_RULES, DEFAULT_THRESHOLDS);
    expect(reconcileAlerts(evaluation, [other], T0)).toEqual({ at: T0, resolve: [], raise: [], touch: [] });
  });

  it('two collectors applying the same plan raise (and so notify) the alert once', async () => {
    const store = new FakeAlertStore();
    const evaluation = evaluateRules({ at: T0, upstreams: [{ upstreamId: 'cv', ...pool(5) }] }, DEFAULT_ALERT_RULES, DEFAULT_THRESHOLDS);
    const plan = reconcileAlerts(evaluation, await store.openAlerts(), T0);
    const [a, b] = [await applyAlertPlan(store, plan), await applyAlertPlan(store, plan)];
    expect(a.raised.length + b.raised.length).toBe(1);
    expect(store.alerts).toHaveLength(1);
  });

  it('the same object found twice in one collection is one alert at the worse severity', () => {
    const condition = { ruleId: RuleId.CAPACITY_FREE, fingerprint: POOL, upstreamId: 'cv', objectId: 'pool-1', message: 'm' };
    const plan = reconcileAlerts(
      { conditions: [{ ...condition, severity: Severity.WARNING }, { ...condition, severity: Severity.CRITICAL }], judged: [{ ruleId: RuleId.CAPACITY_FREE, upstreamId: 'cv' }] },
      [],
      T0,
    );
    expect(plan.raise.map((a) => a.severity)).toEqual([Severity.CRITICAL]);
  });
});

describe('judgeAlerts and Subscription.alertRaised', () => {
  it('publishes each alert a collection raises to alertRaised subscribers, once, and nothing while it only holds', async () => {
    const store = new FakeAlertStore();
    const events = alertRaisedEvents(() => true);
    const deps = {
      config: { alerts: { rules: DEFAULT_ALERT_RULES }, monitoring: { thresholds: DEFAULT_THRESHOLDS } } as unknown as GatewayConfig,
      history: store as unknown as HistoryStore,
      logger: silentLogger(),
    };
    await judgeAlerts(deps, T0, [{ upstreamId: 'cv', ...pool(5) }]);
    await judgeAlerts(deps, T0 + MIN15, [{ upstreamId: 'cv', ...pool(6) }]);
    const first = await events.next();
    expect(first.value).toMatchObject({ fingerprint: POOL, severity: Severity.CRITICAL, upstreamId: 'cv', objectId: 'pool-1' });
    // The second collection only touched the open alert: nothing more is queued (a queued event would win the race).
    expect(await Promise.race([events.next(), Promise.resolve('empty')])).toBe('empty');
    await events.return();
    expect(store.alerts).toHaveLength(1);
  });
});
