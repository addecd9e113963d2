import { Field, ID, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import type { CvSubclient } from '../../datasources/commvault/model.js';
import { Node } from '../unified/node.type.js';
import { Upstream } from '../unified/upstream.type.js';

/**
 * Basic fields come from wherever the subclient was met (a job summary embeds them); `description`,
 * `backupEnabled`, `contentPaths`, `plan` and `storagePolicy` load the subclient's details only when asked.
 */
@ObjectType('CommvaultSubclient', { implements: Node, description: 'What is backed up, and how, on one client agent.' })
export class CommvaultSubclient implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => Upstream)
  upstream!: Upstream;

  @Field(() => Int)
  subclientId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => Int, { nullable: true })
  clientId!: number | null;

  @Field(() => String, { nullable: true })
  clientName!: string | null;

  @Field(() => String, { nullable: true, description: 'The agent, e.g. `Windows File System`.' })
  appName!: string | null;

  @Field(() => String, { nullable: true })
  backupsetName!: string | null;

  @Field(() => String, { nullable: true })
  agentInstanceName!: string | null;

  /** Not a field: the upstream instance id. */
  instanceId!: string;
  /** Not a field: the full record when the subclient came from a listing or detail call. */
  detail?: CvSubclient;
}
