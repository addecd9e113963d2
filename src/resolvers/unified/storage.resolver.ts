import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { BackupDrSource } from '../../datasources/backupdr/backupdr-source.js';
import type { CommvaultSource } from '../../datasources/commvault/commvault-source.js';
import type { BdrDiskPool } from '../../datasources/backupdr/model.js';
import type { CvStoragePool } from '../../datasources/commvault/model.js';
import { StorageTarget } from '../../schema/unified/storage-target.type.js';
import { UpstreamArgs } from '../../schema/unified/upstream.args.js';
import { fanOutList } from '../fan-out.js';
import { recordPartial } from '../partial-errors.js';
import { splitUpstreams } from '../sources.js';

/** A console's disk pools in one list call (a console holds a few dozen; the page bound is generous). */
const CONSOLE_POOL_LIMIT = 1000;

@Resolver()
export class StorageResolver {
  @Query(() => [StorageTarget], {
    description:
      'Every storage target of the upstreams you may see: Commvault storage pools (disk and cloud) and console disk pools.',
  })
  async storagePools(
    @Args(() => UpstreamArgs) args: UpstreamArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Array<CvStoragePool | BdrDiskPool>> {
    const { commvault, backupdr } = splitUpstreams(ctx, args.upstream ? [args.upstream] : undefined);
    const onFailure = recordPartial(ctx, info);
    const [pools, diskPools] = await Promise.all([
      fanOutList(
        commvault,
        (source: CommvaultSource) => source.listStoragePools(),
        onFailure,
      ),
      fanOutList(
        backupdr,
        async (source: BackupDrSource) => {
          const page = await source.list('diskpool', { defaultSort: 'id:asc', limit: CONSOLE_POOL_LIMIT });
          return page.items;
        },
        onFailure,
      ),
    ]);
    return [...pools, ...diskPools];
  }
}
