import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { CvStoragePolicyCopy } from '../../datasources/commvault/model.js';
import type { CvPlanBackupDestination } from '../../datasources/commvault/protection-model.js';
import type { CvAgingSummary } from '../../datasources/commvault/retention-aging.js';
import { CommvaultAgingSummary } from '../../schema/commvault/aging-summary.type.js';
import { CommvaultPlanBackupDestination } from '../../schema/commvault/plan-detail.type.js';
import { CommvaultStoragePolicyCopy } from '../../schema/commvault/storage-policy.type.js';
import { fromGlobalId } from '../../util/global-id.js';
import { copyAgingSummary, planDestinationAgingRule } from './copy-aging.js';
import { commvaultSource } from './sources.js';

const AGING_SUMMARY = 'The jobs the next data aging run would prune under the copy\'s current retention, and the space they hold (docs/schema.md, "Aging and protection summaries").';

/** `agingSummary` of a plan backup destination: its V4 rule with its V2 copy's cycles, over the copy's job list. */
@Resolver(() => CommvaultPlanBackupDestination)
export class CommvaultPlanDestinationAgingResolver {
  @FieldResolver(() => CommvaultAgingSummary, { description: AGING_SUMMARY })
  async agingSummary(@Root() d: CvPlanBackupDestination, @Ctx() ctx: GatewayContext): Promise<CvAgingSummary> {
    const source = commvaultSource(ctx, fromGlobalId(d.id).instanceId);
    return copyAgingSummary(source, d.copyId, planDestinationAgingRule(source, d.planId, d.copyId, d.retention));
  }
}

/** `agingSummary` of a storage policy copy: its V2 rule (`GET /V2/StoragePolicy/{id}/Copy/{copyId}`) over its job list. */
@Resolver(() => CommvaultStoragePolicyCopy)
export class CommvaultPolicyCopyAgingResolver {
  @FieldResolver(() => CommvaultAgingSummary, { nullable: true, description: `${AGING_SUMMARY} Null when the CommServe does not know the copy.` })
  async agingSummary(@Root() copy: CvStoragePolicyCopy, @Ctx() ctx: GatewayContext): Promise<CvAgingSummary | null> {
    const source = commvaultSource(ctx, fromGlobalId(copy.id).instanceId);
    const detail = await source.getStoragePolicyCopy(copy.storagePolicyId, copy.copyId);
    return detail ? copyAgingSummary(source, copy.copyId, detail.retention) : null;
  }
}
