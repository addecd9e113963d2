import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { CommvaultSource } from '../../datasources/commvault/commvault-source.js';
import type { CvClient, CvPlan, CvSubclient } from '../../datasources/commvault/model.js';
import type { CvSchedule } from '../../datasources/commvault/schedule-model.js';
import { describePattern, frequencyOf, localIso, nextRuns } from '../../datasources/commvault/schedule-pattern.js';
import { ianaTimeZone } from '../../datasources/commvault/windows-time-zones.js';
import { badUserInput } from '../../errors/gateway-error.js';
import { CommvaultClient } from '../../schema/commvault/client.type.js';
import { CommvaultPlan } from '../../schema/commvault/plan.type.js';
import { CommvaultScheduleFrequency, CommvaultScheduleKind } from '../../schema/commvault/schedule.enums.js';
import { CommvaultSchedule, CommvaultScheduleRun } from '../../schema/commvault/schedule.type.js';
import { CommvaultSubclient } from '../../schema/commvault/subclient.type.js';
import { fromGlobalId } from '../../util/global-id.js';
import { commvaultSource } from './sources.js';

/** Next runs one field may ask for. */
export const MAX_NEXT_RUNS = 50;
/** `task.taskType` of a schedule policy, read with `GET /SchedulePolicy/{taskId}` (docs/upstreams/commvault-schedules.md §1). */
const POLICY_TASK_TYPE = 4;

const KINDS: Readonly<Record<number, CommvaultScheduleKind>> = {
  2: CommvaultScheduleKind.BACKUP,
  1001: CommvaultScheduleKind.RESTORE,
  4003: CommvaultScheduleKind.AUX_COPY,
  4018: CommvaultScheduleKind.DATA_AGING,
  4002: CommvaultScheduleKind.DR_BACKUP,
  4004: CommvaultScheduleKind.REPORT,
  2001: CommvaultScheduleKind.WORKFLOW,
};

/** Pattern zone names that mean "the CommServe's": it is what the graph can know (a client's own zone is not read). */
const COMMSERVE_ZONE_NAMES = new Set(['', 'commserve time zone', 'client time zone']);

/**
 * Schedules (docs/schema.md, "Schedules"): a subclient's and a client's from `GET /Schedules`, a plan's
 * from its schedule policy (`GET /SchedulePolicy/{taskId}`), one by id from `GET /Schedules/{taskId}`;
 * each with its pattern in plain terms — a description and the next runs in its time zone, which is the
 * CommServe's (`GET /CommServ`, Windows names mapped to IANA) unless the pattern names another.
 */
@Resolver(() => CommvaultSchedule)
export class CommvaultScheduleResolver {
  @Query(() => CommvaultSchedule, {
    nullable: true,
    description: 'One Commvault schedule by id (a task\'s, or a schedule policy\'s and so a plan\'s, with the weekdays of the month the plan\'s V4 read excepts); null when its CommServe no longer has it.',
  })
  async commvaultSchedule(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<CvSchedule | null> {
    const { source, taskId, scheduleId } = scheduleFromId(ctx, id);
    const own = (await source.getScheduleTask(taskId))?.schedules.find((s) => s.scheduleId === scheduleId);
    const schedule = own ?? (await source.getSchedulePolicy(taskId))?.schedules.find((s) => s.scheduleId === scheduleId) ?? null;
    if (schedule?.taskType !== POLICY_TASK_TYPE) return schedule;
    // A plan's policy: its weekday exceptions are in the plan's V4 read only (docs/upstreams/commvault-schedules.md §10).
    const planId = await source.planOfSchedulePolicy(taskId);
    if (planId === null) return schedule;
    return (await source.getPlanSchedules(planId, taskId))?.find((s) => s.scheduleId === scheduleId) ?? schedule;
  }

  @FieldResolver(() => CommvaultScheduleKind)
  kind(@Root() s: CvSchedule): CommvaultScheduleKind {
    return (s.operationType !== null && KINDS[s.operationType]) || CommvaultScheduleKind.OTHER;
  }

  @FieldResolver(() => CommvaultScheduleFrequency)
  frequency(@Root() s: CvSchedule): CommvaultScheduleFrequency {
    return frequencyOf(s.pattern) as CommvaultScheduleFrequency;
  }

  @FieldResolver(() => String, { description: 'The pattern in words, e.g. "Every week on Monday and Saturday at 21:00, from 2027-03-01" (wall-clock times of `timeZone`).' })
  description(@Root() s: CvSchedule): string {
    return describePattern(s.pattern);
  }

  @FieldResolver(() => String, { description: 'The IANA time zone the pattern\'s times are in: the CommServe\'s unless the pattern names another; UTC when the CommServe\'s name is not known.' })
  async timeZone(@Root() s: CvSchedule, @Ctx() ctx: GatewayContext): Promise<string> {
    return scheduleZone(s, commvaultSource(ctx, s.upstream.id));
  }

  @FieldResolver(() => [CommvaultScheduleRun], {
    description: 'The next runs the pattern sets after `after` (default now), in `timeZone` and right across daylight-saving changes; empty for automatic, continuous and on-demand patterns and once the pattern has ended.',
  })
  async nextRuns(
    @Root() s: CvSchedule,
    @Arg('count', () => Int, { defaultValue: 3, description: `1 to ${MAX_NEXT_RUNS}.` }) count: number,
    @Arg('after', () => Date, { nullable: true }) after: Date | null | undefined,
    @Ctx() ctx: GatewayContext,
  ): Promise<CommvaultScheduleRun[]> {
    if (!Number.isInteger(count) || count < 1 || count > MAX_NEXT_RUNS) throw badUserInput(`count must be 1 to ${MAX_NEXT_RUNS}`);
    const zone = await scheduleZone(s, commvaultSource(ctx, s.upstream.id));
    return nextRuns(s.pattern, zone, after ?? new Date(), count).map((at) => ({ at, local: localIso(at, zone) }));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'A backup schedule\'s level (`Full`, `Incremental`…); read from the task (`GET /Schedules/{taskId}`, a policy\'s from `GET /SchedulePolicy/{taskId}`) when a list left it out.',
  })
  async backupLevel(@Root() s: CvSchedule, @Ctx() ctx: GatewayContext): Promise<string | null> {
    if (s.backupLevel !== undefined) return s.backupLevel;
    const source = commvaultSource(ctx, s.upstream.id);
    const task = s.taskType === POLICY_TASK_TYPE ? await source.getSchedulePolicy(s.taskId) : await source.getScheduleTask(s.taskId);
    return task?.schedules.find((t) => t.scheduleId === s.scheduleId)?.backupLevel ?? null;
  }
}

@Resolver(() => CommvaultSubclient)
export class CommvaultSubclientSchedulesResolver {
  @FieldResolver(() => [CommvaultSchedule], { nullable: true, description: 'The subclient\'s schedules (`GET /Schedules?clientId=&apptypeId=&backupsetId=&subclientId=`); null when its client is not known.' })
  async schedules(@Root() sc: CvSubclient, @Ctx() ctx: GatewayContext): Promise<CvSchedule[] | null> {
    if (sc.clientId === null) return null;
    return commvaultSource(ctx, sc.upstream.id).listSchedules({
      clientId: sc.clientId,
      applicationId: sc.applicationId ?? undefined,
      backupsetId: sc.backupsetId ?? undefined,
      subclientId: sc.subclientId,
    });
  }
}

@Resolver(() => CommvaultClient)
export class CommvaultClientSchedulesResolver {
  @FieldResolver(() => [CommvaultSchedule], { description: 'The schedules of the client and everything on it (`GET /Schedules?clientId=`).' })
  async schedules(@Root() c: CvClient, @Ctx() ctx: GatewayContext): Promise<CvSchedule[]> {
    return commvaultSource(ctx, c.upstream.id).listSchedules({ clientId: c.clientId });
  }
}

@Resolver(() => CommvaultPlan)
export class CommvaultPlanSchedulesResolver {
  @FieldResolver(() => [CommvaultSchedule], {
    nullable: true,
    description: 'The schedules of the plan\'s schedule policy (`GET /SchedulePolicy/{taskId}`, the policy the legacy plan detail names), with the weekdays of the month they skip from the plan\'s V4 read (`GET /V4/ServerPlan/{id}`); null when the plan names none.',
  })
  async schedules(@Root() p: CvPlan, @Ctx() ctx: GatewayContext): Promise<CvSchedule[] | null> {
    const source = commvaultSource(ctx, p.upstream.id);
    const policy = (await source.getPlanProperties(p.planId))?.schedulePolicy;
    if (!policy) return null;
    return source.getPlanSchedules(p.planId, policy.id);
  }
}

/** A `CommvaultSchedule` id → the caller's source and the task and subtask ids. @throws BAD_USER_INPUT for any other id. */
export function scheduleFromId(ctx: GatewayContext, id: string): { source: CommvaultSource; taskId: number; scheduleId: number } {
  const parts = fromGlobalId(id);
  const ids = /^(\d{1,15})\.(\d{1,15})$/.exec(parts.localId);
  if (parts.typeName !== 'CommvaultSchedule' || !ids) throw badUserInput(`"${id.slice(0, 80)}" is not a CommvaultSchedule id`);
  return { source: commvaultSource(ctx, parts.instanceId), taskId: Number(ids[1]), scheduleId: Number(ids[2]) };
}

/** The IANA zone of a schedule's pattern (see CommvaultScheduleResolver.timeZone). */
export async function scheduleZone(s: CvSchedule, source: CommvaultSource): Promise<string> {
  const named = s.pattern.timeZoneName?.trim() ?? '';
  if (named.toUpperCase() === 'UTC') return 'UTC';
  if (!COMMSERVE_ZONE_NAMES.has(named.toLowerCase())) {
    const zone = ianaTimeZone(named);
    if (zone) return zone;
  }
  return ianaTimeZone((await source.getCommServe())?.timeZone) ?? 'UTC';
}
