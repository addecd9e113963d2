import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import {
  createArraysReplicationLoaders, type ArraysReplicationLoaders,
} from '../../datasources/commvault/arrays-replication-loaders.js';
import type {
  CvArrayAccessNode, CvReplicationGroup, CvReplicationPair, CvSnapConfiguration, CvStorageArray,
} from '../../datasources/commvault/arrays-replication-model.js';
import type { CvClient, CvMediaAgent } from '../../datasources/commvault/model.js';
import type { CvHypervisor, CvVirtualMachine } from '../../datasources/commvault/virtualization-model.js';
import {
  CommvaultReplicationGroupConnection, CommvaultReplicationPairConnection, CommvaultStorageArrayConnection,
} from '../../schema/commvault/arrays-replication-connections.type.js';
import {
  CommvaultReplicationGroupsArgs, CommvaultReplicationPairsArgs, CommvaultStorageArraysArgs,
} from '../../schema/commvault/arrays-replication.args.js';
import { CommvaultClient } from '../../schema/commvault/client.type.js';
import { CommvaultHypervisor } from '../../schema/commvault/hypervisor.type.js';
import { CommvaultMediaAgent } from '../../schema/commvault/media-agent.type.js';
import { CommvaultReplicationGroup, CommvaultReplicationPair } from '../../schema/commvault/replication.type.js';
import { CommvaultArrayAccessNode, CommvaultSnapConfiguration, CommvaultStorageArray } from '../../schema/commvault/storage-array.type.js';
import { CommvaultVirtualMachine } from '../../schema/commvault/virtual-machine.type.js';
import type { ConnectionOf } from '../../schema/unified/connection.type.js';
import { matches, namedListPage } from './named-list-page.js';
import { commvaultLoaders, commvaultSource } from './sources.js';
import { virtualizationLoaders } from './virtualization-sources.js';

const LOADERS = Symbol('commvault array and replication loaders');

/** This request's array and replication loaders, made on first use. */
function loaders(ctx: GatewayContext): ArraysReplicationLoaders {
  return ctx.perRequest(LOADERS, () => createArraysReplicationLoaders((instanceId) => commvaultSource(ctx, instanceId)));
}

function needleOf(value: string | null | undefined): string | undefined {
  return value?.trim().toLowerCase() || undefined;
}

@Resolver(() => CommvaultStorageArray)
export class CommvaultStorageArrayResolver {
  @Query(() => CommvaultStorageArrayConnection, {
    description: 'IntelliSnap storage arrays of the CommServes you may see (`GET /V4/StorageArrays`, one cached call each, filtered and paged here), by name.',
  })
  async commvaultStorageArrays(
    @Args(() => CommvaultStorageArraysArgs) args: CommvaultStorageArraysArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionOf<CvStorageArray>> {
    const needle = needleOf(args.search);
    const vendor = needleOf(args.vendor);
    return namedListPage(ctx, info, {
      upstream: args.upstream,
      first: args.first,
      after: args.after,
      scope: ['storageArrays', needle ?? null, vendor ?? null],
      list: (source) => source.listStorageArrays(),
      keep: (a) => matches(needle, [a.name, a.controlHost, a.description]) && matches(vendor, [a.vendor]),
      idOf: (a) => a.arrayId,
    });
  }

  @FieldResolver(() => String, { nullable: true, description: 'The snap vendor as the array\'s detail names it (`general.snapVendor`, `GET /V4/StorageArrays/{id}`).' })
  async snapVendor(@Root() a: CvStorageArray, @Ctx() ctx: GatewayContext): Promise<string | null> {
    return (await detailOf(ctx, a))?.snapVendor?.name ?? null;
  }

  @FieldResolver(() => Int, { nullable: true, description: '`general.arrayType` (2 NetApp, 1 OCUM; others as sent), from the array\'s detail.' })
  async arrayType(@Root() a: CvStorageArray, @Ctx() ctx: GatewayContext): Promise<number | null> {
    return (await detailOf(ctx, a))?.arrayType ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Its region, where one is configured (from the array\'s detail).' })
  async region(@Root() a: CvStorageArray, @Ctx() ctx: GatewayContext): Promise<string | null> {
    return (await detailOf(ctx, a))?.region ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The array\'s own identifier (serial), from its detail.' })
  async uniqueIdentifier(@Root() a: CvStorageArray, @Ctx() ctx: GatewayContext): Promise<string | null> {
    return (await detailOf(ctx, a))?.uniqueIdentifier ?? null;
  }

  @FieldResolver(() => [CommvaultArrayAccessNode], {
    description: 'Its connected hosts: the MediaAgents that reach it (`accessNodes` of `GET /V4/StorageArrays/{id}`, one call per array).',
  })
  async accessNodes(@Root() a: CvStorageArray, @Ctx() ctx: GatewayContext): Promise<readonly CvArrayAccessNode[]> {
    return (await detailOf(ctx, a))?.accessNodes ?? [];
  }

  @FieldResolver(() => [CommvaultMediaAgent], {
    description: 'Its access nodes as MediaAgents, from the cached MediaAgent list (`GET /V2/MediaAgents`); a node not in that list is left out.',
  })
  async mediaAgents(@Root() a: CvStorageArray, @Ctx() ctx: GatewayContext): Promise<CvMediaAgent[]> {
    const nodes = (await detailOf(ctx, a))?.accessNodes ?? [];
    const found = await commvaultLoaders(ctx).mediaAgentById.loadMany(nodes.map((n) => ({ instanceId: a.upstream.id, id: n.mediaAgentId })));
    return found.filter((m): m is CvMediaAgent => m !== null && !(m instanceof Error));
  }

  @FieldResolver(() => [CommvaultSnapConfiguration], {
    description: 'Its snapshot capabilities: the snap configurations the CommServe holds for it (`snapConfigurations` of its detail).',
  })
  async snapConfigurations(@Root() a: CvStorageArray, @Ctx() ctx: GatewayContext): Promise<readonly CvSnapConfiguration[]> {
    return (await detailOf(ctx, a))?.snapConfigurations ?? [];
  }
}

function detailOf(ctx: GatewayContext, a: CvStorageArray) {
  return loaders(ctx).storageArrayDetailById.load({ instanceId: a.upstream.id, id: a.arrayId });
}

@Resolver(() => CommvaultReplicationGroup)
export class CommvaultReplicationGroupResolver {
  @Query(() => CommvaultReplicationGroupConnection, {
    description: 'Replication groups of the CommServes you may see (`GET /V4/ReplicationGroup`, one cached call each, filtered and paged here), by name.',
  })
  async commvaultReplicationGroups(
    @Args(() => CommvaultReplicationGroupsArgs) args: CommvaultReplicationGroupsArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionOf<CvReplicationGroup>> {
    const needle = needleOf(args.search);
    const type = args.replicationType?.trim().toUpperCase() || undefined;
    const state = args.state?.trim().toUpperCase() || undefined;
    return namedListPage(ctx, info, {
      upstream: args.upstream,
      first: args.first,
      after: args.after,
      scope: ['replicationGroups', needle ?? null, type ?? null, state ?? null],
      list: (source) => source.listReplicationGroups(),
      keep: (g) =>
        matches(needle, [g.name, g.source?.name, g.destination?.name]) &&
        (!type || g.replicationType === type) &&
        (!state || g.state === state),
      idOf: (g) => g.groupId,
    });
  }

  @FieldResolver(() => String, { nullable: true, description: 'The source\'s name as the group gives it (free).' })
  sourceName(@Root() g: CvReplicationGroup): string | null {
    return g.source?.name ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The destination\'s name as the group gives it (free).' })
  destinationName(@Root() g: CvReplicationGroup): string | null {
    return g.destination?.name ?? null;
  }

  @FieldResolver(() => CommvaultHypervisor, { nullable: true, description: 'The source hypervisor, from `GET /V4/Hypervisor` (one cached call per CommServe).' })
  sourceHypervisor(@Root() g: CvReplicationGroup, @Ctx() ctx: GatewayContext): Promise<CvHypervisor | null> | null {
    return g.source && virtualizationLoaders(ctx).hypervisorById.load({ instanceId: g.upstream.id, id: g.source.id });
  }

  @FieldResolver(() => CommvaultHypervisor, { nullable: true, description: 'The destination hypervisor, from `GET /V4/Hypervisor`.' })
  destinationHypervisor(@Root() g: CvReplicationGroup, @Ctx() ctx: GatewayContext): Promise<CvHypervisor | null> | null {
    return g.destination && virtualizationLoaders(ctx).hypervisorById.load({ instanceId: g.upstream.id, id: g.destination.id });
  }

  @FieldResolver(() => [CommvaultReplicationPair], {
    description: 'Its pairs, from the replication monitors (both read once per CommServe and request, matched by group name), by source name.',
  })
  async pairs(@Root() g: CvReplicationGroup, @Ctx() ctx: GatewayContext): Promise<CvReplicationPair[]> {
    const pairs = await loaders(ctx).pairsByGroupName.load({ instanceId: g.upstream.id, name: g.name });
    return [...pairs].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.pairId - b.pairId);
  }
}

@Resolver(() => CommvaultReplicationPair)
export class CommvaultReplicationPairResolver {
  @Query(() => CommvaultReplicationPairConnection, {
    description:
      'Replication pairs of the CommServes you may see: `GET /Replications/Monitors/streaming` (periodic) and `/continuous` (two cached calls each, filtered and paged here), by source name.',
  })
  async commvaultReplicationPairs(
    @Args(() => CommvaultReplicationPairsArgs) args: CommvaultReplicationPairsArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionOf<CvReplicationPair>> {
    const needle = needleOf(args.search);
    const group = needleOf(args.group);
    const statuses = args.status && args.status.length > 0 ? new Set(args.status.map((s) => s.trim().toUpperCase())) : undefined;
    return namedListPage(ctx, info, {
      upstream: args.upstream,
      first: args.first,
      after: args.after,
      scope: ['replicationPairs', needle ?? null, group ?? null, args.kind ?? null, statuses ? [...statuses].sort().join(',') : null],
      list: (source) => source.listReplicationPairs(),
      keep: (p) =>
        matches(needle, [p.name, p.destinationName]) &&
        (!group || p.groupName?.toLowerCase() === group) &&
        (!args.kind || p.kind === args.kind) &&
        (!statuses || (p.status !== null && statuses.has(p.status))),
      // Periodic and continuous ids are separate sequences: continuous ones sort after.
      idOf: (p) => (p.kind === 'PERIODIC' ? 0 : 2 ** 31) + p.pairId,
    });
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'How far the replica is behind, seconds. Continuous: the monitor\'s `lagTime`. Periodic: computed here as now − `syncedTill`; null when never synced.',
  })
  lagSeconds(@Root() p: CvReplicationPair): number | null {
    if (p.kind === 'CONTINUOUS') return p.lagSeconds;
    return p.syncedTill ? Math.max(0, Math.floor((Date.now() - p.syncedTill.getTime()) / 1000)) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The destination hypervisor\'s name where the monitor gives it (periodic `destinationInstance`; free).' })
  destinationHypervisorName(@Root() p: CvReplicationPair): string | null {
    return p.kind === 'PERIODIC' ? (p.destinationClient?.name ?? null) : null;
  }

  @FieldResolver(() => CommvaultHypervisor, { nullable: true, description: 'The destination hypervisor, from `GET /V4/Hypervisor` (one cached call per CommServe).' })
  destinationHypervisor(@Root() p: CvReplicationPair, @Ctx() ctx: GatewayContext): Promise<CvHypervisor | null> | null {
    return p.destinationClient && virtualizationLoaders(ctx).hypervisorById.load({ instanceId: p.upstream.id, id: p.destinationClient.id });
  }

  @FieldResolver(() => CommvaultVirtualMachine, {
    nullable: true,
    description: 'The source VM, from the cached VM list (`GET /VM`): by client id for continuous pairs, by UUID for periodic ones.',
  })
  sourceVirtualMachine(@Root() p: CvReplicationPair, @Ctx() ctx: GatewayContext): Promise<CvVirtualMachine | null> | null {
    if (p.sourceClientId !== null) return virtualizationLoaders(ctx).virtualMachineById.load({ instanceId: p.upstream.id, id: p.sourceClientId });
    return p.sourceGuid ? loaders(ctx).virtualMachineByUuid.load({ instanceId: p.upstream.id, name: p.sourceGuid }) : null;
  }

  @FieldResolver(() => CommvaultClient, { nullable: true, description: 'The source as a client, from the cached client list (`GET /Client`).' })
  async sourceClient(@Root() p: CvReplicationPair, @Ctx() ctx: GatewayContext): Promise<CvClient | null> {
    const clientId = p.sourceClientId ?? (await this.sourceVirtualMachine(p, ctx))?.clientId ?? null;
    return clientId === null ? null : commvaultLoaders(ctx).clientById.load({ instanceId: p.upstream.id, id: clientId });
  }
}
