import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { CvStoragePolicyCopy } from '../../datasources/commvault/model.js';
import type { CvRetentionRule } from '../../datasources/commvault/protection-model.js';
import { RetentionRule } from '../../schema/commvault/retention-rule.type.js';
import { CommvaultStoragePolicyCopy } from '../../schema/commvault/storage-policy.type.js';
import { fromGlobalId } from '../../util/global-id.js';
import { commvaultSource } from './sources.js';

@Resolver(() => CommvaultStoragePolicyCopy)
export class CommvaultStoragePolicyCopyResolver {
  @FieldResolver(() => RetentionRule, { nullable: true, description: 'The copy\'s whole retention rule (`GET /V2/StoragePolicy/{id}/Copy/{copyId}`).' })
  async retention(@Root() copy: CvStoragePolicyCopy, @Ctx() ctx: GatewayContext): Promise<CvRetentionRule | null> {
    const source = commvaultSource(ctx, fromGlobalId(copy.id).instanceId);
    return (await source.getStoragePolicyCopy(copy.storagePolicyId, copy.copyId))?.retention ?? null;
  }
}
