/**
 * Compile-time checks, no runtime code: each BackupDr schema class declares exactly the properties of the
 * domain record its resolvers receive and return (src/datasources/backupdr/model.ts); see ../record-checks.ts.
 */
import type { Holds, Same } from '../record-checks.js';
import type { BdrApplication, BdrAuditRecord, BdrBackup, BdrCluster, BdrConsistencyGroup, BdrConsole, BdrDiskPool, BdrEvent, BdrHost, BdrJob, BdrLogicalGroup, BdrNamedRef, BdrObjectSource, BdrOrganization, BdrPolicy, BdrRole, BdrSla, BdrSlp, BdrSlt, BdrUser } from '../../datasources/backupdr/model.js';
import type { BackupDrApplication } from './application.type.js';
import type { BackupDrAuditRecord } from './audit-record.type.js';
import type { BackupDrBackup } from './backup.type.js';
import type { BackupDrAppliance } from './cluster.type.js';
import type { BackupDrConsole } from './console.type.js';
import type { BackupDrConsistencyGroup } from './consistency-group.type.js';
import type { BackupDrDiskPool } from './disk-pool.type.js';
import type { BackupDrEvent } from './event.type.js';
import type { BackupDrHost } from './host.type.js';
import type { BackupDrJob } from './job.type.js';
import type { BackupDrLogicalGroup } from './logical-group.type.js';
import type { BackupDrNamedRef } from './named-ref.type.js';
import type { BackupDrObjectSource } from './object-source.type.js';
import type { BackupDrOrganization } from './organization.type.js';
import type { BackupDrPolicy } from './policy.type.js';
import type { BackupDrRole } from './role.type.js';
import type { BackupDrSla } from './sla.type.js';
import type { BackupDrSlp } from './slp.type.js';
import type { BackupDrSlt } from './slt.type.js';
import type { BackupDrUser } from './user.type.js';

export type BackupDrRecordChecks = [
  Holds<Same<BackupDrApplication, BdrApplication, 'lastSuccessfulBackupAt'>>,
  Holds<Same<BackupDrHost, BdrHost>>,
  Holds<Same<BackupDrBackup, BdrBackup>>,
  Holds<Same<BackupDrJob, BdrJob, 'detail'>>,
  Holds<Same<BackupDrPolicy, BdrPolicy>>,
  Holds<Same<BackupDrSlt, BdrSlt>>,
  Holds<Same<BackupDrSlp, BdrSlp>>,
  Holds<Same<BackupDrSla, BdrSla>>,
  Holds<Same<BackupDrDiskPool, BdrDiskPool>>,
  Holds<Same<BackupDrAppliance, BdrCluster>>,
  Holds<Same<BackupDrEvent, BdrEvent>>,
  Holds<Same<BackupDrUser, BdrUser>>,
  Holds<Same<BackupDrRole, BdrRole>>,
  Holds<Same<BackupDrOrganization, BdrOrganization>>,
  Holds<Same<BackupDrAuditRecord, BdrAuditRecord>>,
  Holds<Same<BackupDrConsistencyGroup, BdrConsistencyGroup>>,
  Holds<Same<BackupDrLogicalGroup, BdrLogicalGroup>>,
  Holds<Same<BackupDrConsole, BdrConsole>>,
  Holds<Same<BackupDrNamedRef, BdrNamedRef>>,
  Holds<Same<BackupDrObjectSource, BdrObjectSource>>,
];
