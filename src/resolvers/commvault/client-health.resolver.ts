import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { CvActivityControl } from '../../datasources/commvault/commserve-model.js';
import type { CvClient } from '../../datasources/commvault/model.js';
import { badUserInput } from '../../errors/gateway-error.js';
import { ClientProtectionStatus, NetworkReadiness, UpdateState } from '../../schema/commvault/client-health.enums.js';
import { CommvaultClient } from '../../schema/commvault/client.type.js';
import { ActivityControl } from '../../schema/commvault/commserve.type.js';
import { commvaultLoaders, commvaultSource } from './sources.js';

/** Longest protection window one query may ask for, days (as `unprotectedWorkloads`). */
const MAX_PROTECTION_DAYS = 365;
const DAY_MS = 86_400_000;

const READINESS: ReadonlySet<string> = new Set(Object.values(NetworkReadiness));
const UPDATE_STATES: ReadonlySet<string> = new Set(Object.values(UpdateState));

/**
 * A client's health as the CommServe sees it, each field loaded only when selected: reachability and
 * update state from the V4 server list (one call per CommServe for every client of the request), the
 * protection status from that list and the batched walk of finished backups, the client's own activity
 * control from `GET /Client/{id}` (one call per client, shared with `description`).
 */
@Resolver(() => CommvaultClient)
export class CommvaultClientHealthResolver {
  @FieldResolver(() => NetworkReadiness, { nullable: true, description: '`networkReadiness` of `GET /V4/Servers`; null when V4 does not list the client.' })
  async networkReadiness(@Root() client: CvClient, @Ctx() ctx: GatewayContext): Promise<NetworkReadiness | null> {
    const value = (await serverOf(client, ctx))?.networkReadiness ?? null;
    return value === null ? null : READINESS.has(value) ? (value as NetworkReadiness) : NetworkReadiness.UNKNOWN;
  }

  @FieldResolver(() => UpdateState, { nullable: true, description: '`updateState` of `GET /V4/Servers`; null when V4 does not list the client.' })
  async updateState(@Root() client: CvClient, @Ctx() ctx: GatewayContext): Promise<UpdateState | null> {
    const value = (await serverOf(client, ctx))?.updateState ?? null;
    return value === null ? null : UPDATE_STATES.has(value) ? (value as UpdateState) : UpdateState.UNKNOWN;
  }

  @FieldResolver(() => ClientProtectionStatus, {
    description:
      'PROTECTED with a successful backup in the last `days` days; NOT_CONFIGURED when `GET /V4/Servers` shows no agent installed (or the client unconfigured); UNPROTECTED otherwise.',
  })
  async protectionStatus(
    @Root() client: CvClient,
    @Arg('days', () => Int, { defaultValue: 7, description: `1 to ${MAX_PROTECTION_DAYS}.` }) days: number,
    @Ctx() ctx: GatewayContext,
  ): Promise<ClientProtectionStatus> {
    if (!Number.isInteger(days) || days < 1 || days > MAX_PROTECTION_DAYS) throw badUserInput(`days must be 1 to ${MAX_PROTECTION_DAYS}`);
    const key = { instanceId: client.upstream.id, id: client.clientId };
    const loaders = commvaultLoaders(ctx);
    const [server, last] = await Promise.all([loaders.serverByClientId.load(key), loaders.lastSuccessfulBackupByClientId.load(key)]);
    if (last !== null && last.getTime() >= Date.now() - days * DAY_MS) return ClientProtectionStatus.PROTECTED;
    if (server && (server.configured === false || server.agents.length === 0)) return ClientProtectionStatus.NOT_CONFIGURED;
    return ClientProtectionStatus.UNPROTECTED;
  }

  @FieldResolver(() => [ActivityControl], {
    nullable: true,
    description:
      'The client\'s own activity control (backup, restore, data aging) from `GET /Client/{id}` (one call per client, shared with `description`); null when the CommServe does not return the client. Change it with enableActivity / disableActivity and `client`.',
  })
  activityControl(@Root() client: CvClient, @Ctx() ctx: GatewayContext): Promise<CvActivityControl[] | null> {
    return commvaultSource(ctx, client.upstream.id).getClientActivityControl(client.clientId);
  }
}

function serverOf(client: CvClient, ctx: GatewayContext) {
  return commvaultLoaders(ctx).serverByClientId.load({ instanceId: client.upstream.id, id: client.clientId });
}
