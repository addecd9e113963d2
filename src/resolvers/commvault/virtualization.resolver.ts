import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { CvClient, CvPlan } from '../../datasources/commvault/model.js';
import type { CvHypervisor, CvVirtualMachine } from '../../datasources/commvault/virtualization-model.js';
import { badUserInput } from '../../errors/gateway-error.js';
import { CommvaultClient } from '../../schema/commvault/client.type.js';
import { CommvaultHypervisor } from '../../schema/commvault/hypervisor.type.js';
import { CommvaultPlan } from '../../schema/commvault/plan.type.js';
import { CommvaultVirtualMachine } from '../../schema/commvault/virtual-machine.type.js';
import { CommvaultHypervisorConnection, CommvaultVirtualMachineConnection } from '../../schema/commvault/virtualization-connections.type.js';
import { CommvaultHypervisorsArgs, CommvaultVirtualMachinesArgs } from '../../schema/commvault/virtualization.args.js';
import type { ConnectionOf } from '../../schema/unified/connection.type.js';
import { matches, namedListPage } from './named-list-page.js';
import { commvaultLoaders, commvaultSource } from './sources.js';
import { virtualizationLoaders } from './virtualization-sources.js';

@Resolver(() => CommvaultHypervisor)
export class CommvaultHypervisorResolver {
  @Query(() => CommvaultHypervisorConnection, {
    description: 'Hypervisors of the CommServes you may see (`GET /V4/Hypervisor`, one cached call each), by name.',
  })
  async commvaultHypervisors(
    @Args(() => CommvaultHypervisorsArgs) args: CommvaultHypervisorsArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionOf<CvHypervisor>> {
    const needle = args.search?.trim().toLowerCase() || undefined;
    const vendor = args.vendor?.trim().toUpperCase() || undefined;
    return namedListPage(ctx, info, {
      upstream: args.upstream,
      first: args.first,
      after: args.after,
      scope: ['hypervisors', needle ?? null, vendor ?? null],
      list: (source) => source.listHypervisors(),
      keep: (h) => matches(needle, [h.name, h.displayName, h.hostName]) && (!vendor || h.vendor?.toUpperCase() === vendor),
      idOf: (h) => h.hypervisorId,
    });
  }

  @FieldResolver(() => Int, { description: 'VMs of this hypervisor in the CommServe\'s VM list (`GET /VM`, one cached call per CommServe).' })
  async vmCount(@Root() h: CvHypervisor, @Ctx() ctx: GatewayContext): Promise<number> {
    return (await virtualizationLoaders(ctx).vmCountsByHypervisorId.load({ instanceId: h.upstream.id, id: h.hypervisorId })).total;
  }

  @FieldResolver(() => Int, { description: 'Of those, the VMs whose last backup succeeded (PROTECTED or BACKED_UP_WITH_ERROR).' })
  async protectedVmCount(@Root() h: CvHypervisor, @Ctx() ctx: GatewayContext): Promise<number> {
    return (await virtualizationLoaders(ctx).vmCountsByHypervisorId.load({ instanceId: h.upstream.id, id: h.hypervisorId })).protected;
  }
}

@Resolver(() => CommvaultVirtualMachine)
export class CommvaultVirtualMachineResolver {
  @Query(() => CommvaultVirtualMachineConnection, {
    description:
      'Virtual machines of the CommServes you may see (`GET /VM`, one cached call each, filtered and paged here), by name.',
  })
  async commvaultVirtualMachines(
    @Args(() => CommvaultVirtualMachinesArgs) args: CommvaultVirtualMachinesArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionOf<CvVirtualMachine>> {
    if (args.hypervisorId != null && !args.upstream) throw badUserInput('hypervisorId needs upstream: hypervisor ids are per CommServe');
    const needle = args.search?.trim().toLowerCase() || undefined;
    const states = args.protection && args.protection.length > 0 ? new Set(args.protection) : undefined;
    return namedListPage(ctx, info, {
      upstream: args.upstream,
      first: args.first,
      after: args.after,
      scope: ['vms', needle ?? null, args.hypervisorId ?? null, states ? [...states].sort().join(',') : null, args.protected ?? null],
      list: (source) => source.listVirtualMachines(),
      keep: (vm) =>
        matches(needle, [vm.name, vm.uuid, vm.hostName]) &&
        (args.hypervisorId == null || vm.hypervisor?.id === args.hypervisorId) &&
        (!states || (vm.protection !== null && states.has(vm.protection))) &&
        (args.protected == null || (vm.lastSuccessfulBackupAt !== null) === args.protected),
      idOf: (vm) => vm.clientId,
    });
  }

  @Query(() => CommvaultVirtualMachine, { nullable: true, description: 'One VM of one CommServe, by its client id; null if unknown.' })
  async commvaultVirtualMachine(
    @Arg('upstream', () => ID) upstream: string,
    @Arg('clientId', () => Int) clientId: number,
    @Ctx() ctx: GatewayContext,
  ): Promise<CvVirtualMachine | null> {
    const source = commvaultSource(ctx, upstream);
    return virtualizationLoaders(ctx).virtualMachineById.load({ instanceId: source.instanceId, id: clientId });
  }

  @FieldResolver(() => CommvaultHypervisor, { nullable: true, description: 'Its hypervisor (`pseudoClient`), from `GET /V4/Hypervisor` (one cached call per CommServe).' })
  hypervisor(@Root() vm: CvVirtualMachine, @Ctx() ctx: GatewayContext): Promise<CvHypervisor | null> | null {
    return vm.hypervisor && virtualizationLoaders(ctx).hypervisorById.load({ instanceId: vm.upstream.id, id: vm.hypervisor.id });
  }

  @FieldResolver(() => String, { nullable: true, description: 'Its hypervisor\'s name as the VM list gives it (free).' })
  hypervisorName(@Root() vm: CvVirtualMachine): string | null {
    return vm.hypervisor?.name ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The access node (proxy) that backs it up (free).' })
  proxyName(@Root() vm: CvVirtualMachine): string | null {
    return vm.proxy?.name ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Its VM group (the Virtual Server subclient that backs it up), by name (free).' })
  vmGroupName(@Root() vm: CvVirtualMachine): string | null {
    return vm.vmGroup?.name ?? null;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Its VM group\'s subclient id (free).' })
  vmGroupId(@Root() vm: CvVirtualMachine): number | null {
    return vm.vmGroup?.id ?? null;
  }

  @FieldResolver(() => CommvaultPlan, { nullable: true, description: 'Its plan, from the cached plan list (`GET /V2/Plan`); null when it has none.' })
  plan(@Root() vm: CvVirtualMachine, @Ctx() ctx: GatewayContext): Promise<CvPlan | null> | null {
    return vm.plan && commvaultLoaders(ctx).planById.load({ instanceId: vm.upstream.id, id: vm.plan.id });
  }

  @FieldResolver(() => CommvaultClient, { nullable: true, description: 'The VM as a client, from the cached client list (`GET /Client`).' })
  client(@Root() vm: CvVirtualMachine, @Ctx() ctx: GatewayContext): Promise<CvClient | null> {
    return commvaultLoaders(ctx).clientById.load({ instanceId: vm.upstream.id, id: vm.clientId });
  }
}
