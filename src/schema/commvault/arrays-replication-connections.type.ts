import { ObjectType } from '../object-type.js';
import { Connection } from '../unified/connection.type.js';
import { CommvaultReplicationGroup, CommvaultReplicationPair } from './replication.type.js';
import { CommvaultStorageArray } from './storage-array.type.js';

@ObjectType({ description: 'Storage arrays merged across CommServes, by name.' })
export class CommvaultStorageArrayConnection extends Connection(CommvaultStorageArray, 'CommvaultStorageArrayEdge') {}

@ObjectType({ description: 'Replication groups merged across CommServes, by name.' })
export class CommvaultReplicationGroupConnection extends Connection(CommvaultReplicationGroup, 'CommvaultReplicationGroupEdge') {}

@ObjectType({ description: 'Replication pairs merged across CommServes, by source name.' })
export class CommvaultReplicationPairConnection extends Connection(CommvaultReplicationPair, 'CommvaultReplicationPairEdge') {}
