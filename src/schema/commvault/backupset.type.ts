import { Field, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';

@ObjectType('CommvaultBackupset', { description: 'A backup set of an agent on a client.' })
export class CommvaultBackupset {
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
}
