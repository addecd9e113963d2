import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { CommvaultSource, CvBackupLevel } from '../../datasources/commvault/commvault-source.js';
import type { CvSchedule, CvScheduleOwner } from '../../datasources/commvault/schedule-model.js';
import {
  createClientSchedulePolicyRequest, createScheduleRequest, newPlanSchedule, patternFromPlain, planPatternFromPlain, planRpoRequest, scheduleChangeWrite, scheduleDeleteWrite, type CvPlainPattern,
} from '../../datasources/commvault/schedule-requests.js';
import { badUserInput, notFound } from '../../errors/gateway-error.js';
import { runMutation } from '../../mutations/run-mutation.js';
import { BackupLevel } from '../../schema/commvault/operations.enums.js';
import { CreateCommvaultScheduleInput, UpdateCommvaultScheduleInput, type CommvaultSchedulePatternInput } from '../../schema/commvault/schedule.input.js';
import { CommvaultScheduleChangePayload, DeleteCommvaultSchedulePayload } from '../../schema/commvault/schedule.payload.js';
import { IDEMPOTENCY_KEY } from '../../schema/unified/idempotency-key.js';
import { toGlobalId } from '../../util/global-id.js';
import { WIRE_LEVEL } from './operations.resolver.js';
import { scheduleFromId } from './schedule.resolver.js';
import { commvaultObjectFromId } from './sources.js';

const MAX_NAME = 128;

/**
 * Schedule changes (docs/schema.md, "Schedules"; docs/upstreams/commvault-schedules.md §5, §7–§9): create
 * (`POST /CreateTask`; a client's as a schedule policy, `POST /Task`; a plan's through its RPO), modify and delete where the schedule lives — a task's
 * through task messages to `POST /QCommand/qoperation execute`, a plan's through `PUT
 * /V4/ServerPlan/{id}/RPO`, another schedule policy's through `PUT /Task` (the datasource finds the
 * owner) — enable and disable (`POST
 * /Schedules/task/Action/Enable|Disable`, text body `taskId=N`). Input and the id are checked before
 * anything is sent; the schedule is read past the cache first (NOT_FOUND without a write) and read back
 * after. Each runs on the shared mutation path: never retried, idempotency key, audit line, cached schedule
 * and plan reads dropped on every replica.
 */
@Resolver()
export class CommvaultScheduleOperationsResolver {
  @Mutation(() => CommvaultScheduleChangePayload, { description: 'Create a backup schedule for a subclient, for a whole client (a schedule policy associated with it), or for a plan (through its RPO). Never retried.' })
  async createCommvaultSchedule(
    @Arg('input', () => CreateCommvaultScheduleInput) input: CreateCommvaultScheduleInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY }) idempotencyKey: string | null | undefined,
    @Ctx() ctx: GatewayContext,
  ): Promise<CommvaultScheduleChangePayload> {
    const targets = [input.subclient, input.plan, input.client].filter((t): t is string => typeof t === 'string');
    if (targets.length !== 1) throw badUserInput('give exactly one of subclient, client and plan');
    const name = checkedName(input.name);
    const meta = { operation: 'createCommvaultSchedule', input, idempotencyKey, targets, summarize: (r: CommvaultScheduleChangePayload) => ({ taskId: r.taskId, scheduleId: r.scheduleId }) };
    const create = input.plan ? createForPlan : input.client ? createForClient : createForSubclient;
    return runMutation(ctx, meta, await create(ctx, input, name, WIRE_LEVEL[input.backupLevel ?? BackupLevel.INCREMENTAL]));
  }

  @Mutation(() => CommvaultScheduleChangePayload, { description: 'Change a schedule\'s name, backup level or pattern: a subclient\'s or client\'s through its task, a plan\'s through the plan\'s RPO, another schedule policy\'s through the policy. Never retried.' })
  async updateCommvaultSchedule(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateCommvaultScheduleInput) input: UpdateCommvaultScheduleInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY }) idempotencyKey: string | null | undefined,
    @Ctx() ctx: GatewayContext,
  ): Promise<CommvaultScheduleChangePayload> {
    const { source, taskId, scheduleId } = scheduleFromId(ctx, id);
    if (!input.name && !input.backupLevel && !input.pattern) throw badUserInput('input changes nothing: give name, backupLevel or pattern');
    const change = {
      name: input.name ? checkedName(input.name) : null,
      level: input.backupLevel ? WIRE_LEVEL[input.backupLevel] : null,
      pattern: input.pattern ? (input.pattern as CvPlainPattern) : null,
    };
    // The task form's rules first, whoever owns the schedule: a bad pattern never costs a read. Weekday
    // exceptions are a plan's only: the owner's form decides on them.
    if (input.pattern) plainPattern({ ...input.pattern, exceptWeekdaysOfMonth: null });
    const owner = await locate(source, taskId, scheduleId);
    if (change.level && owner.schedule.operationType !== 2) throw badUserInput('backupLevel applies to backup schedules only');
    const write = scheduleChangeWrite(owner, change);
    if ('problem' in write) throw badUserInput(write.problem);
    return runMutation(
      ctx,
      { operation: 'updateCommvaultSchedule', input: { id, input }, idempotencyKey, targets: [id] },
      async () => {
        await source.sendScheduleWrite(write);
        const after = owner.kind === 'plan' ? await planReadBack(source, owner.planId, taskId, scheduleId) : await readBack(source, taskId, scheduleId);
        return payload(source, taskId, after, scheduleId);
      },
    );
  }

  @Mutation(() => DeleteCommvaultSchedulePayload, { description: 'Delete a schedule: a subclient\'s or client\'s (a task left without schedules goes with it), a plan\'s through the plan\'s RPO, another schedule policy\'s through the policy. Never retried.' })
  async deleteCommvaultSchedule(
    @Arg('id', () => ID) id: string,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY }) idempotencyKey: string | null | undefined,
    @Ctx() ctx: GatewayContext,
  ): Promise<DeleteCommvaultSchedulePayload> {
    const { source, taskId, scheduleId } = scheduleFromId(ctx, id);
    return runMutation(ctx, { operation: 'deleteCommvaultSchedule', input: { id }, idempotencyKey, targets: [id] }, async () => {
      // Inside: a replay by idempotency key answers the first deletion, not "gone".
      await source.sendScheduleWrite(scheduleDeleteWrite(await locate(source, taskId, scheduleId)));
      return Object.assign(new DeleteCommvaultSchedulePayload(), { id, taskId, scheduleId });
    });
  }

  @Mutation(() => CommvaultScheduleChangePayload, { description: 'Enable or disable a schedule\'s whole task (every schedule of it: the CommServe has no per-schedule switch). Never retried.' })
  async setCommvaultScheduleEnabled(
    @Arg('id', () => ID) id: string,
    @Arg('enabled', () => Boolean) enabled: boolean,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY }) idempotencyKey: string | null | undefined,
    @Ctx() ctx: GatewayContext,
  ): Promise<CommvaultScheduleChangePayload> {
    const { source, taskId, scheduleId } = scheduleFromId(ctx, id);
    // A policy is toggled like any task (its task id); it is read where it lives.
    const exists = (await source.getScheduleTask(taskId, { fresh: true })) ?? (await source.getSchedulePolicy(taskId));
    if (!exists?.schedules.some((s) => s.scheduleId === scheduleId)) throw notFound(`No schedule ${taskId}.${scheduleId} on ${source.instanceId}`);
    return runMutation(
      ctx,
      { operation: 'setCommvaultScheduleEnabled', input: { id, enabled }, idempotencyKey, targets: [id], summarize: () => ({ enabled }) },
      async () => {
        await source.setScheduleTaskEnabled(taskId, enabled);
        return payload(source, taskId, await readBack(source, taskId, scheduleId), scheduleId);
      },
    );
  }
}

/** A creation checked and read for (BAD_USER_INPUT, NOT_FOUND before anything is sent): the write that makes it. */
type CheckedCreation = () => Promise<CommvaultScheduleChangePayload>;

/** A schedule for one subclient: a schedule task of its own (`POST /CreateTask`), the subclient named as cvpysdk names it. */
async function createForSubclient(ctx: GatewayContext, input: CreateCommvaultScheduleInput, name: string, level: CvBackupLevel): Promise<CheckedCreation> {
  const { source, id: subclientId } = commvaultObjectFromId(ctx, input.subclient as string, 'CommvaultSubclient');
  const pattern = plainPattern(input.pattern);
  const subclient = await source.getSubclient(subclientId);
  if (!subclient) throw notFound(`Subclient ${subclientId} is not on ${source.instanceId}`);
  const { clientName, appName, backupsetName } = subclient;
  if (!clientName || !appName || !backupsetName) throw notFound(`Subclient ${subclientId} on ${source.instanceId} has no client, agent or backup set name`);
  const body = createScheduleRequest({ clientName, appName, backupsetName, subclientName: subclient.name }, name, level, pattern, input.enabled !== false);
  return async () => {
    const taskId = await source.createScheduleTask(body);
    // The answer names the task only: its one subtask is the schedule.
    return payload(source, taskId, (await source.getScheduleTask(taskId, { fresh: true }).catch(() => null))?.schedules[0] ?? null);
  };
}

/** A schedule for a whole client: a schedule policy associated with it (`POST /Task`, docs/upstreams/commvault-schedules.md §9). */
async function createForClient(ctx: GatewayContext, input: CreateCommvaultScheduleInput, name: string, level: CvBackupLevel): Promise<CheckedCreation> {
  const { source, id: clientId } = commvaultObjectFromId(ctx, input.client as string, 'CommvaultClient');
  const pattern = plainPattern(input.pattern);
  const client = await source.getClient(clientId);
  if (!client) throw notFound(`Client ${clientId} is not on ${source.instanceId}`);
  const body = createClientSchedulePolicyRequest(client.name, name, level, pattern, input.enabled !== false);
  return async () => {
    const taskId = await source.createSchedulePolicy(body);
    // The answer names the policy only: its one subtask is the schedule.
    return payload(source, taskId, (await source.getSchedulePolicy(taskId, { fresh: true }).catch(() => null))?.schedules[0] ?? null);
  };
}

/** One more schedule of a server plan's RPO (`PUT /V4/ServerPlan/{id}/RPO`, ADD; §7). */
async function createForPlan(ctx: GatewayContext, input: CreateCommvaultScheduleInput, name: string, level: CvBackupLevel): Promise<CheckedCreation> {
  const { source, id: planId } = commvaultObjectFromId(ctx, input.plan as string, 'CommvaultPlan');
  if (input.enabled === false) throw badUserInput('a plan\'s schedules are enabled with the plan: leave enabled out');
  const built = planPatternFromPlain(input.pattern as CvPlainPattern);
  if ('problem' in built) throw badUserInput(built.problem);
  const before = await source.getPlanRpoSchedules(planId, { fresh: true });
  if (!before) throw notFound(`Server plan ${planId} is not on ${source.instanceId}`);
  const body = planRpoRequest(newPlanSchedule(name, level, built.schedulePattern), 'ADD');
  return async () => {
    await source.sendScheduleWrite({ kind: 'planRpo', planId, body });
    return payloadOfNewPlanSchedule(source, planId, before);
  };
}

function checkedName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_NAME) throw badUserInput(`name must be 1 to ${MAX_NAME} characters`);
  return trimmed;
}

function plainPattern(input: CommvaultSchedulePatternInput): Record<string, unknown> {
  const built = patternFromPlain(input as CvPlainPattern);
  if ('problem' in built) throw badUserInput(built.problem);
  return built.pattern;
}

/** Where the schedule lives, read past the cache. @throws NOT_FOUND when the CommServe has no such schedule. */
async function locate(source: CommvaultSource, taskId: number, scheduleId: number): Promise<CvScheduleOwner> {
  const owner = await source.locateSchedule(taskId, scheduleId);
  if (!owner) throw notFound(`No schedule ${taskId}.${scheduleId} on ${source.instanceId}`);
  return owner;
}

/**
 * The schedule a plan's RPO gained: the one its fresh read lists that `before` did not, as its schedule
 * policy gives it. Read failures leave the id null (the change was made).
 */
async function payloadOfNewPlanSchedule(source: CommvaultSource, planId: number, before: ReadonlyArray<Record<string, unknown>>): Promise<CommvaultScheduleChangePayload> {
  const known = new Set(before.map((s) => s.scheduleId));
  const after = await source.getPlanRpoSchedules(planId, { fresh: true }).catch(() => null);
  const made = after?.find((s) => !known.has(s.scheduleId));
  const [taskId, scheduleId] = [Number(made?.policyId), Number(made?.scheduleId)];
  if (!Number.isInteger(taskId) || !Number.isInteger(scheduleId)) {
    const policy = await source.getPlanProperties(planId).catch(() => null);
    return payload(source, policy?.schedulePolicy?.id ?? 0, null, null);
  }
  return payload(source, taskId, await planReadBack(source, planId, taskId, scheduleId), scheduleId);
}

/** A plan's schedule after a change, with the weekday exceptions of its V4 read; null when a read fails (the change stands). */
async function planReadBack(source: CommvaultSource, planId: number, taskId: number, scheduleId: number): Promise<CvSchedule | null> {
  const schedules = await source.getPlanSchedules(planId, taskId, { fresh: true }).catch(() => null);
  return schedules?.find((s) => s.scheduleId === scheduleId) ?? null;
}

/** The schedule as the CommServe has it after the change (a policy's where policies are read), or null when that read fails (the change stands). */
async function readBack(source: CommvaultSource, taskId: number, scheduleId: number): Promise<CvSchedule | null> {
  const task = await source.getScheduleTask(taskId, { fresh: true }).then((t) => t ?? source.getSchedulePolicy(taskId)).catch(() => null);
  return task?.schedules.find((s) => s.scheduleId === scheduleId) ?? null;
}

function payload(source: CommvaultSource, taskId: number, schedule: CvSchedule | null, scheduleId: number | null = schedule?.scheduleId ?? null): CommvaultScheduleChangePayload {
  return Object.assign(new CommvaultScheduleChangePayload(), {
    id: scheduleId === null ? null : toGlobalId('CommvaultSchedule', source.instanceId, `${taskId}.${scheduleId}`),
    taskId,
    scheduleId,
    schedule,
  });
}
