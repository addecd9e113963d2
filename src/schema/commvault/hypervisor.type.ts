import type { UpstreamRef } from '../../datasources/record.js';
import { Field, ID, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { Node } from '../unified/node.type.js';
import { Upstream } from '../unified/upstream.type.js';

@ObjectType('CommvaultHypervisor', {
  implements: [Node],
  description: 'A hypervisor (virtualisation pseudo-client: vCenter, Hyper-V, a cloud account) of a CommServe, from `GET /V4/Hypervisor`.',
})
export class CommvaultHypervisor implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => Upstream)
  upstream!: UpstreamRef;

  @Field(() => Int, { description: 'Its pseudo-client\'s client id.' })
  hypervisorId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  displayName!: string | null;

  @Field(() => String, { nullable: true })
  hostName!: string | null;

  @Field(() => String, { nullable: true, description: 'Commvault\'s `HypervisorType` as sent: `VMW`, `MICROSOFT`, `AZURE_V2`, `NUTANIX`, ...' })
  vendor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Commvault\'s V4 `status`: a retire state (`UNKNOWN` for a hypervisor in use, `RETIRE_IN_PROGRESS`, `DECONFIGURED`); not reachability.',
  })
  retireStatus!: string | null;

  @Field(() => String, { nullable: true })
  version!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether its backup activity is enabled (`clientActivityControl`).' })
  backupEnabled!: boolean | null;

  /** Not a field: the record's GraphQL type name. */
  __typename!: 'CommvaultHypervisor';
}
