import type { UpstreamRef } from '../../datasources/record.js';
import type { CvReplicationKind } from '../../datasources/commvault/arrays-replication-model.js';
import { Field, ID, Int, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../date-time.scalar.js';
import { ObjectType } from '../object-type.js';
import { Node } from '../unified/node.type.js';
import { Upstream } from '../unified/upstream.type.js';

export enum ReplicationKind {
  PERIODIC = 'PERIODIC',
  CONTINUOUS = 'CONTINUOUS',
}

registerEnumType(ReplicationKind, {
  name: 'ReplicationKind',
  description: 'Which Commvault replication monitor a pair comes from.',
  valuesConfig: {
    PERIODIC: { description: 'Periodic (Live Sync) replication from backups: `GET /Replications/Monitors/streaming`.' },
    CONTINUOUS: { description: 'Continuous (block-level) replication: `GET /Replications/Monitors/continuous`.' },
  },
});

@ObjectType('CommvaultReplicationGroup', { implements: [Node], description: 'A replication group of a CommServe, from `GET /V4/ReplicationGroup`.' })
export class CommvaultReplicationGroup implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => Upstream)
  upstream!: UpstreamRef;

  @Field(() => Int, { description: 'Its `id` (or its `taskId` where the CommServe gives only that).' })
  groupId!: number;

  @Field(() => Int, { nullable: true })
  taskId!: number | null;

  @Field(() => String)
  name!: string;

  /** Source and destination by id and name; the hypervisor fields resolve them. */
  source!: { id: number; name: string } | null;
  destination!: { id: number; name: string } | null;

  @Field(() => String, { nullable: true, description: 'What it replicates, e.g. `VIRTUAL_MACHINE`.' })
  type!: string | null;

  @Field(() => String, {
    nullable: true,
    description: '`replicationGroupType`: PERIODIC, CONTINUOUS (the API spells it CONTINOUS), LIVE_SYNC, LIVE_SYNC_DIRECT, LIVE_SYNC_IO, NOT_APPLICABLE.',
  })
  replicationType!: string | null;

  @Field(() => String, { nullable: true, description: 'ENABLED, DISABLED or NOT_APPLICABLE.' })
  state!: string | null;

  /** Not a field: the record's GraphQL type name. */
  __typename!: 'CommvaultReplicationGroup';
}

@ObjectType('CommvaultReplicationPair', {
  implements: [Node],
  description:
    'One replicated source (a VM) and its replica, from the replication monitors. Commvault has no pair list of its own and no "last replication time" on continuous pairs: see each field.',
})
export class CommvaultReplicationPair implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => Upstream)
  upstream!: UpstreamRef;

  @Field(() => Int, { description: 'The monitor\'s pair id (`replicationId` periodic, `id` continuous); unique within its kind.' })
  pairId!: number;

  @Field(() => ReplicationKind)
  kind!: CvReplicationKind;

  @Field(() => String, { description: 'The source\'s name (`sourceName`).' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'The source VM\'s UUID (`sourceGuid`).' })
  sourceGuid!: string | null;

  @Field(() => Int, { nullable: true, description: 'The source\'s client id (continuous `srcClientId`); periodic pairs name it by GUID only (see `sourceVirtualMachine`).' })
  sourceClientId!: number | null;

  @Field(() => String, { nullable: true, description: 'The replica\'s name (`destinationName`).' })
  destinationName!: string | null;

  @Field(() => String, { nullable: true })
  destinationGuid!: string | null;

  /** The destination hypervisor by id and name; `destinationHypervisor` resolves it. */
  destinationClient!: { id: number; name: string } | null;

  @Field(() => String, { nullable: true, description: 'Its replication group\'s name (`replicationGroup.replicationGroupName`).' })
  groupName!: string | null;

  @Field(() => Int, { nullable: true, description: 'The monitor\'s `status` code as sent; its meaning depends on `kind`.' })
  statusCode!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The status code\'s name: periodic IN_SYNC, NEEDS_SYNC, SYNC_IN_PROGRESS, SYNC_FAILED, ...; continuous REPLICATING, PROBLEM, FAILED, SUSPENDED, ...',
  })
  status!: string | null;

  @Field(() => String, { nullable: true, description: 'Periodic `FailoverStatus` by name (NONE, FAILOVER_COMPLETE, FAILBACK_FAILED, ...); null for continuous pairs.' })
  failoverStatus!: string | null;

  @Field(() => Int, { nullable: true, description: 'Periodic `lastSyncedBkpJob`: the backup job the replica was last synced from.' })
  lastSyncedBackupJobId!: number | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Periodic `VMSyncedTillTime`: the replica holds the source\'s data up to this time.' })
  syncedTill!: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Periodic `lastRestoreTime`: when the last replication (a restore into the replica) ran. Null for continuous pairs, which replicate all the time.',
  })
  lastReplicationAt!: Date | null;

  @Field(() => Int, { nullable: true, description: 'Periodic: the last replication job (`VMReplInfoProperties` 2215).' })
  lastReplicationJobId!: number | null;

  @Field(() => Int, { nullable: true, description: 'Periodic: the last successful replication job (`VMReplInfoProperties` 2208).' })
  lastSuccessfulReplicationJobId!: number | null;

  /** Continuous `lagTime` (seconds); `lagSeconds` answers for both kinds. */
  lagSeconds!: number | null;

  /** Not a field: the record's GraphQL type name. */
  __typename!: 'CommvaultReplicationPair';
}
