import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { CvMediaAgent, CvMediaAgentDetail } from '../../datasources/commvault/model.js';
import { MediaAgentStatus } from '../../schema/commvault/media-agent-status.enum.js';
import { CommvaultMediaAgent } from '../../schema/commvault/media-agent.type.js';
import { commvaultSource } from './sources.js';

const STATUSES: ReadonlySet<string> = new Set(Object.values(MediaAgentStatus));

/**
 * The MediaAgent fields `GET /V2/MediaAgents` leaves out, from `GET /V4/mediaAgent/{id}`: one call per
 * MediaAgent, shared by these fields (the pipeline coalesces and caches the one answer), only when selected.
 */
@Resolver(() => CommvaultMediaAgent)
export class CommvaultMediaAgentDetailResolver {
  @FieldResolver(() => MediaAgentStatus, {
    nullable: true,
    description: 'ONLINE, OFFLINE or MAINTENANCE (`general.status` of `GET /V4/mediaAgent/{id}`; V2\'s `online` says true in maintenance). Null when V4 does not know it.',
  })
  async status(@Root() ma: CvMediaAgent, @Ctx() ctx: GatewayContext): Promise<MediaAgentStatus | null> {
    const status = (await detailOf(ma, ctx))?.status ?? null;
    return status === null ? null : STATUSES.has(status) ? (status as MediaAgentStatus) : MediaAgentStatus.UNKNOWN;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why it is offline, as the CommServe words it (`general.offlineReason`); null when online.' })
  async offlineReason(@Root() ma: CvMediaAgent, @Ctx() ctx: GatewayContext): Promise<string | null> {
    return (await detailOf(ma, ctx))?.offlineReason ?? null;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'In maintenance mode (`control.maintenanceMode`): no new jobs use it.' })
  async maintenanceMode(@Root() ma: CvMediaAgent, @Ctx() ctx: GatewayContext): Promise<boolean | null> {
    return (await detailOf(ma, ctx))?.maintenanceMode ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The index cache directory (`indexCache.path`).' })
  async indexCachePath(@Root() ma: CvMediaAgent, @Ctx() ctx: GatewayContext): Promise<string | null> {
    return (await detailOf(ma, ctx))?.indexCachePath ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The OS family (`general.operatingSystem.type`, e.g. WINDOWS, UNIX).' })
  async osType(@Root() ma: CvMediaAgent, @Ctx() ctx: GatewayContext): Promise<string | null> {
    return (await detailOf(ma, ctx))?.osType ?? null;
  }
}

function detailOf(ma: CvMediaAgent, ctx: GatewayContext): Promise<CvMediaAgentDetail | null> {
  return commvaultSource(ctx, ma.upstream.id).getMediaAgentDetail(ma.mediaAgentId);
}
