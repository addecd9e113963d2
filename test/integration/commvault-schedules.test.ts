import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import 'reflect-metadata';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import type { SimScheduleTask } from '../../simulators/commvault/data/types.js';
import { parseConfig } from '../../src/config/load.js';
import { createGateway, type Gateway } from '../../src/gateway.js';
import { toGlobalId } from '../../src/util/global-id.js';

/**
 * Schedules end to end: real HTTP to a gateway, real HTTP from it to the Commvault simulator, whose
 * CommServe reports the Windows zone "(UTC-05:00) Eastern Time (US & Canada)". Expectations come from the
 * simulator's state, and run times from the US Eastern rules written out here (not the gateway's code).
 */
const CV = 'cv';
const CV_SLOW = 'cv-slow';
const ADMIN = 'k-admin';
const HOUR_MS = 3_600_000;
const DAY_S = 86_400;

let sim: CommvaultSimulator;
let gateway: Gateway;
let url: string;
const auditLines: Array<Record<string, any>> = [];

async function gql(query: string, variables: Record<string, unknown> = {}): Promise<{ data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as never;
}

/**
 * US Eastern time (the simulator's CommServe), by the rules since 2007: UTC−4 from the second Sunday of
 * March 02:00 local (07:00Z) to the first Sunday of November 02:00 local (06:00Z), else UTC−5.
 */
function easternOffsetHours(instantMs: number): number {
  const year = new Date(instantMs).getUTCFullYear();
  const nthSunday = (month: number, n: number): number => {
    const firstWeekday = new Date(Date.UTC(year, month, 1)).getUTCDay();
    return 1 + ((7 - firstWeekday) % 7) + (n - 1) * 7;
  };
  const dstStart = Date.UTC(year, 2, nthSunday(2, 2), 7);
  const dstEnd = Date.UTC(year, 10, nthSunday(10, 1), 6);
  return instantMs >= dstStart && instantMs < dstEnd ? -4 : -5;
}

/** The instant Eastern wall clock shows `hour`:00 on the civil date y-m-d (hours not in a DST gap). */
function easternInstant(y: number, m: number, d: number, hour: number): Date {
  const wall = Date.UTC(y, m - 1, d, hour);
  // Try the standard offset first; a summer date needs the daylight one.
  for (const offset of [-5, -4]) {
    const at = wall - offset * HOUR_MS;
    if (easternOffsetHours(at) === offset) return new Date(at);
  }
  throw new Error('no such wall time');
}

const SCHEDULE = 'id taskId taskName taskType enabled scheduleId name kind operationType frequency backupLevel timeZone description upstreamNextRunAt';
const PATTERN = 'pattern { freqType freqInterval freqRecurrenceFactor freqRelativeInterval freqSubdayInterval activeStartDate activeStartTime activeEndDate activeEndTime timeZoneName }';

function seededTask(predicate: (t: SimScheduleTask) => boolean): SimScheduleTask {
  const found = sim.data.schedules.find(predicate);
  if (!found) throw new Error('seed lacks the schedule');
  return found;
}

beforeAll(async () => {
  sim = await startCommvaultSimulator({ port: 0 });
  const config = parseConfig(
    {
      callers: [{ id: 'admin', apiKey: ADMIN, role: 'admin' }],
      logLevel: 'info',
      server: { port: 0 },
      upstreams: [
        { id: CV, kind: 'commvault', url: sim.url, username: 'admin', password: 'admin' },
        // The same simulator with a timeout the afterWrite fault outlasts.
        { id: CV_SLOW, kind: 'commvault', url: sim.url, username: 'admin', password: 'admin', timeoutMs: 400, rateLimit: { queueTimeoutMs: 200 } },
      ],
    },
    {},
  );
  const logger = pino({ level: 'info' }, { write: (line: string) => auditLines.push(JSON.parse(line)) });
  gateway = await createGateway(config, { logger });
  url = await gateway.listen();
});

afterAll(async () => {
  await gateway?.stop();
  await sim?.close();
});

beforeEach(() => {
  sim.reset();
  auditLines.length = 0;
});

describe('schedules, read', () => {
  it('lists a subclient\'s schedules as the simulator holds them, each next run where the CommServe says', async () => {
    const task = seededTask((t) => t.taskType === 2 && t.subTasks.length === 2);
    const subclientId = task.associations[0]!.subclientId!;
    const res = await gql(`query($id: Int!) { commvaultSubclient(upstream: "${CV}", subclientId: $id) { schedules { ${SCHEDULE} ${PATTERN} nextRuns(count: 1) { at local } } } }`, { id: subclientId });
    expect(res.errors).toBeUndefined();
    const schedules = res.data.commvaultSubclient.schedules;
    expect(schedules.map((s: any) => [s.taskId, s.scheduleId, s.name, s.backupLevel, s.kind, s.enabled])).toEqual(
      task.subTasks.map((s) => [task.taskId, s.subTaskId, s.subTaskName, (s.options.backupOpts as any).backupLevel, 'BACKUP', true]),
    );
    expect(schedules[0]).toMatchObject({
      id: toGlobalId('CommvaultSchedule', CV, `${task.taskId}.${task.subTasks[0]!.subTaskId}`),
      frequency: 'WEEKLY', timeZone: 'America/New_York', description: expect.stringMatching(/^Every week on Sunday at 02:00/),
      pattern: { freqType: 8, freqInterval: 1, activeStartTime: 7200, timeZoneName: 'CommServe Time Zone' },
    });
    expect(schedules[1]).toMatchObject({ frequency: 'MONTHLY_RELATIVE', description: expect.stringMatching(/^Every month on the last Friday at 22:00/) });
    for (const s of schedules) expect(s.nextRuns[0].at).toBe(s.upstreamNextRunAt);
  });

  it('a client\'s schedules include its subclients\'; a plan\'s come from its schedule policy', async () => {
    const task = seededTask((t) => t.taskType === 2 && t.subTasks.length === 1 && !t.isSystem);
    const clientId = task.associations[0]!.clientId;
    const plan = sim.data.plans[0]!;
    const res = await gql(`query($clientId: Int!) { commvaultClient(upstream: "${CV}", clientId: $clientId) { schedules { taskId scheduleId } } }`, { clientId });
    expect(res.errors).toBeUndefined();
    const expected = sim.data.schedules.filter((t) => t.associations.some((a) => a.clientId === clientId)).flatMap((t) => t.subTasks.map((s) => ({ taskId: t.taskId, scheduleId: s.subTaskId })));
    expect(res.data.commvaultClient.schedules).toEqual(expected);
    const plans = await gql(`{ commvaultPlans(upstream: "${CV}") { planId schedules { taskId taskType scheduleId name kind frequency flags nextRuns(count: 2) { at } upstreamNextRunAt } } }`);
    expect(plans.errors).toBeUndefined();
    const policy = seededTask((t) => t.planId === plan.planId);
    const planSchedules = plans.data.commvaultPlans.find((p: any) => p.planId === plan.planId).schedules;
    expect(planSchedules.map((s: any) => [s.taskId, s.taskType, s.scheduleId, s.name, s.flags])).toEqual(policy.subTasks.map((s) => [policy.taskId, 4, s.subTaskId, s.subTaskName, s.flags]));
    expect(planSchedules.map((s: any) => [s.kind, s.frequency])).toEqual([['BACKUP', 'DAILY'], ['BACKUP', 'WEEKLY']]);
    // The full backup: Saturdays 21:00 Eastern (the policy detail states no next run: computed here).
    const saturdays: string[] = [];
    for (let d = new Date(); saturdays.length < 2; d = new Date(d.getTime() + DAY_S * 1000)) {
      const at = easternInstant(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 21);
      if (d.getUTCDay() === 6 && at.getTime() > Date.now()) saturdays.push(at.toISOString());
    }
    expect(planSchedules[1].nextRuns.map((r: any) => r.at)).toEqual(saturdays);
  });

  it('one schedule by id; an unknown one is null, a malformed id BAD_USER_INPUT without an upstream call', async () => {
    const aging = seededTask((t) => t.isSystem);
    const res = await gql(`query($id: ID!, $gone: ID!) { one: commvaultSchedule(id: $id) { taskName kind frequency isSystem description } gone: commvaultSchedule(id: $gone) { id } }`, {
      id: toGlobalId('CommvaultSchedule', CV, `${aging.taskId}.${aging.subTasks[0]!.subTaskId}`),
      gone: toGlobalId('CommvaultSchedule', CV, '99999.1'),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ one: { taskName: aging.taskName, kind: 'DATA_AGING', frequency: 'DAILY', isSystem: true, description: expect.stringMatching(/^Every day at 12:00/) }, gone: null });
    const calls = sim.calls('GET /Schedules/{id}');
    const bad = await gql('query($id: ID!) { commvaultSchedule(id: $id) { id } }', { id: toGlobalId('CommvaultSchedulePolicy', CV, '1.2') });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(sim.calls('GET /Schedules/{id}')).toBe(calls);
  });
});
