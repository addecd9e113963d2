import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackupDrSimulator, type BackupDrSimulator } from '../../simulators/backupdr/index.js';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { toGlobalId } from '../../src/util/global-id.js';
import { commvaultUpstream, startTestGateway, type TestGateway } from '../helpers/gateway.js';

/**
 * The unified `events` list (CommServe events, triggered Commvault alerts, console events), the
 * Commvault alert lists, and the fields filled from the calls that carry them (console job sizes,
 * Commvault client OS/version/description). Expectations come from the simulators' seeded data; call
 * counts from the simulators' own counters; estimates from a probe caller whose limit of 1 makes the
 * gateway tell its estimate in the refusal.
 */
const CV = 'cv-events';
const BDR = 'bdr-events';
const ANALYST = 'k-analyst';
const PROBE = 'k-probe';

let cv: CommvaultSimulator;
let bdr: BackupDrSimulator;
let gw: TestGateway;

/** A run with no cache: every query meets the simulators, so counts and estimates are compared cold. */
let cold: TestGateway;

const NO_CACHE = { ttlMs: { jobsRunning: 0, jobsFinished: 0, inventory: 0, capacity: 0, events: 0, metadata: 0 } };

beforeAll(async () => {
  [cv, bdr] = await Promise.all([startCommvaultSimulator(), startBackupDrSimulator()]);
  const config = {
    upstreams: [commvaultUpstream(CV, cv.url), { id: BDR, kind: 'backupdr', url: bdr.url, bearerToken: 'admin-token' }],
    callers: [
      { id: 'analyst', apiKey: ANALYST, role: 'analyst' },
      { id: 'probe', apiKey: PROBE, role: 'admin' },
    ],
    roles: { admin: { maxCost: 1 } },
  };
  [gw, cold] = await Promise.all([startTestGateway(config), startTestGateway({ ...config, cache: NO_CACHE })]);
}, 60_000);

afterAll(async () => {
  await Promise.all([gw?.close(), cold?.close()]);
  await Promise.all([cv?.close(), bdr?.close()]);
});

const query = <T = any>(gateway: TestGateway, text: string, variables?: Record<string, unknown>) => gateway.query<T>(text, variables, { apiKey: ANALYST });

function resetSims(): void {
  cv.reset();
  bdr.reset();
}

/** Calls made, without logins and console OPTIONS metadata (per session or hour, which the estimate leaves out). */
function callsMade(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [route, n] of [...Object.entries(cv.stats().byRoute), ...Object.entries(bdr.stats().byRoute)]) {
    if (!/^(POST \/(Login|session)|OPTIONS )/.test(route)) out[route] = n;
  }
  return out;
}
const total = (calls: Record<string, number>) => Object.values(calls).reduce((a, b) => a + b, 0);

/** The gateway's estimate of a document (the probe's limit of 1 makes it refuse anything dearer, naming the cost). */
async function estimateOf(text: string, variables?: Record<string, unknown>): Promise<number> {
  const res = await gw.query(text, variables, { apiKey: PROBE });
  return res.body.errors ? Number(res.body.errors[0]!.extensions?.cost) : 1;
}

// ── expectations from the seed ─────────────────────────────────────────────────────────────────

interface Expected {
  id: string;
  /** Epoch ms as the gateway's DateTime carries it. */
  at: number;
  severity: string | null;
}

const CV_SEVERITY: Record<number, string> = { 0: 'INFORMATION', 3: 'MINOR', 6: 'MAJOR', 9: 'CRITICAL' };
const ALERT_SEVERITY: Record<string, string | null> = { AUTO_PICK: null, CRITICAL: 'CRITICAL', MAJOR: 'MAJOR', INFORMATION: 'INFORMATION' };

/** One CommServe's stream: newest first; at equal times events before alerts, then the higher id. */
function commvaultStream(): Expected[] {
  const rows = [
    ...cv.data.events.map((e) => ({ kind: 0, local: e.id, id: toGlobalId('CommvaultEvent', CV, e.id), at: e.timeSource * 1000, severity: CV_SEVERITY[e.severity]! })),
    ...cv.data.triggeredAlerts.map((a) => ({ kind: 1, local: a.id, id: toGlobalId('CommvaultTriggeredAlert', CV, a.id), at: a.detectedTime * 1000, severity: ALERT_SEVERITY[a.severity]! })),
  ];
  rows.sort((a, b) => b.at - a.at || a.kind - b.kind || b.local - a.local);
  return rows.map(({ id, at, severity }) => ({ id, at, severity }));
}

/** The console's stream: newest event date first (µs), then the higher id; MAJOR when it must be cleared. */
function consoleStream(): Expected[] {
  return [...bdr.data.events]
    .sort((a, b) => b.eventdate - a.eventdate || Number(b.id) - Number(a.id))
    .map((e) => ({ id: toGlobalId('BackupDrEvent', BDR, e.id), at: Math.trunc(e.eventdate / 1000), severity: e.requiresclearing ? 'MAJOR' : 'INFORMATION' }));
}

/** The merged list: newest first, ties to the upstream configured first (the fan-out's merge). */
function merged(keep: (e: Expected) => boolean = () => true): Expected[] {
  return [...commvaultStream(), ...consoleStream()].filter(keep).sort((a, b) => b.at - a.at);
}

const EVENTS = /* GraphQL */ `
  query Events($first: Int, $after: String, $filter: EventFilter) {
    events(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { __typename id occurredAt severity status message upstream { id } } }
    }
  }
`;

const idsOf = (res: { body: { data?: any } }): string[] => res.body.data.events.edges.map((e: { node: { id: string } }) => e.node.id);

describe('Query.events: both products\' events and alerts in one list', () => {
  it('answers every upstream\'s events and triggered alerts newest first, with the count of all', async () => {
    const expected = merged();
    const first = await query(gw, EVENTS, { first: 60 });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.events.totalCount).toBe(expected.length);
    expect(idsOf(first)).toEqual(expected.slice(0, 60).map((e) => e.id));
    const types = new Set(first.body.data.events.edges.map((e: { node: { __typename: string } }) => e.node.__typename));
    // The seed makes all three kinds recent enough to share the first page.
    expect(types).toEqual(new Set(['CommvaultEvent', 'CommvaultTriggeredAlert', 'BackupDrEvent']));

    const second = await query(gw, EVENTS, { first: 60, after: first.body.data.events.pageInfo.endCursor });
    expect(second.body.errors).toBeUndefined();
    expect(idsOf(second)).toEqual(expected.slice(60, 120).map((e) => e.id));
  });

  it('normalises each product\'s severity, time and status', async () => {
    const res = await query(gw, EVENTS, { first: 200 });
    const byId = new Map(merged().map((e) => [e.id, e]));
    for (const { node } of res.body.data.events.edges) {
      const want = byId.get(node.id)!;
      expect({ id: node.id, severity: node.severity, occurredAt: node.occurredAt }).toEqual({ id: want.id, severity: want.severity, occurredAt: new Date(want.at).toISOString() });
    }
    const commvaultEvents = new Map(cv.data.events.map((e) => [toGlobalId('CommvaultEvent', CV, e.id), e]));
    for (const { node } of res.body.data.events.edges) {
      // The simulator sends every event unacknowledged; V4 says nothing of an alert's state.
      if (node.__typename === 'CommvaultEvent') expect([node.status, node.message]).toEqual(['OPEN', commvaultEvents.get(node.id)!.description]);
      if (node.__typename === 'CommvaultTriggeredAlert') expect(node.status).toBeNull();
    }
    const consoleEvents = new Map(bdr.data.events.map((e) => [toGlobalId('BackupDrEvent', BDR, e.id), e]));
    for (const { node } of res.body.data.events.edges.filter((e: any) => e.node.__typename === 'BackupDrEvent')) {
      const e = consoleEvents.get(node.id)!;
      expect(node.status).toBe(e.eventstatus === 'new' ? 'OPEN' : 'CLEARED');
      expect(node.message).toBe(e.messagetext);
    }
  });

  it('filters by severity and time window on every upstream, and asks no console when it has none of the severities', async () => {
    const after = new Date(cv.data.generatedAt * 1000 - 3 * 86_400_000);
    const keep = (e: Expected) => e.severity === 'CRITICAL' && e.at >= after.getTime();
    const expected = merged(keep);
    expect(expected.length).toBeGreaterThan(0);
    resetSims();
    const res = await query(cold, EVENTS, { first: 100, filter: { severity: ['CRITICAL'], after: after.toISOString() } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.events.totalCount).toBe(expected.length);
    expect(idsOf(res)).toEqual(expected.slice(0, 100).map((e) => e.id));
    // Console events are MAJOR or INFORMATION only: a CRITICAL-only list costs the console nothing.
    expect(bdr.stats().byRoute['GET /event'] ?? 0).toBe(0);
    expect(bdr.stats().byRoute['HEAD /event'] ?? 0).toBe(0);
  });

  it('sends a MAJOR filter to the console as requiresclearing and a window as eventdate bounds', async () => {
    const after = new Date(Date.now() - 5 * 86_400_000);
    const before = new Date(Date.now() - 1 * 86_400_000);
    const keep = (e: Expected) => e.severity === 'MAJOR' && e.at >= after.getTime() && e.at < before.getTime();
    const expected = merged(keep);
    const consoleIds = new Set(consoleStream().map((c) => c.id));
    // Both products have MAJOR events in the window.
    expect(expected.some((e) => consoleIds.has(e.id)) && expected.some((e) => !consoleIds.has(e.id))).toBe(true);
    const res = await query(gw, EVENTS, { first: 50, filter: { severity: ['MAJOR'], after: after.toISOString(), before: before.toISOString() } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.events.totalCount).toBe(expected.length);
    expect(idsOf(res)).toEqual(expected.slice(0, 50).map((e) => e.id));
  });

  it('costs two calls per CommServe and a list page plus a count per console, within its estimate', async () => {
    const variables = { first: 50 };
    const estimate = await estimateOf(EVENTS, variables);
    resetSims();
    const res = await query(cold, EVENTS, variables);
    expect(res.body.errors).toBeUndefined();
    const made = callsMade();
    expect(made).toEqual({ 'GET /Events': 1, 'GET /V4/TriggeredAlerts': 1, 'GET /event': 1, 'HEAD /event': 1 });
    expect(estimate).toBeGreaterThanOrEqual(total(made));
  });

  it('leaves out a console that fails, with an error at the field\'s path, and keeps the CommServe\'s part', async () => {
    // A gateway of its own: the failures open its breaker for the console, which must not reach the other tests.
    const own = await startTestGateway({
      upstreams: [commvaultUpstream(CV, cv.url), { id: BDR, kind: 'backupdr', url: bdr.url, bearerToken: 'admin-token' }],
      callers: [{ id: 'analyst', apiKey: ANALYST, role: 'analyst' }],
    });
    const expected = commvaultStream();
    await bdr.setFaults({ fail5xx: { count: 50, status: 503 } });
    try {
      const res = await query(own, EVENTS, { first: 40 });
      expect(res.status).toBe(200);
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors![0]!.path).toEqual(['events']);
      expect(res.body.errors![0]!.extensions?.upstream).toMatchObject({ instance: BDR });
      expect(String(res.body.errors![0]!.extensions?.code)).toMatch(/^UPSTREAM_/);
      expect(res.body.data.events.totalCount).toBe(expected.length);
      expect(idsOf(res)).toEqual(expected.slice(0, 40).map((e) => e.id));
    } finally {
      await bdr.setFaults({ fail5xx: { count: 0 } });
      await own.close();
    }
  });

  it('asks only the upstreams named in filter.upstream', async () => {
    resetSims();
    const res = await query(gw, EVENTS, { first: 10, filter: { upstream: [BDR] } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.events.totalCount).toBe(bdr.data.events.length);
    expect(idsOf(res)).toEqual(consoleStream().slice(0, 10).map((e) => e.id));
    expect(cv.stats().total).toBe(0);
  });
});

describe('Commvault alerts', () => {
  const RULES = '{ commvaultAlertRules { id alertId name category type createdAt enabled } }';
  const RULES_WITHOUT_ENABLED = '{ commvaultAlertRules { alertId name } }';
  const TRIGGERED = /* GraphQL */ `
    query Triggered($first: Int, $filter: EventConditions) {
      commvaultTriggeredAlerts(first: $first, filter: $filter) {
        totalCount
        edges { node { id alertId severity severityText criterion occurredAt message type } }
      }
    }
  `;

  it('lists every alert rule, enabled or not, as V4 says, with one GET /AlertRule and one GET /V4/AlertDefinitions', async () => {
    const estimate = await estimateOf(RULES);
    resetSims();
    const res = await query(cold, RULES);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.commvaultAlertRules).toEqual(
      cv.data.alertRules.map((r) => ({
        id: toGlobalId('CommvaultAlertRule', CV, r.id),
        alertId: r.id,
        name: r.name,
        category: r.categoryName,
        type: r.typeName,
        createdAt: new Date(r.createdTime * 1000).toISOString(),
        enabled: r.enabled,
      })),
    );
    expect(new Set(cv.data.alertRules.map((r) => r.enabled))).toEqual(new Set([true, false]));
    expect(callsMade()).toEqual({ 'GET /AlertRule': 1, 'GET /V4/AlertDefinitions': 1 });
    expect(estimate).toBeGreaterThanOrEqual(2);
  });

  it('does not ask V4 when enabled is not selected', async () => {
    resetSims();
    const res = await query(cold, RULES_WITHOUT_ENABLED);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.commvaultAlertRules).toHaveLength(cv.data.alertRules.length);
    expect(callsMade()).toEqual({ 'GET /AlertRule': 1 });
  });

  it('pages triggered alerts newest first, AUTO_PICK as an unknown severity with its text kept', async () => {
    const expected = [...cv.data.triggeredAlerts].sort((a, b) => b.detectedTime - a.detectedTime || b.id - a.id);
    resetSims();
    const res = await query(cold, TRIGGERED, { first: 100 });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.commvaultTriggeredAlerts.totalCount).toBe(expected.length);
    expect(res.body.data.commvaultTriggeredAlerts.edges.map((e: any) => e.node)).toEqual(
      expected.slice(0, 100).map((a) => ({
        id: toGlobalId('CommvaultTriggeredAlert', CV, a.id),
        alertId: a.id,
        severity: ALERT_SEVERITY[a.severity],
        severityText: a.severity,
        criterion: a.detectedCriterion,
        occurredAt: new Date(a.detectedTime * 1000).toISOString(),
        message: a.info,
        type: a.type,
      })),
    );
    expect(expected.some((a) => a.severity === 'AUTO_PICK')).toBe(true);
    expect(callsMade()).toEqual({ 'GET /V4/TriggeredAlerts': 1 });
  });

  it('filters triggered alerts by severity (AUTO_PICK ones match none)', async () => {
    const expected = cv.data.triggeredAlerts.filter((a) => a.severity === 'MAJOR' || a.severity === 'INFORMATION');
    const res = await query(gw, TRIGGERED, { first: 5, filter: { severity: ['MAJOR', 'INFORMATION', 'MINOR'] } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.commvaultTriggeredAlerts.totalCount).toBe(expected.length);
  });

  it('fetches a triggered alert back by its global id', async () => {
    const a = cv.data.triggeredAlerts[3]!;
    const res = await query(gw, 'query ($id: ID!) { node(id: $id) { ... on CommvaultTriggeredAlert { alertId criterion } } }', { id: toGlobalId('CommvaultTriggeredAlert', CV, a.id) });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.node).toEqual({ alertId: a.id, criterion: a.detectedCriterion });
  });
});

describe('fields filled from the calls that carry them', () => {
  const CLIENTS = (fields: string) => `{ commvaultClients(first: 50) { edges { node { clientId ${fields} } } } }`;
  const byName = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' });

  it('answers client OS name and version from one V4 server list, and descriptions from one detail call per client', async () => {
    const clients = [...cv.data.clients].sort((a, b) => byName(a.clientName, b.clientName) || a.clientId - b.clientId).slice(0, 50);
    const text = CLIENTS('osName version description');
    const estimate = await estimateOf(text);
    resetSims();
    const res = await query(cold, text);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.commvaultClients.edges.map((e: any) => e.node)).toEqual(
      clients.map((c) => ({ clientId: c.clientId, osName: c.osName, version: c.version, description: c.description === '' ? null : c.description })),
    );
    expect(clients.some((c) => c.description === '')).toBe(true);
    expect(callsMade()).toEqual({ 'GET /Client': 1, 'GET /V4/Servers': 1, 'GET /Client/{id}': 50 });
    expect(estimate).toBeGreaterThanOrEqual(52);
  });

  it('makes no detail call when none of those fields is selected, and one V4 call for OS and version', async () => {
    resetSims();
    expect((await query(cold, CLIENTS('name'))).body.errors).toBeUndefined();
    expect(callsMade()).toEqual({ 'GET /Client': 1 });
    resetSims();
    expect((await query(cold, CLIENTS('osName version'))).body.errors).toBeUndefined();
    expect(callsMade()).toEqual({ 'GET /Client': 1, 'GET /V4/Servers': 1 });
  });

  it('answers a console job\'s sizeBytes from its virtualsize', async () => {
    const res = await query(gw, `query ($u: [ID!]) { jobs(first: 100, filter: { upstream: $u, category: FINISHED }) { edges { node { ... on BackupDrJob { consoleId sizeBytes } } } } }`, { u: [BDR] });
    expect(res.body.errors).toBeUndefined();
    const jobs = new Map(bdr.data.jobs.map((j) => [j.id, j]));
    const nodes = res.body.data.jobs.edges.map((e: any) => e.node);
    expect(nodes).toHaveLength(100);
    for (const n of nodes) expect({ id: n.consoleId, sizeBytes: n.sizeBytes }).toEqual({ id: n.consoleId, sizeBytes: jobs.get(n.consoleId)!.virtualsize });
    expect(nodes.some((n: any) => n.sizeBytes > 0)).toBe(true);
  });
});
