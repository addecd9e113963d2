import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { CvActivityControl } from '../../datasources/commvault/commserve-model.js';
import type { CommvaultSource } from '../../datasources/commvault/commvault-source.js';
import { ACTIVITY_CODES, CLIENT_ACTIVITY_CODES } from '../../datasources/commvault/mappers/commserve.js';
import { badUserInput, notFound } from '../../errors/gateway-error.js';
import { runMutation } from '../../mutations/run-mutation.js';
import { ActivityControlInput } from '../../schema/commvault/activity-control.input.js';
import { ActivityControlPayload } from '../../schema/commvault/activity-control.payload.js';
import { Activity } from '../../schema/commvault/commserve.enums.js';
import { oneCommServe } from './one-commserve.js';
import { commvaultLoaders, commvaultObjectFromId } from './sources.js';

/**
 * Activity control (docs/operations.md): stop or let run backups, restores, data aging, aux copies, DDB
 * activity, the scheduler… on a whole CommServe, or backups, restores and data aging of one client. One write each through runMutation (role,
 * idempotency key, audit line), never retried; the activity's state is read back after.
 */
@Resolver()
export class CommvaultActivityControlResolver {
  @Mutation(() => ActivityControlPayload, {
    description: 'Let one activity run again on a CommCell (`POST /CommCell/ActivityControl/{activityType}/Action/Enable`) or, with `client`, on one client (`POST /Client/{id}`). Never retried.',
  })
  enableActivity(@Arg('input', () => ActivityControlInput) input: ActivityControlInput, @Ctx() ctx: GatewayContext): Promise<ActivityControlPayload> {
    return setActivity(ctx, input, true);
  }

  @Mutation(() => ActivityControlPayload, {
    description: 'Stop one activity on a CommCell until enabled again (`POST /CommCell/ActivityControl/{activityType}/Action/Disable`) or, with `client`, on one client (`POST /Client/{id}`). Never retried.',
  })
  disableActivity(@Arg('input', () => ActivityControlInput) input: ActivityControlInput, @Ctx() ctx: GatewayContext): Promise<ActivityControlPayload> {
    return setActivity(ctx, input, false);
  }
}

async function setActivity(ctx: GatewayContext, input: ActivityControlInput, enable: boolean): Promise<ActivityControlPayload> {
  if (input.activity === Activity.OTHER) throw badUserInput('activity OTHER names no activity: choose one of the named ones');
  const code = ACTIVITY_CODES[input.activity];
  if (input.client) return setClientActivity(ctx, input, input.client, code, enable);
  const source = oneCommServe(ctx, input.upstream);
  const activity = await runMutation(
    ctx,
    {
      operation: enable ? 'enableActivity' : 'disableActivity',
      input: { upstream: source.instanceId, activity: input.activity },
      idempotencyKey: input.idempotencyKey,
      targets: [source.instanceId],
      summarize: (after: CvActivityControl | null) => ({ upstream: source.instanceId, activity: input.activity, enabled: after?.enabled ?? null }),
    },
    async () => {
      await source.setCommCellActivity(code, enable);
      return activityAfter(source, code);
    },
  );
  return Object.assign(new ActivityControlPayload(), { activity });
}

/** One client's activity: checked, sent (`POST /Client/{id}`) and read back from the client's detail. */
async function setClientActivity(ctx: GatewayContext, input: ActivityControlInput, clientId: string, code: number, enable: boolean): Promise<ActivityControlPayload> {
  if (!CLIENT_ACTIVITY_CODES.has(code)) throw badUserInput('a client\'s activity control holds BACKUP, RESTORE and DATA_AGING only');
  const { source, id } = commvaultObjectFromId(ctx, clientId, 'CommvaultClient');
  if (input.upstream && input.upstream !== source.instanceId) throw badUserInput(`the client is on ${source.instanceId}, not on ${input.upstream.slice(0, 80)}`);
  const activity = await runMutation(
    ctx,
    {
      operation: enable ? 'enableActivity' : 'disableActivity',
      input: { client: clientId, activity: input.activity },
      idempotencyKey: input.idempotencyKey,
      targets: [clientId],
      summarize: (after: CvActivityControl | null) => ({ upstream: source.instanceId, clientId: id, activity: input.activity, enabled: after?.enabled ?? null }),
    },
    async () => {
      // The body names the client: the (cached) client list has its name.
      const client = await commvaultLoaders(ctx).clientById.load({ instanceId: source.instanceId, id });
      if (!client) throw notFound(`Client [${id}] not found on ${source.instanceId}`);
      await source.setClientActivity({ clientId: id, name: client.name }, code, enable);
      try {
        return (await source.getClientActivityControl(id))?.find((a) => a.code === code) ?? null;
      } catch {
        return null;
      }
    },
  );
  return Object.assign(new ActivityControlPayload(), { activity });
}

/** The activity as listed right after the write; null when that read fails (the write itself succeeded). */
async function activityAfter(source: CommvaultSource, code: number): Promise<CvActivityControl | null> {
  try {
    return (await source.getActivityControl()).find((a) => a.code === code) ?? null;
  } catch {
    return null;
  }
}
