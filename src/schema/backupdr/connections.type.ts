import { ObjectType } from '../object-type.js';
import { Connection } from '../unified/connection.type.js';
import { BackupDrApplication } from './application.type.js';
import { BackupDrAuditRecord } from './audit-record.type.js';
import { BackupDrBackup } from './backup.type.js';
import { BackupDrAppliance } from './cluster.type.js';
import { BackupDrConsistencyGroup } from './consistency-group.type.js';
import { BackupDrDiskPool } from './disk-pool.type.js';
import { BackupDrEvent } from './event.type.js';
import { BackupDrHost } from './host.type.js';
import { BackupDrJob } from './job.type.js';
import { BackupDrLogicalGroup } from './logical-group.type.js';
import { BackupDrOrganization } from './organization.type.js';
import { BackupDrRole } from './role.type.js';
import { BackupDrSla } from './sla.type.js';
import { BackupDrSlp } from './slp.type.js';
import { BackupDrSlt } from './slt.type.js';
import { BackupDrUser } from './user.type.js';

/*
 * One Relay connection per console resource. `totalCount` is the console's HEAD count with the same
 * filters, requested only when the field is selected.
 */

@ObjectType()
export class BackupDrApplicationConnection extends Connection(BackupDrApplication, 'BackupDrApplicationEdge') {}
@ObjectType()
export class BackupDrHostConnection extends Connection(BackupDrHost, 'BackupDrHostEdge') {}
@ObjectType()
export class BackupDrBackupConnection extends Connection(BackupDrBackup, 'BackupDrBackupEdge') {}
@ObjectType()
export class BackupDrJobConnection extends Connection(BackupDrJob, 'BackupDrJobEdge') {}
@ObjectType()
export class BackupDrSltConnection extends Connection(BackupDrSlt, 'BackupDrSltEdge') {}
@ObjectType()
export class BackupDrSlpConnection extends Connection(BackupDrSlp, 'BackupDrSlpEdge') {}
@ObjectType()
export class BackupDrSlaConnection extends Connection(BackupDrSla, 'BackupDrSlaEdge') {}
@ObjectType()
export class BackupDrDiskPoolConnection extends Connection(BackupDrDiskPool, 'BackupDrDiskPoolEdge') {}
@ObjectType()
export class BackupDrApplianceConnection extends Connection(BackupDrAppliance, 'BackupDrApplianceEdge') {}
@ObjectType()
export class BackupDrEventConnection extends Connection(BackupDrEvent, 'BackupDrEventEdge') {}
@ObjectType()
export class BackupDrUserConnection extends Connection(BackupDrUser, 'BackupDrUserEdge') {}
@ObjectType()
export class BackupDrRoleConnection extends Connection(BackupDrRole, 'BackupDrRoleEdge') {}
@ObjectType()
export class BackupDrOrganizationConnection extends Connection(BackupDrOrganization, 'BackupDrOrganizationEdge') {}
@ObjectType()
export class BackupDrAuditRecordConnection extends Connection(BackupDrAuditRecord, 'BackupDrAuditRecordEdge') {}
@ObjectType()
export class BackupDrConsistencyGroupConnection extends Connection(BackupDrConsistencyGroup, 'BackupDrConsistencyGroupEdge') {}
@ObjectType()
export class BackupDrLogicalGroupConnection extends Connection(BackupDrLogicalGroup, 'BackupDrLogicalGroupEdge') {}
