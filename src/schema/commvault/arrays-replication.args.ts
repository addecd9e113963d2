import { ArgsType, Field, ID } from 'type-graphql';
import { PageArgs } from '../unified/page.args.js';
import { ReplicationKind } from './replication.type.js';

@ArgsType()
export class CommvaultStorageArraysArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'One upstream instance id. Default: every CommServe you may see.' })
  upstream?: string | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of name, control host or description.' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the vendor, e.g. `pure`, `netapp`.' })
  vendor?: string | null;
}

@ArgsType()
export class CommvaultReplicationGroupsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'One upstream instance id. Default: every CommServe you may see.' })
  upstream?: string | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name, source or destination.' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Only groups of this replication type (PERIODIC, CONTINUOUS, LIVE_SYNC, ...; case-insensitive).' })
  replicationType?: string | null;

  @Field(() => String, { nullable: true, description: 'Only groups in this state (ENABLED, DISABLED; case-insensitive).' })
  state?: string | null;
}

@ArgsType()
export class CommvaultReplicationPairsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'One upstream instance id. Default: every CommServe you may see.' })
  upstream?: string | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the source\'s or the replica\'s name.' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Only pairs of the replication group of this name (case-insensitive, whole name).' })
  group?: string | null;

  @Field(() => ReplicationKind, { nullable: true })
  kind?: ReplicationKind | null;

  @Field(() => [String], { nullable: true, description: 'Only pairs in one of these statuses (names as `status` gives them, e.g. SYNC_FAILED, PROBLEM).' })
  status?: string[] | null;
}
