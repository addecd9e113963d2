import type { UpstreamRef } from '../../datasources/record.js';
import { Field, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';

@ObjectType('CommvaultAgentInstance', {
  description: 'An instance of an agent on a client (`DefaultInstanceName` for file systems; one per database server for database agents): its backup sets sit below it.',
})
export class CommvaultAgentInstance {
  @Field(() => Int)
  instanceId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => Int)
  clientId!: number;

  @Field(() => Int, { nullable: true })
  applicationId!: number | null;

  @Field(() => String, { nullable: true, description: 'The agent, e.g. `Windows File System`.' })
  appName!: string | null;

  /** Not a field: the CommServe the record was read from (its child levels load there). */
  upstream!: UpstreamRef;
}
