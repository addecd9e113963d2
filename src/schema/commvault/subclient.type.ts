import type { UpstreamRef } from '../../datasources/record.js';
import { Field, ID, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import type { CvSubclientDetail } from '../../datasources/commvault/model.js';
import { Node } from '../unified/node.type.js';
import { ProtectedWorkload } from '../unified/protected-workload.type.js';
import { Upstream } from '../unified/upstream.type.js';

/**
 * Basic fields come from wherever the subclient was met (a job summary embeds them); `description`,
 * `backupEnabled`, `contentPaths`, `plan` and `storagePolicy` load the subclient's details only when asked.
 */
@ObjectType('CommvaultSubclient', {
  implements: [Node, ProtectedWorkload],
  description: 'What is backed up, and how, on one client agent; as a ProtectedWorkload, its backups are its own backup jobs.',
})
export class CommvaultSubclient implements ProtectedWorkload {
  @Field(() => ID)
  id!: string;

  @Field(() => Upstream)
  upstream!: UpstreamRef;

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

  /** Resolved by the subclient resolver from its client (ProtectedWorkload). */
  hostName!: string | null;
  /** Resolved by the subclient resolver from its backup jobs (ProtectedWorkload). */
  lastSuccessfulBackupAt!: Date | null;

  /** Not a field: the record's GraphQL type name (interfaces resolve by it). */
  __typename!: 'CommvaultSubclient';
  /** Not fields: ids Commvault embeds beside the names. */
  applicationId!: number | null;
  backupsetId!: number | null;
  agentInstanceId!: number | null;
  /** Not a field: the subclient's properties when it came from a listing or detail call; else the fields below load them. */
  detail!: CvSubclientDetail | null;
}
