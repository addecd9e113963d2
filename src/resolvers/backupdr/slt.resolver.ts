import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { BdrPolicy, BdrSlt } from '../../datasources/backupdr/model.js';
import { BackupDrPolicy } from '../../schema/backupdr/policy.type.js';
import { BackupDrSlt } from '../../schema/backupdr/slt.type.js';
import { consoleLoaders } from './sources.js';

@Resolver(() => BackupDrSlt)
export class BackupDrSltResolver {
  @FieldResolver(() => [BackupDrPolicy], { nullable: true, description: 'The template\'s policies (`GET /slt/{id}/policy`).' })
  policies(@Root() s: BdrSlt, @Ctx() ctx: GatewayContext): Promise<BdrPolicy[]> {
    return consoleLoaders(ctx).policiesBySltId.load({ instanceId: s.upstream.id, id: s.consoleId });
  }
}
