import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { CommvaultSource } from '../../datasources/commvault/commvault-source.js';
import type { CvSchedule, CvScheduleTask } from '../../datasources/commvault/schedule-model.js';
import {
  createScheduleRequest, deleteScheduleMessage, modifyScheduleMessage, patternFromPlain, type CvPlainPattern,
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
/** `task.taskType` of a schedule policy: its schedules change through the policy (or the plan), not task messages. */
const POLICY_TASK = 4;

/**
 * Schedule changes (docs/schema.md, "Schedules"; docs/upstreams/commvault-schedules.md §5): create
 * (`POST /CreateTask`), modify and delete (task messages to `POST /QCommand/qoperation execute`), enable
 * and disable (`POST /Schedules/task/Action/Enable|Disable`, text body `taskId=N`). Input and the id are
 * checked before anything is sent; the schedule is read past the cache first (NOT_FOUND without a write)
 * and read back after. Each runs on the shared mutation path: never retried, idempotency key, audit line,
 * cached schedule reads dropped on every replica.
 */
@Resolver()
export class CommvaultScheduleOperationsResolver {
  @Mutation(() => CommvaultScheduleChangePayload, { description: 'Create a backup schedule for a subclient. Never retried.' })
  async createCommvaultSchedule(
    @Arg('input', () => CreateCommvaultScheduleInput) input: CreateCommvaultScheduleInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY }) idempotencyKey: string | null | undefined,
    @Ctx() ctx: GatewayContext,
  ): Promise<CommvaultScheduleChangePayload> {
    const { source, id: subclientId } = commvaultObjectFromId(ctx, input.subclient, 'CommvaultSubclient');
    const name = checkedName(input.name);
    const pattern = plainPattern(input.pattern);
    const subclient = await source.getSubclient(subclientId);
    if (!subclient) throw notFound(`Subclient ${subclientId} is not on ${source.instanceId}`);
    const { clientName, appName, backupsetName } = subclient;
    if (!clientName || !appName || !backupsetName) throw notFound(`Subclient ${subclientId} on ${source.instanceId} has no client, agent or backup set name`);
    const body = createScheduleRequest({ clientName, appName, backupsetName, subclientName: subclient.name }, name, WIRE_LEVEL[input.backupLevel ?? BackupLevel.INCREMENTAL], pattern, input.enabled !== false);
    return runMutation(
      ctx,
      { operation: 'createCommvaultSchedule', input, idempotencyKey, targets: [input.subclient], summarize: (r: CommvaultScheduleChangePayload) => ({ taskId: r.taskId, scheduleId: r.scheduleId }) },
      async () => {
        const taskId = await source.createScheduleTask(body);
        // The answer names the task only: its one subtask is the schedule.
        const made = (await source.getScheduleTask(taskId, { fresh: true }).catch(() => null))?.schedules[0] ?? null;
        return payload(source, taskId, made);
      },
    );
  }

  @Mutation(() => CommvaultScheduleChangePayload, { description: 'Change a schedule\'s name, backup level or pattern (a subclient\'s or client\'s schedule; a plan\'s changes with the plan). Never retried.' })
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
      pattern: input.pattern ? plainPattern(input.pattern) : null,
    };
    const task = await readTask(source, taskId, scheduleId, 'changed');
    if (change.level && task.schedules.find((s) => s.scheduleId === scheduleId)?.operationType !== 2) throw badUserInput('backupLevel applies to backup schedules only');
    return runMutation(
      ctx,
      { operation: 'updateCommvaultSchedule', input: { id, input }, idempotencyKey, targets: [id] },
      async () => {
        await source.sendScheduleMessage(modifyScheduleMessage(task, scheduleId, change));
        return payload(source, taskId, await readBack(source, taskId, scheduleId), scheduleId);
      },
    );
  }

  @Mutation(() => DeleteCommvaultSchedulePayload, { description: 'Delete a schedule (a subclient\'s or client\'s; a task left without schedules goes with it). Never retried.' })
  async deleteCommvaultSchedule(
    @Arg('id', () => ID) id: string,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY }) idempotencyKey: string | null | undefined,
    @Ctx() ctx: GatewayContext,
  ): Promise<DeleteCommvaultSchedulePayload> {
    const { source, taskId, scheduleId } = scheduleFromId(ctx, id);
    return runMutation(ctx, { operation: 'deleteCommvaultSchedule', input: { id }, idempotencyKey, targets: [id] }, async () => {
      // Inside: a replay by idempotency key answers the first deletion, not "gone".
      await readTask(source, taskId, scheduleId, 'deleted');
      await source.sendScheduleMessage(deleteScheduleMessage(scheduleId));
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

/**
 * The task holding the schedule, read past the cache. @throws NOT_FOUND when it is gone, BAD_USER_INPUT
 * for a schedule policy's (a plan's), which `GET /Schedules/{taskId}` does not give: its policy read does.
 */
async function readTask(source: CommvaultSource, taskId: number, scheduleId: number, verb: string): Promise<CvScheduleTask> {
  const task = await source.getScheduleTask(taskId, { fresh: true });
  const schedule = task?.schedules.find((s) => s.scheduleId === scheduleId);
  const policy = schedule ? null : await source.getSchedulePolicy(taskId);
  if (schedule?.taskType === POLICY_TASK || policy?.schedules.some((s) => s.scheduleId === scheduleId)) {
    throw badUserInput(`Schedule ${taskId}.${scheduleId} belongs to a schedule policy (a plan's): it is ${verb} with the plan`);
  }
  if (!task || !schedule) throw notFound(`No schedule ${taskId}.${scheduleId} on ${source.instanceId}`);
  return task;
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
