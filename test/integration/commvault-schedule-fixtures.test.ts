import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import 'reflect-metadata';
import { useCommvaultFixture } from '../helpers/commvault-fixture-gateway.js';
import { toGlobalId } from '../../src/util/global-id.js';

/**
 * Schedules against a CommServe scripted from the reference's shapes (test/fixtures/commvault/schedules),
 * not the project's simulator: every documented field maps, and each change sends the request the real
 * API expects (bodies captured by the loopback server).
 */
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/commvault/schedules/${name}.json`, import.meta.url), 'utf8'));
const commserv = JSON.parse(readFileSync(new URL('../fixtures/commvault/commserve/commserv.json', import.meta.url), 'utf8')) as unknown;
const clientDetail = JSON.parse(readFileSync(new URL('../fixtures/commvault/commserve/client-detail.json', import.meta.url), 'utf8')) as unknown;
const plan = JSON.parse(readFileSync(new URL('../fixtures/commvault/v2-plan.json', import.meta.url), 'utf8')) as unknown;
type RpoSchedule = Record<string, unknown>;
const serverPlan = (): { rpo: { backupFrequency: { schedules: RpoSchedule[] } } } => JSON.parse(readFileSync(new URL('../fixtures/commvault/v4-server-plan.json', import.meta.url), 'utf8'));
const RPO_PUT = 'PUT /V4/ServerPlan/5/RPO';
/** What the plan's RPO gains once the fake took an ADD (the CommServe names the schedule; its id is its own). */
const ADDED: RpoSchedule = { scheduleId: 104, scheduleName: 'Month-end', policyId: 45, backupType: 'DIFFERENTIAL', forDatabasesOnly: false, schedulePattern: { scheduleFrequencyType: 'MONTHLY' } };

const CV = 'cvf';
const ADMIN = 'k-admin';
const QOPERATION = 'POST /QCommand/qoperation%20execute';
const SCHEDULE = (task: number, sub: number) => toGlobalId('CommvaultSchedule', CV, `${task}.${sub}`);


function script(): void {
  fx.fake.on('POST /Login', { json: { userName: 'admin', token: 'QSDK fixture-token', errList: [] } });
  fx.fake.on('GET /CommServ', { json: commserv });
  fx.fake.on('GET /Subclient/7', { json: fixture('subclient') });
  fx.fake.on('GET /Schedules', { json: fixture('schedules') });
  fx.fake.on('GET /Schedules/512', { json: fixture('schedule-task') });
  fx.fake.on('GET /Schedules/514', { json: fixture('schedule-task') });
  fx.fake.on('GET /Schedules/999', { json: {} });
  fx.fake.on('GET /SchedulePolicy/999', { json: {} });
  fx.fake.on('GET /V2/Plan', { json: { plans: [{ plan: { planName: 'Server Plan', planId: 5 } }] } });
  fx.fake.on('GET /V2/Plan/5', { json: plan });
  fx.fake.on('GET /SchedulePolicy/45', { json: fixture('schedule-policy') });
  fx.fake.on('POST /CreateTask', { json: fixture('create-task-response') });
  fx.fake.on(QOPERATION, (req) => ({ json: req.body.includes('TMMsg_ModifyTaskReq') ? fixture('modify-task-response') : fixture('task-operation-response') }));
  fx.fake.on('POST /Schedules/task/Action/Enable', { json: fixture('schedules-action-response') });
  fx.fake.on('POST /Schedules/task/Action/Disable', { json: fixture('schedules-action-response') });
  // The plan's schedule policy is not a task: GET /Schedules/45 answers the empty envelope.
  fx.fake.on('GET /Schedules/45', { json: {} });
  fx.fake.on('GET /V4/ServerPlan/5', () => {
    const answer = serverPlan();
    if (fx.fake.calls(RPO_PUT).some((c) => c.body.includes('"ADD"'))) answer.rpo.backupFrequency.schedules.push(ADDED);
    return { json: answer };
  });
  fx.fake.on(RPO_PUT, { json: { errorMessage: '', errorCode: 0 } });
  // A policy no plan names (the V2 plan 5 names 45).
  fx.fake.on('GET /Schedules/47', { json: {} });
  fx.fake.on('GET /SchedulePolicy/47', { json: fixture('schedule-policy-own') });
  fx.fake.on('PUT /Task', { json: { taskId: 47 } });
  fx.fake.on('GET /Client/2', { json: clientDetail });
  fx.fake.on('POST /Task', { json: { taskId: 47 } });
}

const fx = useCommvaultFixture({ upstreamId: CV, adminKey: ADMIN, script });
const gql = fx.gql;
const sent = (route: string) => fx.fake.calls(route).map((c) => JSON.parse(c.body) as unknown);
const PATTERN = 'pattern { freqType freqTypeName freqInterval freqRecurrenceFactor freqRelativeInterval freqSubdayInterval activeStartDate activeStartTime activeEndDate activeEndTime activeEndOccurrence patternId description timeZoneName exceptDaysOfMonth }';
const FIELDS = `id taskId taskName taskType policyType ownerName enabled isSystem scheduleId name subTaskType operationType flags kind frequency description timeZone upstreamNextRunAt ${PATTERN}`;
const AFTER = '2026-01-01T00:00:00Z';

describe('schedules, from the reference\'s shapes', () => {
  it('maps every field of the task list, asks with cvpysdk\'s filters, and puts the runs in each pattern\'s zone', async () => {
    const res = await gql(`{ commvaultSubclient(upstream: "${CV}", subclientId: 7) { schedules { ${FIELDS} nextRuns(count: 3, after: "${AFTER}") { at local } } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(fx.fake.calls('GET /Schedules')[0]?.query).toEqual([['clientId', '2'], ['apptypeId', '33'], ['backupsetId', '3'], ['subclientId', '7']]);
    const [weekday, monthEnd, hourly] = res.body.data.commvaultSubclient.schedules;
    expect(weekday).toEqual({
      id: SCHEDULE(512, 1101), taskId: 512, taskName: 'fs01 nightly', taskType: 2, policyType: 0, ownerName: 'admin', enabled: true, isSystem: false,
      scheduleId: 1101, name: 'Weekday incremental', subTaskType: 2, operationType: 2, flags: 0, kind: 'BACKUP', frequency: 'WEEKLY',
      description: 'Every week on Monday, Tuesday, Wednesday, Thursday and Friday at 21:00, from 2026-01-01, except on day 2 of the month', timeZone: 'America/New_York',
      upstreamNextRunAt: '2026-01-02T02:00:00.000Z',
      pattern: {
        freqType: 8, freqTypeName: null, freqInterval: 62, freqRecurrenceFactor: 1, freqRelativeInterval: 0, freqSubdayInterval: 0, activeStartDate: 1767225600,
        activeStartTime: 75600, activeEndDate: 0, activeEndTime: 0, activeEndOccurrence: 0, patternId: 77,
        description: 'Every week on Monday, Tuesday, Wednesday, Thursday and Friday at 9:00 PM', timeZoneName: 'CommServe Time Zone',
        exceptDaysOfMonth: [2],
      },
      // 21:00 EST (UTC−5) on Thursday 1, Monday 5 and Tuesday 6 January: Friday 2 is excepted (onDayNumber 2 = bit 1).
      nextRuns: [
        { at: '2026-01-02T02:00:00.000Z', local: '2026-01-01T21:00:00-05:00' },
        { at: '2026-01-06T02:00:00.000Z', local: '2026-01-05T21:00:00-05:00' },
        { at: '2026-01-07T02:00:00.000Z', local: '2026-01-06T21:00:00-05:00' },
      ],
    });
    // UTC named by the pattern: the last Fridays of January, February and March at 01:00.
    expect(monthEnd).toMatchObject({
      frequency: 'MONTHLY_RELATIVE', timeZone: 'UTC', upstreamNextRunAt: '2026-01-30T01:00:00.000Z',
      pattern: { freqRelativeInterval: 5, activeEndDate: 1798675200, patternId: 78, description: null, timeZoneName: 'UTC', exceptDaysOfMonth: [] },
      description: 'Every month on the last Friday at 01:00, from 2026-01-01 until 2026-12-31',
      nextRuns: [{ at: '2026-01-30T01:00:00.000Z' }, { at: '2026-02-27T01:00:00.000Z' }, { at: '2026-03-27T01:00:00.000Z' }].map((r) => expect.objectContaining(r)),
    });
    // A Windows zone name in the pattern, an operation type by name, no task flags (enabled), no next run stated.
    expect(hourly).toMatchObject({
      taskId: 513, ownerName: 'ops', enabled: true, isSystem: false, operationType: 2, kind: 'BACKUP', timeZone: 'America/New_York', upstreamNextRunAt: null,
      description: 'Every day at 00:00, then every 60 minutes until 23:59, from 2026-01-01',
      nextRuns: [{ at: '2026-01-01T05:00:00.000Z' }, { at: '2026-01-01T06:00:00.000Z' }, { at: '2026-01-01T07:00:00.000Z' }].map((r) => expect.objectContaining(r)),
    });
  });

  it('reads one task (lower-case subtask keys, associations, options) and a plan\'s schedule policy', async () => {
    const res = await gql(`{
      one: commvaultSchedule(id: "${SCHEDULE(512, 1102)}") { name enabled backupLevel associations { clientId clientName appName backupsetName subclientId subclientName } }
      gone: commvaultSchedule(id: "${SCHEDULE(999, 1)}") { id }
      plan: node(id: "${toGlobalId('CommvaultPlan', CV, 5)}") { ... on CommvaultPlan { schedules { taskId taskType scheduleId name flags backupLevel frequency description pattern { exceptWeekdaysOfMonth { week day } } nextRuns { at } } } }
    }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.one).toEqual({
      name: 'Month-end full', enabled: false, backupLevel: 'Full',
      associations: [{ clientId: 2, clientName: 'fs01', appName: 'File System', backupsetName: 'defaultBackupSet', subclientId: 7, subclientName: 'default' }],
    });
    expect(res.body.data.gone).toBeNull();
    expect(res.body.data.plan.schedules).toEqual([
      {
        // The V4 plan read's exception by week of the month (the legacy policy read cannot carry it).
        taskId: 45, taskType: 4, scheduleId: 101, name: 'Incremental backup schedule', flags: 65536, backupLevel: 'Incremental', frequency: 'DAILY',
        description: 'Every day at 21:00, from 2026-01-01, except on the last Sunday of the month', pattern: { exceptWeekdaysOfMonth: [{ week: 'LAST', day: 'SUNDAY' }] },
        nextRuns: expect.any(Array),
      },
      {
        taskId: 45, taskType: 4, scheduleId: 102, name: 'Full backup schedule', flags: 4194304, backupLevel: 'Full', frequency: 'AUTOMATIC',
        description: 'Automatic: the CommServe starts jobs as the RPO and its settings need', pattern: { exceptWeekdaysOfMonth: [] }, nextRuns: [],
      },
    ]);
    expect(res.body.data.plan.schedules[0].nextRuns).toHaveLength(3);
  });
});

describe('schedule changes send what the real API expects', () => {
  it('create: POST /CreateTask with a schedule task for the subclient by its names and the pattern in cvpysdk\'s form', async () => {
    const res = await gql(`mutation { createCommvaultSchedule(input: {
      subclient: "${toGlobalId('CommvaultSubclient', CV, 7)}", name: "Weekend full", backupLevel: FULL, enabled: false,
      pattern: { frequency: WEEKLY, weekDays: [SATURDAY, SUNDAY], every: 2, startDate: "2027-03-06", startTime: "01:30", endDate: "2027-12-31", maxRuns: 20 }
    }) { id taskId scheduleId } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.createCommvaultSchedule).toEqual({ id: SCHEDULE(514, 1101), taskId: 514, scheduleId: 1101 });
    expect(fx.fake.calls('POST /CreateTask')[0]?.headers['content-type']).toBe('application/json');
    expect(sent('POST /CreateTask')).toEqual([{
      taskInfo: {
        associations: [{ clientName: 'fs01', appName: 'File System', backupsetName: 'defaultBackupSet', subclientName: 'default' }],
        task: { initiatedFrom: 2, taskType: 2, policyType: 0, taskFlags: { disabled: true } },
        subTasks: [{
          subTaskOperation: 1,
          subTask: { subTaskType: 2, operationType: 2, subTaskName: 'Weekend full' },
          options: { backupOpts: { backupLevel: 'Full', incLevel: 'BEFORE_SYNTH', runIncrementalBackup: false } },
          pattern: {
            freq_type: 8, active_start_date: Date.UTC(2027, 2, 6) / 1000, active_start_time: 5400, freq_recurrence_factor: 2, freq_interval: 1 + 64,
            freq_relative_interval: 0, timeZone: { TimeZoneName: 'CommServe Time Zone' }, active_end_date: Date.UTC(2027, 11, 31) / 1000, active_end_occurence: 20,
          },
        }],
      },
    }]);
  });

  it('modify: TMMsg_ModifyTaskReq re-sends the task as read with the one subtask changed', async () => {
    const task = fixture('schedule-task') as { taskInfo: { associations: unknown[]; task: unknown; subTasks: Array<{ subTask: unknown; options: { backupOpts: object; commonOpts: object } }> } };
    const res = await gql(`mutation { updateCommvaultSchedule(id: "${SCHEDULE(512, 1101)}", input: {
      name: "Nightly", backupLevel: DIFFERENTIAL, pattern: { frequency: MONTHLY_RELATIVE, relativeWeek: LAST, relativeDay: WEEKDAY, every: 3, startDate: "2027-01-01", startTime: "22:00", repeatEveryMinutes: 30, repeatUntil: "23:30" }
    }) { id } }`);
    expect(res.body.errors).toBeUndefined();
    const [sub] = task.taskInfo.subTasks;
    expect(sent(QOPERATION)).toEqual([{
      TMMsg_ModifyTaskReq: {
        taskInfo: {
          associations: task.taskInfo.associations,
          task: task.taskInfo.task,
          subTasks: [{
            subTask: { ...(sub!.subTask as object), subTaskName: 'Nightly' },
            pattern: {
              freq_type: 32, active_start_date: Date.UTC(2027, 0, 1) / 1000, active_start_time: 79200, freq_recurrence_factor: 3, freq_interval: 9, freq_relative_interval: 5,
              timeZone: { TimeZoneName: 'CommServe Time Zone' }, freq_subday_interval: 1800, active_end_time: 84600,
            },
            options: { ...sub!.options, backupOpts: { ...sub!.options.backupOpts, backupLevel: 'Differential' } },
          }],
        },
      },
    }]);
  });

  it('delete: TMMsg_TaskOperationReq opType 3 naming the subtask', async () => {
    const res = await gql(`mutation { deleteCommvaultSchedule(id: "${SCHEDULE(512, 1102)}") { id taskId scheduleId } }`);
    expect(res.body.errors).toBeUndefined();
    expect(sent(QOPERATION)).toEqual([{ TMMsg_TaskOperationReq: { opType: 3, subtaskEntity: [{ _type_: 68, subtaskId: 1102 }] } }]);
  });

  it('enable and disable: the plain-text body taskId=N, as text/plain', async () => {
    for (const [enabled, route] of [[false, 'POST /Schedules/task/Action/Disable'], [true, 'POST /Schedules/task/Action/Enable']] as const) {
      const res = await gql(`mutation { setCommvaultScheduleEnabled(id: "${SCHEDULE(512, 1101)}", enabled: ${enabled}) { id } }`);
      expect(res.body.errors).toBeUndefined();
      const [call] = fx.fake.calls(route);
      expect([call?.body, call?.headers['content-type']]).toEqual(['taskId=512', 'text/plain']);
    }
  });

  it('a plan\'s schedule, modified: PUT /V4/ServerPlan/{id}/RPO re-sends the schedule as the V4 plan read gave it, MODIFY, with the V4 pattern', async () => {
    const res = await gql(`mutation { updateCommvaultSchedule(id: "${SCHEDULE(45, 101)}", input: {
      name: "Nightly", backupLevel: FULL,
      pattern: { frequency: WEEKLY, weekDays: [MONDAY, FRIDAY], every: 2, startDate: "2027-03-01", startTime: "23:30", endDate: "2027-12-31", maxRuns: 40, exceptDaysOfMonth: [25, 1],
        repeatEveryMinutes: 10, repeatUntil: "23:50" }
    }) { id schedule { name } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.updateCommvaultSchedule.id).toBe(SCHEDULE(45, 101));
    const asRead = serverPlan().rpo.backupFrequency.schedules.find((s) => s.scheduleId === 101)!;
    expect(fx.fake.calls(RPO_PUT)[0]?.headers['content-type']).toBe('application/json');
    expect(sent(RPO_PUT)).toEqual([{
      backupFrequency: {
        schedules: [{
          ...asRead,
          scheduleName: 'Nightly', backupType: 'FULL', scheduleOperation: 'MODIFY',
          schedulePattern: {
            scheduleFrequencyType: 'WEEKLY', frequency: 2, weeklyDays: ['MONDAY', 'FRIDAY'], startTime: 23 * 3600 + 1800, startDate: Date.UTC(2027, 2, 1) / 1000,
            repeatIntervalInMinutes: 10, repeatUntilTime: 23 * 3600 + 3000, endDate: Date.UTC(2027, 11, 31) / 1000, noOfTimes: 40, exceptions: [{ onDates: [1, 25] }],
          },
        }],
      },
    }]);
    expect(fx.fake.calls(QOPERATION)).toHaveLength(0);
  });

  it('a plan\'s schedule, deleted: the schedule as read with DELETE; created: ADD with the V4 pattern and the new schedule\'s id from the next plan read', async () => {
    const gone = await gql(`mutation { deleteCommvaultSchedule(id: "${SCHEDULE(45, 102)}") { id } }`);
    expect(gone.body.errors).toBeUndefined();
    const asRead = serverPlan().rpo.backupFrequency.schedules.find((s) => s.scheduleId === 102)!;
    expect(sent(RPO_PUT)).toEqual([{ backupFrequency: { schedules: [{ ...asRead, scheduleOperation: 'DELETE' }] } }]);

    const made = await gql(`mutation { createCommvaultSchedule(input: {
      plan: "${toGlobalId('CommvaultPlan', CV, 5)}", name: "Month-end", backupLevel: DIFFERENTIAL,
      pattern: { frequency: MONTHLY_RELATIVE, relativeWeek: LAST, relativeDay: WEEKEND_DAY, startDate: "2027-01-01", startTime: "01:00" }
    }) { id taskId scheduleId } }`);
    expect(made.body.errors).toBeUndefined();
    expect(made.body.data.createCommvaultSchedule).toEqual({ id: SCHEDULE(45, 104), taskId: 45, scheduleId: 104 });
    expect(sent(RPO_PUT)[1]).toEqual({
      backupFrequency: {
        schedules: [{
          scheduleName: 'Month-end', backupType: 'DIFFERENTIAL', forDatabasesOnly: false, scheduleOperation: 'ADD',
          schedulePattern: { scheduleFrequencyType: 'MONTHLY', frequency: 1, startTime: 3600, startDate: Date.UTC(2027, 0, 1) / 1000, weekOfMonth: 'LAST', dayOfWeek: 'WEEKEND_DAYS' },
        }],
      },
    });
    const yearly = await gql(`mutation { createCommvaultSchedule(input: {
      plan: "${toGlobalId('CommvaultPlan', CV, 5)}", name: "Year-end", backupLevel: SYNTHETIC_FULL,
      pattern: { frequency: YEARLY, month: 12, dayOfMonth: 31, startDate: "2027-01-01", startTime: "02:00" }
    }) { taskId } }`);
    expect(yearly.body.errors).toBeUndefined();
    expect((sent(RPO_PUT)[2] as any).backupFrequency.schedules[0]).toEqual({
      scheduleName: 'Year-end', backupType: 'SYNTHETICFULL', forDatabasesOnly: false, scheduleOperation: 'ADD',
      schedulePattern: { scheduleFrequencyType: 'YEARLY', frequency: 1, startTime: 7200, startDate: Date.UTC(2027, 0, 1) / 1000, dayOfMonth: 31, monthOfYear: 'DECEMBER' },
    });
    expect(fx.fake.calls(QOPERATION)).toHaveLength(0);
  });

  it('a plan\'s schedule with weekdays of the month excepted: one V4 `exceptions` entry per weekday, `onWeekOfTheMonth` with `onDayOfTheWeek`', async () => {
    const res = await gql(`mutation { updateCommvaultSchedule(id: "${SCHEDULE(45, 101)}", input: {
      pattern: { frequency: DAILY, startDate: "2027-03-01", startTime: "21:00", exceptDaysOfMonth: [1],
        exceptWeekdaysOfMonth: [{ week: LAST, day: SUNDAY }, { week: SECOND, day: WEEKEND_DAY }] }
    }) { id } }`);
    expect(res.body.errors).toBeUndefined();
    const asRead = serverPlan().rpo.backupFrequency.schedules.find((s) => s.scheduleId === 101)!;
    expect(sent(RPO_PUT)).toEqual([{
      backupFrequency: {
        schedules: [{
          ...asRead, scheduleOperation: 'MODIFY',
          schedulePattern: {
            scheduleFrequencyType: 'DAILY', frequency: 1, startTime: 21 * 3600, startDate: Date.UTC(2027, 2, 1) / 1000,
            exceptions: [{ onDates: [1] }, { onWeekOfTheMonth: ['LAST'], onDayOfTheWeek: ['SUNDAY'] }, { onWeekOfTheMonth: ['SECOND'], onDayOfTheWeek: ['WEEKEND_DAYS'] }],
          },
        }],
      },
    }]);
  });

  it('weekdays of the month excepted on a task\'s schedule, or an unknown week, are BAD_USER_INPUT and send nothing', async () => {
    const UPDATE = 'mutation($id: ID!, $pattern: CommvaultSchedulePatternInput!) { updateCommvaultSchedule(id: $id, input: { pattern: $pattern }) { id } }';
    const daily = { frequency: 'DAILY', startDate: '2027-03-01', startTime: '21:00' };
    const codes = async (id: string, pattern: unknown) => (await gql(UPDATE, { id, pattern })).body.errors?.map((e: any) => e.extensions?.code);
    const task = await gql(UPDATE, { id: SCHEDULE(512, 1101), pattern: { ...daily, exceptWeekdaysOfMonth: [{ week: 'LAST', day: 'SUNDAY' }] } });
    expect(task.body.errors?.map((e: any) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(task.body.errors?.[0]?.message).toMatch(/plan schedules only/);
    expect(await codes(SCHEDULE(45, 101), { ...daily, exceptWeekdaysOfMonth: [{ week: 'FIFTH', day: 'SUNDAY' }] })).toEqual(['BAD_USER_INPUT']);
    expect(await codes(SCHEDULE(45, 101), { ...daily, exceptWeekdaysOfMonth: [{ week: 'LAST', day: 'WEEKEND_DAYS' }] })).toEqual(['BAD_USER_INPUT']);
    expect(await codes(SCHEDULE(45, 101), { ...daily, frequency: 'ONE_TIME', exceptWeekdaysOfMonth: [{ week: 'LAST', day: 'SUNDAY' }] })).toEqual(['BAD_USER_INPUT']);
    expect(fx.fake.calls(QOPERATION)).toHaveLength(0);
    expect(fx.fake.calls(RPO_PUT)).toHaveLength(0);
  });

  it('a schedule policy\'s schedule: PUT /Task re-sends the policy as read (taskOperation 1, app groups, every subtask), the one changed or marked subTaskOperation 3', async () => {
    const policy = fixture('schedule-policy-own') as { taskInfo: { associations: unknown[]; task: unknown; appGroup: { appGroups: unknown[] }; subTasks: Array<Record<string, any>> } };
    const [weekly, daily] = policy.taskInfo.subTasks as [Record<string, any>, Record<string, any>];
    const res = await gql(`mutation { updateCommvaultSchedule(id: "${SCHEDULE(47, 201)}", input: {
      name: "Saturday full", backupLevel: SYNTHETIC_FULL, pattern: { frequency: WEEKLY, weekDays: [SATURDAY], startDate: "2027-01-02", startTime: "01:30", exceptDaysOfMonth: [31] }
    }) { id } }`);
    expect(res.body.errors).toBeUndefined();
    const common = { taskOperation: 1, associations: policy.taskInfo.associations, task: policy.taskInfo.task, appGroup: { appGroups: policy.taskInfo.appGroup.appGroups } };
    expect(fx.fake.calls('PUT /Task')[0]?.headers['content-type']).toBe('application/json');
    expect(sent('PUT /Task')).toEqual([{
      taskInfo: {
        ...common,
        subTasks: [
          {
            subTask: { ...weekly.subTask, subTaskName: 'Saturday full' },
            pattern: {
              freq_type: 8, active_start_date: Date.UTC(2027, 0, 2) / 1000, active_start_time: 5400, freq_recurrence_factor: 1, freq_interval: 64, freq_relative_interval: 0,
              timeZone: { TimeZoneName: 'CommServe Time Zone' }, repeatPattern: [{ exception: true, onDayNumber: 2 ** 30 }],
            },
            options: { ...weekly.options, backupOpts: { ...weekly.options.backupOpts, backupLevel: 'Synthetic_full' } },
          },
          daily,
        ],
      },
    }]);
    const gone = await gql(`mutation { deleteCommvaultSchedule(id: "${SCHEDULE(47, 202)}") { id } }`);
    expect(gone.body.errors).toBeUndefined();
    expect(sent('PUT /Task')[1]).toEqual({ taskInfo: { ...common, subTasks: [weekly, { ...daily, subTaskOperation: 3 }] } });
    expect(fx.fake.calls(QOPERATION)).toHaveLength(0);
    expect(fx.fake.calls(RPO_PUT)).toHaveLength(0);
  });

  it('a client-level schedule: POST /Task with a data protection schedule policy associated with the client by name (cvpysdk SchedulePolicies.add)', async () => {
    const res = await gql(`mutation { createCommvaultSchedule(input: {
      client: "${toGlobalId('CommvaultClient', CV, 2)}", name: "fs01 nightly", backupLevel: INCREMENTAL,
      pattern: { frequency: DAILY, startDate: "2027-03-01", startTime: "22:00", exceptDaysOfMonth: [1] }
    }) { id taskId scheduleId schedule { taskType name } } }`);
    expect(res.body.errors).toBeUndefined();
    // The policy read answers 47's subtasks: the first is what the graph reports as made.
    expect(res.body.data.createCommvaultSchedule).toEqual({ id: SCHEDULE(47, 201), taskId: 47, scheduleId: 201, schedule: { taskType: 4, name: 'Weekly full' } });
    expect(fx.fake.calls('POST /Task')[0]?.headers['content-type']).toBe('application/json');
    expect(sent('POST /Task')).toEqual([{
      taskInfo: {
        associations: [{ clientName: 'fs01' }],
        task: {
          description: '', taskType: 4, initiatedFrom: 2, policyType: 0, taskName: 'fs01 nightly', securityAssociations: {}, taskSecurity: {},
          alert: { alertName: '' }, taskFlags: { isEdgeDrive: false, disabled: false },
        },
        appGroup: { appGroups: [] },
        subTasks: [{
          subTaskOperation: 1,
          subTask: { subTaskType: 2, operationType: 2, subTaskName: 'fs01 nightly' },
          options: { backupOpts: { backupLevel: 'Incremental', incLevel: 'BEFORE_SYNTH', runIncrementalBackup: false } },
          pattern: {
            freq_type: 4, active_start_date: Date.UTC(2027, 2, 1) / 1000, active_start_time: 79_200, freq_recurrence_factor: 1, freq_interval: 0, freq_relative_interval: 0,
            timeZone: { TimeZoneName: 'CommServe Time Zone' }, repeatPattern: [{ exception: true, onDayNumber: 1 }],
          },
        }],
      },
    }]);
    expect(fx.fake.calls('POST /CreateTask')).toHaveLength(0);
  });

  it('an unknown schedule or a bad pattern sends nothing', async () => {
    const codes = async (q: string) => (await gql(q)).body.errors?.map((e: any) => e.extensions?.code);
    expect(await codes(`mutation { deleteCommvaultSchedule(id: "${SCHEDULE(999, 1)}") { id } }`)).toEqual(['NOT_FOUND']);
    expect(await codes(`mutation { updateCommvaultSchedule(id: "${SCHEDULE(512, 1101)}", input: { pattern: { frequency: YEARLY, startDate: "2027-01-01", startTime: "01:00", dayOfMonth: 5 } }) { id } }`)).toEqual(['BAD_USER_INPUT']);
    expect(fx.fake.calls(QOPERATION)).toHaveLength(0);
    expect(fx.fake.calls('POST /CreateTask')).toHaveLength(0);
  });
});
