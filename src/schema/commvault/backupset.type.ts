import type { UpstreamRef } from '../../datasources/record.js';
import { Field, ID, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';

@ObjectType('CommvaultBackupset', { description: 'A backup set of an agent on a client.' })
export class CommvaultBackupset {
  @Field(() => ID, { description: 'Names this backup set in `backupBackupset` (not a Node: `node(id)` does not fetch it).' })
  id!: string;

  @Field(() => Int)
  backupsetId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'The agent, e.g. `Windows File System`.' })
  appName!: string | null;

  @Field(() => String, { nullable: true })
  agentInstanceName!: string | null;

  @Field(() => Boolean, { nullable: true })
  isDefault!: boolean | null;

  /** Not fields: the ids Commvault embeds beside the names (the instance's is `agentInstanceId` of its subclients). */
  clientId!: number | null;
  applicationId!: number | null;
  agentInstanceId!: number | null;

  /** Not a field: the CommServe the record was read from (its child levels load there). */
  upstream!: UpstreamRef;
}
