/**
 * Storage array and replication records (docs/upstreams/commvault-arrays-replication.md): what the
 * mappers read out of `GET /V4/StorageArrays[/{id}]`, `GET /V4/ReplicationGroup` and the replication
 * monitors, in our units.
 */
import type { NodeRecord } from '../record.js';
import type { CvRef } from './model.js';

/** An IntelliSnap storage array as `GET /V4/StorageArrays` lists it. */
export interface CvStorageArray extends NodeRecord {
  readonly __typename: 'CommvaultStorageArray';
  arrayId: number;
  name: string;
  /** The snap vendor's name as sent, e.g. `Pure Storage FlashArray`, `NetApp`. */
  vendor: string | null;
  controlHost: string | null;
  userName: string | null;
  description: string | null;
  /** Bits: 1 selected only, 2 no auto-cleanup, 4 system created, 8 auto created, 16 user. */
  flags: number | null;
}

/** An access node of an array: a MediaAgent that reaches it. */
export interface CvArrayAccessNode {
  mediaAgentId: number;
  name: string;
  displayName: string | null;
  /** Whether this node prunes the array's snapshots. */
  pruning: boolean | null;
}

/** One snapshot configuration of an array (`snapConfigurations`): values are strings whatever their type. */
export interface CvSnapConfiguration {
  configId: number;
  name: string;
  /** Commvault's type code as sent. */
  type: number | null;
  value: string | null;
  values: string[];
  enabled: boolean | null;
}

/** What `GET /V4/StorageArrays/{id}` adds to the list. */
export interface CvStorageArrayDetail {
  snapVendor: CvRef | null;
  /** 2 NetApp, 1 OCUM (cvpysdk); other codes as sent. */
  arrayType: number | null;
  region: string | null;
  uniqueIdentifier: string | null;
  accessNodes: CvArrayAccessNode[];
  snapConfigurations: CvSnapConfiguration[];
}

/** A replication group as `GET /V4/ReplicationGroup` lists it. */
export interface CvReplicationGroup extends NodeRecord {
  readonly __typename: 'CommvaultReplicationGroup';
  /** `id`, or `taskId` when only that is given (the OAS: "either taskId or id is available"). */
  groupId: number;
  taskId: number | null;
  name: string;
  /** Source and destination: hypervisors (for VM groups) by their client id. */
  source: CvRef | null;
  destination: CvRef | null;
  /** `type`, e.g. `VIRTUAL_MACHINE`. */
  type: string | null;
  /** `replicationGroupType` with V4's spelling corrected: PERIODIC, CONTINUOUS, LIVE_SYNC, ... */
  replicationType: string | null;
  /** ENABLED, DISABLED, NOT_APPLICABLE. */
  state: string | null;
}

/** Which monitor a pair comes from. */
export type CvReplicationKind = 'PERIODIC' | 'CONTINUOUS';

/** One replication pair (a source and its replica) from `GET /Replications/Monitors/{streaming|continuous}`. */
export interface CvReplicationPair extends NodeRecord {
  readonly __typename: 'CommvaultReplicationPair';
  pairId: number;
  kind: CvReplicationKind;
  /** The source's name (a VM's name), also what the list sorts by. */
  name: string;
  sourceGuid: string | null;
  /** The source's client id (continuous `srcClientId`); periodic pairs name the source by GUID only. */
  sourceClientId: number | null;
  destinationName: string | null;
  destinationGuid: string | null;
  /** Periodic `destinationInstance`, continuous `destClientId`: the destination hypervisor. */
  destinationClient: CvRef | null;
  groupName: string | null;
  /** The monitor's status code as sent; its meaning depends on `kind`. */
  statusCode: number | null;
  /** The code's name, e.g. IN_SYNC, SYNC_FAILED (periodic) or REPLICATING, PROBLEM (continuous). */
  status: string | null;
  /** Periodic `FailoverStatus` by name (NONE, FAILOVER_COMPLETE, ...); null for continuous pairs. */
  failoverStatus: string | null;
  /** Periodic `lastSyncedBkpJob`: the backup job the replica was last synced from. */
  lastSyncedBackupJobId: number | null;
  /** Periodic `VMSyncedTillTime`: the replica holds the source's data up to this time. */
  syncedTill: Date | null;
  /** Periodic `lastRestoreTime`: when the last replication (a restore into the replica) ran. */
  lastReplicationAt: Date | null;
  /** `VMReplInfoProperties` 2215 and 2208: the last and the last successful replication job. */
  lastReplicationJobId: number | null;
  lastSuccessfulReplicationJobId: number | null;
  /** Continuous `lagTime`, taken as seconds (V4's `replicationLag` is seconds; V1 does not say). */
  lagSeconds: number | null;
}
