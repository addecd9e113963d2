import { ArgsType, Field, ID, Int } from 'type-graphql';
import { PageArgs } from '../unified/page.args.js';
import { VirtualMachineProtection } from './vm-protection.enum.js';

@ArgsType()
export class CommvaultHypervisorsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'One upstream instance id. Default: every CommServe you may see.' })
  upstream?: string | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of name, display name or host name.' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this vendor (`HypervisorType`, e.g. `VMW`, `MICROSOFT`; case-insensitive).' })
  vendor?: string | null;
}

@ArgsType()
export class CommvaultVirtualMachinesArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'One upstream instance id. Default: every CommServe you may see.' })
  upstream?: string | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of name, UUID or host.' })
  search?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only VMs of this hypervisor (its `hypervisorId`); needs `upstream`.' })
  hypervisorId?: number | null;

  @Field(() => [VirtualMachineProtection], { nullable: true, description: 'Only VMs in one of these protection states.' })
  protection?: VirtualMachineProtection[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only VMs whose last backup succeeded (true) or not (false).' })
  protected?: boolean | null;
}
