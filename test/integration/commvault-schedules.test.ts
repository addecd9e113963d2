import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import 'reflect-metadata';
import type { CommvaultSimulator } from '../../simulators/commvault/index.js';
import type { SimScheduleTask } from '../../simulators/commvault/data/types.js';
import { toGlobalId } from '../../src/util/global-id.js';
import { useAuditedCommvaultGateway } from '../helpers/audited-commvault-gateway.js';
import { commvaultUpstream, startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { provideTestRedis } from '../helpers/redis-server.js';
import { within } from '../helpers/within.js';

/**
 * Schedules end to end: real HTTP to a gateway, real HTTP from it to the Commvault simulator, whose
 * CommServe reports the Windows zone "(UTC-05:00) Eastern Time (US & Canada)". Expectations come from the
 * simulator's state, and run times from the US Eastern rules written out here (not the gateway's code).
 */
const CV = 'cv';
const CV_SLOW = 'cv-slow';
const HOUR_MS = 3_600_000;
const DAY_S = 86_400;

let sim: CommvaultSimulator;
const auditLines: Array<Record<string, any>> = [];
// CV_SLOW: the same simulator with a timeout the afterWrite fault outlasts.
const cv = useAuditedCommvaultGateway({ auditLines, upstreamId: CV, slowTwin: { id: CV_SLOW, timeoutMs: 1_000 } });
beforeAll(() => {
  sim = cv.sim;
});

const gql = cv.gql;

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

const RUNS_BY_ID = `query($id: ID!, $count: Int!) { commvaultSchedule(id: $id) { description pattern { exceptDaysOfMonth } nextRuns(count: $count) { at } } }`;
const SCHEDULE = 'id taskId taskName taskType enabled scheduleId name kind operationType frequency backupLevel timeZone description upstreamNextRunAt';
const PATTERN = 'pattern { freqType freqInterval freqRecurrenceFactor freqRelativeInterval freqSubdayInterval activeStartDate activeStartTime activeEndDate activeEndTime timeZoneName }';

function seededTask(predicate: (t: SimScheduleTask) => boolean): SimScheduleTask {
  const found = sim.data.schedules.find(predicate);
  if (!found) throw new Error('seed lacks the schedule');
  return found;
}

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

  it('a seeded schedule with exceptions skips its excepted days of the month in nextRuns, as the CommServe\'s own next run does', async () => {
    const task = seededTask((t) => t.subTasks.some((s) => Array.isArray(s.pattern.repeatPattern)));
    const sub = task.subTasks[0]!;
    // Decoded here: day d is bit d−1 of onDayNumber.
    const mask = (sub.pattern.repeatPattern as Array<{ exception: boolean; onDayNumber: number }>).filter((e) => e.exception).reduce((m, e) => m | e.onDayNumber, 0);
    const excepted = Array.from({ length: 31 }, (_, i) => i + 1).filter((d) => (mask & (1 << (d - 1))) !== 0);
    expect(excepted.length).toBeGreaterThan(0);
    const hour = Number(sub.pattern.active_start_time) / 3600;
    // Daily at `hour` Eastern; 20 runs span more than the 16 days between two excepted days, so some are skipped.
    const expected: string[] = [];
    for (let d = new Date(Date.now() - DAY_S * 1000); expected.length < 20; d = new Date(d.getTime() + DAY_S * 1000)) {
      const at = easternInstant(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), hour);
      if (at.getTime() > Date.now() && !excepted.includes(d.getUTCDate())) expected.push(at.toISOString());
    }
    const res = await gql(RUNS_BY_ID, { id: toGlobalId('CommvaultSchedule', CV, `${task.taskId}.${sub.subTaskId}`), count: 20 });
    expect(res.errors).toBeUndefined();
    expect(res.data.commvaultSchedule.pattern.exceptDaysOfMonth).toEqual(excepted);
    expect(res.data.commvaultSchedule.description).toMatch(/, except on days 1 and 15 of the month$/);
    expect(res.data.commvaultSchedule.nextRuns.map((r: any) => r.at)).toEqual(expected);
    const listed = await gql(`query($id: Int!) { commvaultSubclient(upstream: "${CV}", subclientId: $id) { schedules { scheduleId upstreamNextRunAt } } }`, { id: task.associations[0]!.subclientId });
    expect(listed.data.commvaultSubclient.schedules).toEqual([{ scheduleId: sub.subTaskId, upstreamNextRunAt: expected[0] }]);
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

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateCommvaultScheduleInput!, $key: String) {
    createCommvaultSchedule(input: $input, idempotencyKey: $key) { id taskId scheduleId schedule { name backupLevel enabled frequency pattern { freqType freqInterval activeStartDate activeStartTime } } }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation Update($id: ID!, $input: UpdateCommvaultScheduleInput!) { updateCommvaultSchedule(id: $id, input: $input) { id schedule { name backupLevel frequency } } }
`;
const DELETE = /* GraphQL */ `mutation Delete($id: ID!) { deleteCommvaultSchedule(id: $id) { id taskId scheduleId } }`;
const ENABLE = /* GraphQL */ `mutation Enable($id: ID!, $enabled: Boolean!) { setCommvaultScheduleEnabled(id: $id, enabled: $enabled) { id schedule { enabled } } }`;
const RUNS = `query($id: ID!, $count: Int!) { commvaultSchedule(id: $id) { name enabled frequency description nextRuns(count: $count) { at local } upstreamNextRunAt } }`;

/** A subclient of the admin's CommCell with no seeded schedule. */
function plainSubclient(upstream = CV): { subclientId: number; id: string } {
  const scheduled = new Set(sim.data.schedules.flatMap((t) => t.associations.map((a) => a.subclientId)));
  const sc = sim.data.subclients.find((s) => !scheduled.has(s.subclientId) && sim.data.clients.find((c) => c.clientId === s.clientId)?.companyId === 0)!;
  return { subclientId: sc.subclientId, id: toGlobalId('CommvaultSubclient', upstream, sc.subclientId) };
}

const DAILY_2100_MARCH = { frequency: 'DAILY', startDate: '2027-03-12', startTime: '21:00' };

describe('schedules, changed', () => {
  it('a schedule created through the graph comes back from the next read with its next three runs, Eastern time across the March change', async () => {
    const { subclientId, id } = plainSubclient();
    const list = `query($id: Int!) { commvaultSubclient(upstream: "${CV}", subclientId: $id) { schedules { id name nextRuns(count: 3) { at local } upstreamNextRunAt } } }`;
    // Read (and cache) the empty list first: the creation must drop it.
    expect((await gql(list, { id: subclientId })).data.commvaultSubclient.schedules).toEqual([]);
    const res = await gql(CREATE, { input: { subclient: id, name: 'Nightly incremental', pattern: DAILY_2100_MARCH } });
    expect(res.errors).toBeUndefined();
    const created = res.data.createCommvaultSchedule;
    expect(created.schedule).toEqual({
      name: 'Nightly incremental', backupLevel: 'Incremental', enabled: true, frequency: 'DAILY',
      pattern: { freqType: 4, freqInterval: 0, activeStartDate: Date.UTC(2027, 2, 12) / 1000, activeStartTime: 21 * 3600 },
    });
    const task = sim.data.schedules.find((t) => t.taskId === created.taskId)!;
    expect(task.associations).toEqual([expect.objectContaining({ subclientId })]);

    const expected = [easternInstant(2027, 3, 12, 21), easternInstant(2027, 3, 13, 21), easternInstant(2027, 3, 14, 21)].map((d) => d.toISOString());
    // Written out: 21:00 EST is 02:00Z the next day, 21:00 EDT (from 14 March) 01:00Z.
    expect(expected).toEqual(['2027-03-13T02:00:00.000Z', '2027-03-14T02:00:00.000Z', '2027-03-15T01:00:00.000Z']);
    const after = await gql(list, { id: subclientId });
    expect(after.errors).toBeUndefined();
    const [schedule] = after.data.commvaultSubclient.schedules;
    expect(schedule).toEqual({
      id: created.id, name: 'Nightly incremental', upstreamNextRunAt: expected[0],
      nextRuns: [
        { at: expected[0], local: '2027-03-12T21:00:00-05:00' }, { at: expected[1], local: '2027-03-13T21:00:00-05:00' }, { at: expected[2], local: '2027-03-14T21:00:00-04:00' },
      ],
    });
    const line = auditLines.find((l) => l.component === 'audit' && l.operation === 'createCommvaultSchedule');
    expect(line).toMatchObject({ caller: 'admin', role: 'admin', outcome: 'ok', targets: [id], taskId: created.taskId, scheduleId: created.scheduleId });
  });

  it('a schedule created with excepted days stores them in the real shape and its next runs skip them across the March change', async () => {
    const { id: subclient } = plainSubclient();
    // Daily 21:00 from 12 March 2027, except the 14th (the change day) and the 16th.
    const res = await gql(CREATE, { input: { subclient, name: 'With exceptions', pattern: { ...DAILY_2100_MARCH, exceptDaysOfMonth: [14, 16] } } });
    expect(res.errors).toBeUndefined();
    const created = res.data.createCommvaultSchedule;
    const task = sim.data.schedules.find((t) => t.taskId === created.taskId)!;
    expect(task.subTasks[0]!.pattern.repeatPattern).toEqual([{ exception: true, onDayNumber: (1 << 13) | (1 << 15) }]);
    const runs = await gql(RUNS, { id: created.id, count: 3 });
    expect(runs.errors).toBeUndefined();
    const expected = [easternInstant(2027, 3, 12, 21), easternInstant(2027, 3, 13, 21), easternInstant(2027, 3, 15, 21)].map((d) => d.toISOString());
    expect(runs.data.commvaultSchedule.nextRuns.map((r: any) => r.at)).toEqual(expected);
  });

  it('modify replaces the pattern (the next read runs across the November change), disable and enable act on the task, delete removes it', async () => {
    const { id: subclient } = plainSubclient();
    const created = (await gql(CREATE, { input: { subclient, name: 'To change', backupLevel: 'FULL', pattern: DAILY_2100_MARCH } })).data.createCommvaultSchedule;
    const task = sim.data.schedules.find((t) => t.taskId === created.taskId)!;
    expect((await gql(RUNS, { id: created.id, count: 1 })).data.commvaultSchedule.frequency).toBe('DAILY');

    const weekly = { frequency: 'WEEKLY', weekDays: ['SUNDAY', 'WEDNESDAY'], startDate: '2027-10-27', startTime: '21:00' };
    const changed = await gql(UPDATE, { id: created.id, input: { name: 'Twice a week', backupLevel: 'DIFFERENTIAL', pattern: weekly } });
    expect(changed.errors).toBeUndefined();
    expect(changed.data.updateCommvaultSchedule).toEqual({ id: created.id, schedule: { name: 'Twice a week', backupLevel: 'Differential', frequency: 'WEEKLY' } });
    expect(task.subTasks[0]!.pattern).toMatchObject({ freq_type: 8, freq_interval: 1 + 8 });
    const runs = await gql(RUNS, { id: created.id, count: 4 });
    expect(runs.data.commvaultSchedule.description).toBe('Every week on Sunday and Wednesday at 21:00, from 2027-10-27');
    expect(runs.data.commvaultSchedule.nextRuns.map((r: any) => r.at)).toEqual(
      [[2027, 10, 27], [2027, 10, 31], [2027, 11, 3], [2027, 11, 7]].map(([y, m, d]) => easternInstant(y!, m!, d!, 21).toISOString()),
    );

    const off = await gql(ENABLE, { id: created.id, enabled: false });
    expect(off.errors).toBeUndefined();
    expect(off.data.setCommvaultScheduleEnabled.schedule).toEqual({ enabled: false });
    expect(task.disabled).toBe(true);
    expect((await gql(RUNS, { id: created.id, count: 1 })).data.commvaultSchedule.enabled).toBe(false);
    expect((await gql(ENABLE, { id: created.id, enabled: true })).data.setCommvaultScheduleEnabled.schedule).toEqual({ enabled: true });
    expect(task.disabled).toBe(false);

    const gone = await gql(DELETE, { id: created.id });
    expect(gone.errors).toBeUndefined();
    expect(gone.data.deleteCommvaultSchedule).toEqual({ id: created.id, taskId: created.taskId, scheduleId: created.scheduleId });
    expect(sim.data.schedules.some((t) => t.taskId === created.taskId)).toBe(false);
    expect((await gql(RUNS, { id: created.id, count: 1 })).data.commvaultSchedule).toBeNull();
    expect(auditLines.filter((l) => l.component === 'audit').map((l) => [l.operation, l.caller, l.outcome])).toEqual([
      ['createCommvaultSchedule', 'admin', 'ok'], ['updateCommvaultSchedule', 'admin', 'ok'], ['setCommvaultScheduleEnabled', 'admin', 'ok'],
      ['setCommvaultScheduleEnabled', 'admin', 'ok'], ['deleteCommvaultSchedule', 'admin', 'ok'],
    ]);
  });

  it('bad input never reaches the CommServe: a bad pattern or id is BAD_USER_INPUT, an unknown schedule NOT_FOUND', async () => {
    const { id: subclient } = plainSubclient();
    const writes = () => sim.calls('POST /CreateTask') + sim.calls('POST /QCommand/qoperation execute') + sim.calls('POST /Schedules/task/Action/Disable');
    const codes = async (query: string, variables: Record<string, unknown>) => (await gql(query, variables)).errors?.map((e) => e.extensions?.code);
    expect(await codes(CREATE, { input: { subclient, name: 'x', pattern: { ...DAILY_2100_MARCH, startTime: '25:00' } } })).toEqual(['BAD_USER_INPUT']);
    expect(await codes(CREATE, { input: { subclient, name: 'x', pattern: { frequency: 'WEEKLY', startDate: '2027-02-30', startTime: '01:00', weekDays: ['MONDAY'] } } })).toEqual(['BAD_USER_INPUT']);
    expect(await codes(CREATE, { input: { subclient, name: 'x', pattern: { frequency: 'AUTOMATIC', startDate: '2027-03-01', startTime: '01:00' } } })).toEqual(['BAD_USER_INPUT']);
    expect(await codes(CREATE, { input: { subclient, name: 'x', pattern: { frequency: 'MONTHLY', startDate: '2027-03-01', startTime: '01:00' } } })).toEqual(['BAD_USER_INPUT']);
    expect(await codes(CREATE, { input: { subclient: toGlobalId('CommvaultClient', CV, 2), name: 'x', pattern: DAILY_2100_MARCH } })).toEqual(['BAD_USER_INPUT']);
    expect(await codes(CREATE, { input: { subclient: toGlobalId('CommvaultSubclient', CV, 987654), name: 'x', pattern: DAILY_2100_MARCH } })).toEqual(['NOT_FOUND']);
    const unknown = toGlobalId('CommvaultSchedule', CV, '99999.1');
    expect(await codes(UPDATE, { id: unknown, input: { name: 'y' } })).toEqual(['NOT_FOUND']);
    expect(await codes(DELETE, { id: unknown })).toEqual(['NOT_FOUND']);
    expect(await codes(ENABLE, { id: unknown, enabled: false })).toEqual(['NOT_FOUND']);
    expect(await codes(DELETE, { id: 'not-an-id' })).toEqual(['BAD_USER_INPUT']);
    expect(await codes(CREATE, { input: { name: 'x', pattern: DAILY_2100_MARCH } })).toEqual(['BAD_USER_INPUT']);
    expect(writes()).toBe(0);
    expect(auditLines.filter((l) => l.component === 'audit')).toEqual([]);
  });

  it('an idempotency key creates once; a lost answer is UPSTREAM_UNCERTAIN after exactly one call, and the cached list is dropped all the same', async () => {
    const { id: subclient } = plainSubclient();
    const input = { subclient, name: 'Once', pattern: DAILY_2100_MARCH };
    const first = await gql(CREATE, { input, key: 'sched-once-1' });
    const again = await gql(CREATE, { input, key: 'sched-once-1' });
    expect(again.data).toEqual(first.data);
    expect(sim.calls('POST /CreateTask')).toBe(1);

    const slow = plainSubclient(CV_SLOW);
    const list = `query($id: Int!) { commvaultSubclient(upstream: "${CV_SLOW}", subclientId: $id) { schedules { name } } }`;
    const before = (await gql(list, { id: slow.subclientId })).data.commvaultSubclient.schedules;
    sim.setFaults({ afterWrite: { count: 1, delayMs: 2_500 } });
    const lost = await gql(CREATE, { input: { subclient: slow.id, name: 'Lost answer', pattern: DAILY_2100_MARCH } });
    expect(lost.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_UNCERTAIN']);
    expect(sim.calls('POST /CreateTask')).toBe(2);
    await new Promise((r) => setTimeout(r, 1_600));
    const after = (await gql(list, { id: slow.subclientId })).data.commvaultSubclient.schedules;
    expect(after.map((s: any) => s.name)).toEqual([...before.map((s: any) => s.name), 'Lost answer']);
    expect(sim.calls('POST /CreateTask')).toBe(2);
  });
});

const RPO_PUT = 'PUT /V4/ServerPlan/{id}/RPO';
const PLAN_READ = `query($plan: ID!, $after: DateTime) { node(id: $plan) { ... on CommvaultPlan {
  schedules { id taskId scheduleId name backupLevel frequency pattern { exceptDaysOfMonth } nextRuns(count: 3, after: $after) { at } }
  rpoSchedules { scheduleId policyId name backupType frequencyType frequency weeklyDays startSeconds exceptDaysOfMonth }
} } }`;

describe('plan schedules, changed through the plan\'s RPO', () => {
  it('modify, create and delete go to PUT /V4/ServerPlan/{id}/RPO, never task messages; the next plan reads show each change', async () => {
    const plan = sim.data.plans[0]!;
    const policy = seededTask((t) => t.taskType === 4 && t.planId === plan.planId);
    const incremental = policy.subTasks[0]!;
    const read = async () => {
      const res = await gql(PLAN_READ, { plan: toGlobalId('CommvaultPlan', CV, plan.planId), after: '2027-03-01T00:00:00Z' });
      expect(res.errors).toBeUndefined();
      return res.data.node;
    };
    // Read (and cache) first: the change must drop both plan reads.
    expect((await read()).schedules.map((s: any) => s.scheduleId)).toEqual(policy.subTasks.map((s) => s.subTaskId));
    const id = toGlobalId('CommvaultSchedule', CV, `${policy.taskId}.${incremental.subTaskId}`);
    const pattern = { frequency: 'WEEKLY', weekDays: ['MONDAY', 'THURSDAY'], startDate: '2027-03-08', startTime: '22:00', exceptDaysOfMonth: [11] };
    const changed = await gql(UPDATE, { id, input: { name: 'Twice weekly', backupLevel: 'DIFFERENTIAL', pattern } });
    expect(changed.errors).toBeUndefined();
    expect(changed.data.updateCommvaultSchedule).toEqual({ id, schedule: { name: 'Twice weekly', backupLevel: 'Differential', frequency: 'WEEKLY' } });
    expect([sim.calls(RPO_PUT), sim.calls('POST /QCommand/qoperation execute')]).toEqual([1, 0]);
    // The simulator's policy holds it in the legacy form: Monday 2 + Thursday 16, the 11th as bit 10.
    expect(policy.subTasks[0]!.pattern).toMatchObject({ freq_type: 8, freq_interval: 18, active_start_time: 79_200, repeatPattern: [{ exception: true, onDayNumber: 1 << 10 }] });

    const after = await read();
    // Mondays and Thursdays at 22:00 Eastern from 8 March 2027: the 11th is excepted; the 15th and 18th are past the change to EDT.
    expect(after.schedules[0]).toEqual({
      id, taskId: policy.taskId, scheduleId: incremental.subTaskId, name: 'Twice weekly', backupLevel: 'Differential', frequency: 'WEEKLY',
      pattern: { exceptDaysOfMonth: [11] },
      nextRuns: [easternInstant(2027, 3, 8, 22), easternInstant(2027, 3, 15, 22), easternInstant(2027, 3, 18, 22)].map((d) => ({ at: d.toISOString() })),
    });
    expect(after.rpoSchedules[0]).toEqual({
      scheduleId: incremental.subTaskId, policyId: policy.taskId, name: 'Twice weekly', backupType: 'DIFFERENTIAL', frequencyType: 'WEEKLY', frequency: 1,
      weeklyDays: ['MONDAY', 'THURSDAY'], startSeconds: 79_200, exceptDaysOfMonth: [11],
    });

    const made = await gql(CREATE, { input: { plan: toGlobalId('CommvaultPlan', CV, plan.planId), name: 'Month-end synthetic', backupLevel: 'SYNTHETIC_FULL', pattern: { frequency: 'MONTHLY_RELATIVE', relativeWeek: 'LAST', relativeDay: 'SUNDAY', startDate: '2027-01-01', startTime: '04:00' } } });
    expect(made.errors).toBeUndefined();
    const added = policy.subTasks[policy.subTasks.length - 1]!;
    expect(made.data.createCommvaultSchedule).toMatchObject({
      id: toGlobalId('CommvaultSchedule', CV, `${policy.taskId}.${added.subTaskId}`), taskId: policy.taskId, scheduleId: added.subTaskId,
      schedule: { name: 'Month-end synthetic', backupLevel: 'Synthetic_full', frequency: 'MONTHLY_RELATIVE', pattern: { freqType: 32, freqInterval: 1 } },
    });
    expect(added.pattern).toMatchObject({ freq_type: 32, freq_relative_interval: 5, freq_interval: 1, active_start_time: 14_400 });
    const withNew = await read();
    // The last Sundays of March, April and May 2027 at 04:00 Eastern (EDT).
    expect(withNew.schedules.at(-1).nextRuns).toEqual([easternInstant(2027, 3, 28, 4), easternInstant(2027, 4, 25, 4), easternInstant(2027, 5, 30, 4)].map((d) => ({ at: d.toISOString() })));
    expect(withNew.rpoSchedules.at(-1)).toMatchObject({ name: 'Month-end synthetic', backupType: 'SYNTHETICFULL', frequencyType: 'MONTHLY' });

    const gone = await gql(DELETE, { id: made.data.createCommvaultSchedule.id });
    expect(gone.errors).toBeUndefined();
    expect(policy.subTasks.map((s) => s.subTaskId)).not.toContain(added.subTaskId);
    expect((await read()).rpoSchedules.map((s: any) => s.scheduleId)).toEqual(policy.subTasks.map((s) => s.subTaskId));
    expect([sim.calls(RPO_PUT), sim.calls('POST /QCommand/qoperation execute')]).toEqual([3, 0]);
    expect(auditLines.filter((l) => l.component === 'audit').map((l) => [l.operation, l.caller, l.outcome])).toEqual([
      ['updateCommvaultSchedule', 'admin', 'ok'], ['createCommvaultSchedule', 'admin', 'ok'], ['deleteCommvaultSchedule', 'admin', 'ok'],
    ]);
  });

  it('an unknown plan or plan schedule is NOT_FOUND, a one-time plan schedule or a disabled one BAD_USER_INPUT; nothing is sent', async () => {
    const plan = sim.data.plans[0]!;
    const policy = seededTask((t) => t.taskType === 4 && t.planId === plan.planId);
    const codes = async (query: string, variables: Record<string, unknown>) => (await gql(query, variables)).errors?.map((e) => e.extensions?.code);
    const planId = toGlobalId('CommvaultPlan', CV, plan.planId);
    expect(await codes(CREATE, { input: { plan: toGlobalId('CommvaultPlan', CV, 987_654), name: 'x', pattern: DAILY_2100_MARCH } })).toEqual(['NOT_FOUND']);
    expect(await codes(CREATE, { input: { plan: planId, name: 'x', pattern: { frequency: 'ONE_TIME', startDate: '2027-03-01', startTime: '01:00' } } })).toEqual(['BAD_USER_INPUT']);
    expect(await codes(CREATE, { input: { plan: planId, name: 'x', enabled: false, pattern: DAILY_2100_MARCH } })).toEqual(['BAD_USER_INPUT']);
    expect(await codes(CREATE, { input: { plan: planId, subclient: plainSubclient().id, name: 'x', pattern: DAILY_2100_MARCH } })).toEqual(['BAD_USER_INPUT']);
    const planSchedule = toGlobalId('CommvaultSchedule', CV, `${policy.taskId}.${policy.subTasks[0]!.subTaskId}`);
    expect(await codes(UPDATE, { id: planSchedule, input: { pattern: { frequency: 'ONE_TIME', startDate: '2027-03-01', startTime: '01:00' } } })).toEqual(['BAD_USER_INPUT']);
    expect(await codes(DELETE, { id: toGlobalId('CommvaultSchedule', CV, `${policy.taskId}.999999`) })).toEqual(['NOT_FOUND']);
    expect(sim.calls(RPO_PUT)).toBe(0);
    expect(policy.subTasks).toHaveLength(2);
  });
});

/** The Sundays (UTC-dated civil days) of `y`-`m` (1–12), e.g. [7, 14, 21, 28]; worked out from the calendar here. */
function sundaysOf(y: number, m: number): number[] {
  const days: number[] = [];
  for (let d = 1; d <= new Date(Date.UTC(y, m, 0)).getUTCDate(); d += 1) if (new Date(Date.UTC(y, m - 1, d)).getUTCDay() === 0) days.push(d);
  return days;
}

const PLAN_WEEKDAYS = `query($plan: ID!, $after: DateTime) { node(id: $plan) { ... on CommvaultPlan {
  schedules { scheduleId description pattern { exceptWeekdaysOfMonth { week day } } nextRuns(count: 3, after: $after) { at } }
  rpoSchedules { scheduleId exceptWeekdaysOfMonth { week day } }
} } }`;

describe('plan schedules with weekdays of the month excepted (V4 exceptions by week)', () => {
  it('a seeded plan schedule that skips the last Sunday shows it in both plan reads, and its next runs leave those Sundays out', async () => {
    const plan = sim.data.plans[1]!;
    const policy = seededTask((t) => t.taskType === 4 && t.planId === plan.planId);
    const sub = policy.subTasks.find((s) => s.weekExceptions !== undefined)!;
    expect(sub.weekExceptions).toEqual([{ onWeekOfTheMonth: ['LAST'], onDayOfTheWeek: ['SUNDAY'] }]);
    // Just before Sunday 28 March 2027 (00:00 EDT = 04:00Z), March's last Sunday.
    const res = await gql(PLAN_WEEKDAYS, { plan: toGlobalId('CommvaultPlan', CV, plan.planId), after: '2027-03-28T03:59:59Z' });
    expect(res.errors).toBeUndefined();
    const read = res.data.node.schedules.find((s: any) => s.scheduleId === sub.subTaskId);
    expect(read.pattern.exceptWeekdaysOfMonth).toEqual([{ week: 'LAST', day: 'SUNDAY' }]);
    expect(read.description).toMatch(/, except on the last Sunday of the month$/);
    expect(res.data.node.rpoSchedules.find((s: any) => s.scheduleId === sub.subTaskId).exceptWeekdaysOfMonth).toEqual([{ week: 'LAST', day: 'SUNDAY' }]);
    // Read by id, the policy's schedule is found to be the plan's and shows the same.
    const byId = await gql(`query($id: ID!, $after: DateTime) { commvaultSchedule(id: $id) { pattern { exceptWeekdaysOfMonth { week day } } nextRuns(count: 3, after: $after) { at } } }`, {
      id: toGlobalId('CommvaultSchedule', CV, `${policy.taskId}.${sub.subTaskId}`), after: '2027-03-28T03:59:59Z',
    });
    expect(byId.errors).toBeUndefined();
    expect(byId.data.commvaultSchedule).toEqual({ pattern: { exceptWeekdaysOfMonth: [{ week: 'LAST', day: 'SUNDAY' }] }, nextRuns: read.nextRuns });
    // The schedule runs every day; March's last Sunday (the 28th, from the calendar) has no run, so the first
    // run after it starts is on Monday the 29th, Eastern.
    expect(sundaysOf(2027, 3).at(-1)).toBe(28);
    const first = Date.parse(read.nextRuns[0].at);
    const local = new Date(first + easternOffsetHours(first) * HOUR_MS);
    expect([local.getUTCMonth() + 1, local.getUTCDate()]).toEqual([3, 29]);
  });

  it('a plan schedule created with a week exception is kept by the CommServe and its next three runs skip those days, across the March change', async () => {
    const plan = sim.data.plans[0]!;
    const policy = seededTask((t) => t.taskType === 4 && t.planId === plan.planId);
    const made = await gql(CREATE, { input: {
      plan: toGlobalId('CommvaultPlan', CV, plan.planId), name: 'Sundays but two', backupLevel: 'FULL',
      pattern: { frequency: 'WEEKLY', weekDays: ['SUNDAY'], startDate: '2027-03-01', startTime: '21:00', exceptWeekdaysOfMonth: [{ week: 'SECOND', day: 'SUNDAY' }, { week: 'LAST', day: 'SUNDAY' }] },
    } });
    expect(made.errors).toBeUndefined();
    const added = policy.subTasks.at(-1)!;
    expect(added.subTaskName).toBe('Sundays but two');
    expect(added.weekExceptions).toEqual([{ onWeekOfTheMonth: ['SECOND'], onDayOfTheWeek: ['SUNDAY'] }, { onWeekOfTheMonth: ['LAST'], onDayOfTheWeek: ['SUNDAY'] }]);
    // Sundays of March and April 2027 but the second and the last of each month, at 21:00 Eastern (14 March is the change to EDT).
    const expected = [3, 4].flatMap((m) => {
      const sundays = sundaysOf(2027, m);
      return sundays.filter((d, i) => i !== 1 && i !== sundays.length - 1).map((d) => easternInstant(2027, m, d, 21).toISOString());
    }).slice(0, 3);
    const res = await gql(PLAN_WEEKDAYS, { plan: toGlobalId('CommvaultPlan', CV, plan.planId), after: '2027-03-01T00:00:00Z' });
    expect(res.errors).toBeUndefined();
    const read = res.data.node.schedules.find((s: any) => s.scheduleId === added.subTaskId);
    expect(read.pattern.exceptWeekdaysOfMonth).toEqual([{ week: 'SECOND', day: 'SUNDAY' }, { week: 'LAST', day: 'SUNDAY' }]);
    expect(read.nextRuns.map((r: any) => r.at)).toEqual(expected);
    expect(res.data.node.rpoSchedules.find((s: any) => s.scheduleId === added.subTaskId).exceptWeekdaysOfMonth).toEqual([{ week: 'SECOND', day: 'SUNDAY' }, { week: 'LAST', day: 'SUNDAY' }]);
    const gone = await gql(DELETE, { id: made.data.createCommvaultSchedule.id });
    expect(gone.errors).toBeUndefined();
  });

  it('weekdays of the month on a subclient\'s schedule, or an unknown day name, are BAD_USER_INPUT and nothing is sent', async () => {
    const plan = sim.data.plans[0]!;
    const [creates, puts] = [sim.calls('POST /CreateTask'), sim.calls(RPO_PUT)];
    const codes = async (input: Record<string, unknown>) => (await gql(CREATE, { input })).errors?.map((e) => e.extensions?.code);
    const pattern = { ...DAILY_2100_MARCH, exceptWeekdaysOfMonth: [{ week: 'LAST', day: 'SUNDAY' }] };
    expect(await codes({ subclient: plainSubclient().id, name: 'x', pattern })).toEqual(['BAD_USER_INPUT']);
    expect(await codes({ plan: toGlobalId('CommvaultPlan', CV, plan.planId), name: 'x', pattern: { ...DAILY_2100_MARCH, exceptWeekdaysOfMonth: [{ week: 'LAST', day: 'SUNDAYS' }] } })).toEqual(['BAD_USER_INPUT']);
    expect([sim.calls('POST /CreateTask'), sim.calls(RPO_PUT)]).toEqual([creates, puts]);
  });
});

describe('schedule policies of their own, changed through PUT /Task', () => {
  it('modify and delete re-send the policy through PUT /Task; the client\'s next read shows each change; a plan\'s RPO is not touched', async () => {
    const policy = seededTask((t) => t.taskType === 4 && t.planId === undefined);
    const [weekly, daily] = policy.subTasks as [typeof policy.subTasks[0], typeof policy.subTasks[0]];
    const clientId = policy.associations[0]!.clientId;
    const LIST = `query($id: Int!) { commvaultClient(upstream: "${CV}", clientId: $id) { schedules { id taskType scheduleId name backupLevel frequency nextRuns(count: 3, after: "2027-10-25T00:00:00Z") { at } } } }`;
    const listed = async () => {
      const res = await gql(LIST, { id: clientId });
      expect(res.errors).toBeUndefined();
      return res.data.commvaultClient.schedules.filter((s: any) => s.taskType === 4);
    };
    expect((await listed()).map((s: any) => s.scheduleId)).toEqual([weekly.subTaskId, daily.subTaskId]);
    const id = toGlobalId('CommvaultSchedule', CV, `${policy.taskId}.${weekly.subTaskId}`);
    const changed = await gql(UPDATE, { id, input: { name: 'Saturday full', backupLevel: 'SYNTHETIC_FULL', pattern: { frequency: 'WEEKLY', weekDays: ['SATURDAY'], startDate: '2027-10-25', startTime: '01:30' } } });
    expect(changed.errors).toBeUndefined();
    expect(changed.data.updateCommvaultSchedule).toEqual({ id, schedule: { name: 'Saturday full', backupLevel: 'Synthetic_full', frequency: 'WEEKLY' } });
    expect([sim.calls('PUT /Task'), sim.calls(RPO_PUT), sim.calls('POST /QCommand/qoperation execute')]).toEqual([1, 0, 0]);
    expect(policy.subTasks[0]).toMatchObject({ subTaskName: 'Saturday full', pattern: { freq_type: 8, freq_interval: 64, active_start_time: 5400 } });
    // Saturdays at 01:30 Eastern: 30 October and 6 November (EDT), 13 November (EST, after the change on the 7th).
    expect((await listed())[0]).toEqual({
      id, taskType: 4, scheduleId: weekly.subTaskId, name: 'Saturday full', backupLevel: 'Synthetic_full', frequency: 'WEEKLY',
      nextRuns: [[10, 30], [11, 6], [11, 13]].map(([m, d]) => ({ at: new Date(easternInstant(2027, m!, d!, 1).getTime() + 1_800_000).toISOString() })),
    });

    const gone = await gql(DELETE, { id: toGlobalId('CommvaultSchedule', CV, `${policy.taskId}.${daily.subTaskId}`) });
    expect(gone.errors).toBeUndefined();
    expect(policy.subTasks.map((s) => s.subTaskId)).toEqual([weekly.subTaskId]);
    expect((await listed()).map((s: any) => s.scheduleId)).toEqual([weekly.subTaskId]);
    expect(sim.calls('PUT /Task')).toBe(2);
    expect(auditLines.filter((l) => l.component === 'audit').map((l) => [l.operation, l.caller, l.outcome, l.targets])).toEqual([
      ['updateCommvaultSchedule', 'admin', 'ok', [id]], ['deleteCommvaultSchedule', 'admin', 'ok', [toGlobalId('CommvaultSchedule', CV, `${policy.taskId}.${daily.subTaskId}`)]],
    ]);
    const unknown = await gql(DELETE, { id: toGlobalId('CommvaultSchedule', CV, `${policy.taskId}.1`) });
    expect(unknown.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(sim.calls('PUT /Task')).toBe(2);
  });
});

describe('client-level schedules', () => {
  it('a schedule for a whole client is a schedule policy associated with it (POST /Task): the client\'s next read lists it with its next three runs across the March change', async () => {
    const client = sim.data.clients.find((c) => c.companyId === 0 && !sim.data.schedules.some((t) => t.associations.some((a) => a.clientId === c.clientId)))!;
    const LIST = `query($id: Int!) { commvaultClient(upstream: "${CV}", clientId: $id) { schedules { id taskId taskType name backupLevel nextRuns(count: 3) { at local } upstreamNextRunAt } } }`;
    // Read (and cache) the empty list first: the creation must drop it.
    expect((await gql(LIST, { id: client.clientId })).data.commvaultClient.schedules).toEqual([]);
    const res = await gql(CREATE, { input: { client: toGlobalId('CommvaultClient', CV, client.clientId), name: 'Whole client nightly', backupLevel: 'FULL', pattern: { ...DAILY_2100_MARCH, exceptDaysOfMonth: [13] } } });
    expect(res.errors).toBeUndefined();
    const created = res.data.createCommvaultSchedule;
    expect([sim.calls('POST /Task'), sim.calls('POST /CreateTask')]).toEqual([1, 0]);
    const policy = sim.data.schedules.find((t) => t.taskId === created.taskId)!;
    expect(policy).toMatchObject({ taskType: 4, taskName: 'Whole client nightly', associations: [{ clientId: client.clientId }] });
    expect(created).toMatchObject({ id: toGlobalId('CommvaultSchedule', CV, `${policy.taskId}.${policy.subTasks[0]!.subTaskId}`), schedule: { name: 'Whole client nightly', backupLevel: 'Full', frequency: 'DAILY' } });
    // 21:00 Eastern on 12 March (EST), then 14 and 15 March (EDT): the 13th is excepted.
    const expected = [[2027, 3, 12], [2027, 3, 14], [2027, 3, 15]].map(([y, m, d]) => easternInstant(y!, m!, d!, 21).toISOString());
    const after = await gql(LIST, { id: client.clientId });
    expect(after.errors).toBeUndefined();
    expect(after.data.commvaultClient.schedules).toEqual([{
      id: created.id, taskId: created.taskId, taskType: 4, name: 'Whole client nightly', backupLevel: 'Full',
      nextRuns: [
        { at: expected[0], local: '2027-03-12T21:00:00-05:00' }, { at: expected[1], local: '2027-03-14T21:00:00-04:00' }, { at: expected[2], local: '2027-03-15T21:00:00-04:00' },
      ],
      upstreamNextRunAt: expected[0],
    }]);
    const line = auditLines.find((l) => l.component === 'audit' && l.operation === 'createCommvaultSchedule');
    expect(line).toMatchObject({ caller: 'admin', outcome: 'ok', targets: [toGlobalId('CommvaultClient', CV, client.clientId)], taskId: created.taskId });
  });

  it('an unknown client is NOT_FOUND and a client with a subclient BAD_USER_INPUT, before anything is sent', async () => {
    const codes = async (input: Record<string, unknown>) => (await gql(CREATE, { input })).errors?.map((e) => e.extensions?.code);
    expect(await codes({ client: toGlobalId('CommvaultClient', CV, 987_654), name: 'x', pattern: DAILY_2100_MARCH })).toEqual(['NOT_FOUND']);
    expect(await codes({ client: toGlobalId('CommvaultClient', CV, sim.data.clients[0]!.clientId), subclient: plainSubclient().id, name: 'x', pattern: DAILY_2100_MARCH })).toEqual(['BAD_USER_INPUT']);
    expect(await codes({ client: toGlobalId('CommvaultSubclient', CV, 1), name: 'x', pattern: DAILY_2100_MARCH })).toEqual(['BAD_USER_INPUT']);
    expect(sim.calls('POST /Task')).toBe(0);
  });
});

const { redis: redisServer, skipReason } = await provideTestRedis();
afterAll(() => redisServer?.stop());

describe.skipIf(!redisServer)(`schedule changes across replicas ${skipReason ?? ''}`, () => {
  let gateways: TestGateway[];
  const LIST = `query($id: Int!) { commvaultSubclient(upstream: "cv", subclientId: $id) { schedules { name enabled } } }`;

  beforeAll(async () => {
    const config = {
      callers: [{ id: 'ops', apiKey: 'k-ops', role: 'admin' }],
      redis: { url: redisServer!.url },
      // Schedule lists cached for a minute: only an invalidation can make a replica read them again.
      cache: { ttlMs: { inventory: 60_000 } },
      upstreams: [commvaultUpstream('cv', sim.url)],
    };
    gateways = [await startTestGateway(config), await startTestGateway(config)];
  });
  afterAll(async () => {
    for (const g of gateways ?? []) await g.close();
  });

  it('a schedule created and then disabled on replica A shows in replica B\'s cached list within one second, each time', async () => {
    const [a, b] = gateways as [TestGateway, TestGateway];
    const { subclientId, id } = plainSubclient('cv');
    const list = async (g: TestGateway) => {
      const res = await g.query<any>(LIST, { id: subclientId }, { apiKey: 'k-ops' });
      expect(res.body.errors).toBeUndefined();
      return res.body.data.commvaultSubclient.schedules as Array<{ name: string; enabled: boolean }>;
    };
    expect(await list(b)).toEqual([]);
    const made = await a.query<any>(CREATE, { input: { subclient: id, name: 'Across replicas', pattern: DAILY_2100_MARCH } }, { apiKey: 'k-ops' });
    expect(made.body.errors).toBeUndefined();
    await within(1_000, async () => (await list(b)).length === 1);
    const off = await a.query<any>(ENABLE, { id: made.body.data.createCommvaultSchedule.id, enabled: false }, { apiKey: 'k-ops' });
    expect(off.body.errors).toBeUndefined();
    await within(1_000, async () => (await list(b))[0]?.enabled === false);
    expect(await list(b)).toEqual([{ name: 'Across replicas', enabled: false }]);
  });

  it('a plan\'s schedule changed on replica A shows in replica B\'s cached plan reads (policy and V4 RPO) within one second', async () => {
    const [a, b] = gateways as [TestGateway, TestGateway];
    const plan = sim.data.plans[0]!;
    const policy = seededTask((t) => t.taskType === 4 && t.planId === plan.planId);
    const READ = `query($plan: ID!) { node(id: $plan) { ... on CommvaultPlan { schedules { scheduleId name } rpoSchedules { scheduleId name } } } }`;
    const read = async () => {
      const res = await b.query<any>(READ, { plan: toGlobalId('CommvaultPlan', 'cv', plan.planId) }, { apiKey: 'k-ops' });
      expect(res.body.errors).toBeUndefined();
      return res.body.data.node as { schedules: Array<{ scheduleId: number; name: string }>; rpoSchedules: Array<{ scheduleId: number; name: string }> };
    };
    const first = policy.subTasks[0]!;
    expect((await read()).schedules[0]).toEqual({ scheduleId: first.subTaskId, name: first.subTaskName });
    const id = toGlobalId('CommvaultSchedule', 'cv', `${policy.taskId}.${first.subTaskId}`);
    const renamed = await a.query<any>(UPDATE, { id, input: { name: 'Renamed on A' } }, { apiKey: 'k-ops' });
    expect(renamed.body.errors).toBeUndefined();
    await within(1_000, async () => {
      const now = await read();
      return now.schedules[0]?.name === 'Renamed on A' && now.rpoSchedules[0]?.name === 'Renamed on A';
    });
  });
});
