import type { UpstreamRef } from '../../datasources/record.js';
import { Field, Float, ID, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import type { CvRef } from '../../datasources/commvault/model.js';
import { Node } from '../unified/node.type.js';
import { ProtectedWorkload } from '../unified/protected-workload.type.js';
import { Upstream } from '../unified/upstream.type.js';
import { VirtualMachineProtection } from './vm-protection.enum.js';

@ObjectType('CommvaultVirtualMachine', {
  implements: [Node, ProtectedWorkload],
  description:
    'A virtual machine a CommServe knows (`GET /VM`). As a ProtectedWorkload its backups are its VM group\'s. ' +
    'No power state: no Commvault VM answer carries one.',
})
export class CommvaultVirtualMachine implements ProtectedWorkload {
  @Field(() => ID)
  id!: string;

  @Field(() => Upstream)
  upstream!: UpstreamRef;

  @Field(() => Int, { description: 'The VM\'s own client id (a VM the CommServe knows is a client).' })
  clientId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'The hypervisor\'s UUID of the VM (`strGUID`).' })
  uuid!: string | null;

  @Field(() => String, { nullable: true, description: 'Guest operating system (`strOSName`).' })
  guestOs!: string | null;

  @Field(() => String, { nullable: true, description: 'The host (ESX server, Hyper-V node) it runs on (`vmHost`).' })
  hostName!: string | null;

  @Field(() => VirtualMachineProtection, { nullable: true })
  protection!: VirtualMachineProtection | null;

  @Field(() => Float, { nullable: true, description: 'Provisioned size, bytes (`vmSize`).' })
  sizeBytes!: number | null;

  @Field(() => Float, { nullable: true, description: 'Used space, bytes (`vmUsedSpace`).' })
  usedBytes!: number | null;

  @Field(() => Float, { nullable: true, description: 'Guest file-system size, bytes (`vmGuestSpace`).' })
  guestSizeBytes!: number | null;

  @Field(() => Int, { nullable: true, description: 'Id of its last backup job (`vmBackupJob`).' })
  lastBackupJobId!: number | null;

  @Field(() => Date, { nullable: true })
  lastBackupStartedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  lastBackupEndedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Start of its last backup when that backup succeeded (protection PROTECTED or BACKED_UP_WITH_ERROR); free, from the VM list.',
  })
  lastSuccessfulBackupAt!: Date | null;

  @Field(() => Boolean, { nullable: true })
  isDeleted!: boolean | null;

  /** Not fields: references the resolver turns into objects (hypervisor, plan, VM group) or names. */
  hypervisor!: CvRef | null;
  proxy!: CvRef | null;
  plan!: CvRef | null;
  vmGroup!: CvRef | null;
  /** Not a field: the record's GraphQL type name (interfaces resolve by it). */
  __typename!: 'CommvaultVirtualMachine';
}
