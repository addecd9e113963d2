import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { BackupDrPolicy } from '../../schema/backupdr/policy.type.js';
import { BackupDrSlt } from '../../schema/backupdr/slt.type.js';
import { presentPolicy } from './present.js';
import { consoleLoaders } from './sources.js';

@Resolver(() => BackupDrSlt)
export class BackupDrSltResolver {
  @FieldResolver(() => [BackupDrPolicy], { description: 'The template\'s policies (`GET /slt/{id}/policy`).' })
  async policies(@Root() s: BackupDrSlt, @Ctx() ctx: GatewayContext): Promise<BackupDrPolicy[]> {
    return (await consoleLoaders(ctx).policiesBySltId.load({ instanceId: s.upstream.id, id: s.consoleId })).map(presentPolicy);
  }
}
