import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Float, Info, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { freePercentOf } from '../../datasources/domain.js';
import { capacitySeverity } from '../../monitoring/thresholds.js';
import type { CvLibrary, CvMountPath } from '../../datasources/commvault/model.js';
import { CommvaultLibrary, CommvaultMountPath } from '../../schema/commvault/library.type.js';
import { Severity } from '../../schema/unified/severity.enum.js';
import { UpstreamArgs } from '../../schema/unified/upstream.args.js';
import { fanOutList } from '../../paging/fan-out.js';
import { recordPartial } from '../partial-errors.js';
import { commvaultSources } from './sources.js';
import { commvaultLoaders } from './sources.js';

/** `GET /Library` names libraries only; everything else here comes from `GET /Library/{id}` (one per library). */
@Resolver(() => CommvaultLibrary)
export class CommvaultLibraryResolver {
  @Query(() => [CommvaultLibrary], { description: 'Libraries of the CommServes you may see.' })
  async commvaultLibraries(
    @Args(() => UpstreamArgs) args: UpstreamArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CvLibrary[]> {
    return fanOutList(
      commvaultSources(ctx, args.upstream),
      (source) => source.listLibraries(),
      recordPartial(ctx, info),
    );
  }

  @FieldResolver(() => String, { nullable: true })
  async status(@Root() l: CvLibrary, @Ctx() ctx: GatewayContext): Promise<string | null> {
    return (await detail(l, ctx))?.status ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  async libraryType(@Root() l: CvLibrary, @Ctx() ctx: GatewayContext): Promise<string | null> {
    return (await detail(l, ctx))?.libraryType ?? null;
  }

  @FieldResolver(() => [CommvaultMountPath], { nullable: true })
  mountPaths(@Root() l: CvLibrary, @Ctx() ctx: GatewayContext): Promise<CvMountPath[]> {
    return mountPaths(l, ctx);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Sum of the mount paths\' capacity, bytes.' })
  async capacityBytes(@Root() l: CvLibrary, @Ctx() ctx: GatewayContext): Promise<number | null> {
    return sum((await mountPaths(l, ctx)).map((m) => m.capacityBytes));
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Sum of the mount paths\' free space, bytes.' })
  async freeBytes(@Root() l: CvLibrary, @Ctx() ctx: GatewayContext): Promise<number | null> {
    return sum((await mountPaths(l, ctx)).map((m) => m.freeBytes));
  }

  @FieldResolver(() => Severity, { nullable: true, description: 'From the free share of all mount paths together.' })
  async severity(@Root() l: CvLibrary, @Ctx() ctx: GatewayContext): Promise<Severity | null> {
    const paths = await mountPaths(l, ctx);
    return capacitySeverity(freePercentOf(sum(paths.map((m) => m.capacityBytes)), sum(paths.map((m) => m.freeBytes))), ctx.thresholds.capacity);
  }
}

async function detail(l: CvLibrary, ctx: GatewayContext): Promise<CvLibrary | null> {
  return commvaultLoaders(ctx).libraryById.load({ instanceId: l.upstream.id, id: l.libraryId });
}

async function mountPaths(l: CvLibrary, ctx: GatewayContext): Promise<CvMountPath[]> {
  return (await detail(l, ctx))?.mountPaths ?? [];
}

function sum(values: Array<number | null>): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
}
