import type { GatewayContext } from '../../context.js';
import type { CommvaultSource } from '../../datasources/commvault/commvault-source.js';
import type { CvDdbStore } from '../../datasources/commvault/model.js';
import { commvaultLoaders } from './sources.js';

/**
 * Every deduplication store of one CommServe with its partitions: the engine list (one qoperation call)
 * and `GET /DDBInformation/{id}` per store, through the per-request loader so other fields of the same
 * stores read the same answers. What `ddbAlerts` and `healthReport`'s DDB check judge.
 */
export async function ddbStoresWithPartitions(ctx: GatewayContext, source: CommvaultSource): Promise<CvDdbStore[]> {
  const listed = await source.listDdbStores();
  const details = await commvaultLoaders(ctx).ddbStoreById.loadMany(listed.map((d) => ({ instanceId: source.instanceId, id: d.storeId })));
  return listed.flatMap((d, i) => {
    const detail = details[i];
    if (detail instanceof Error) throw detail;
    if (!detail) return [];
    // The detail answer has partitions; the engine list names policy and copy.
    return [{ ...detail, storagePolicyName: detail.storagePolicyName ?? d.storagePolicyName, copyName: detail.copyName ?? d.copyName }];
  });
}
