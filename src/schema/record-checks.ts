/**
 * Compile-time checks, no runtime code: each schema class declares exactly the properties of the
 * domain record its resolvers receive and return (src/datasources/…/model.ts). A property added to a
 * record but not to its class, or to a class but not to its record, or declared with another type,
 * fails `tsc`. `Resolved` names the interface fields a field resolver answers (declared on the class
 * because the interface requires them, never on the record).
 */
import type { BdrApplication, BdrAuditRecord, BdrBackup, BdrCluster, BdrConsistencyGroup, BdrConsole, BdrDiskPool, BdrEvent, BdrHost, BdrJob, BdrLogicalGroup, BdrNamedRef, BdrObjectSource, BdrOrganization, BdrPolicy, BdrRole, BdrSla, BdrSlp, BdrSlt, BdrUser } from '../datasources/backupdr/model.js';
import type { CvAgent, CvBackupLocation, CvClient, CvDdbPartition, CvDdbStore, CvEvent, CvJob, CvLibrary, CvMediaAgent, CvMountPath, CvPlan, CvStoragePolicy, CvStoragePolicyCopy, CvStoragePool, CvSubclient } from '../datasources/commvault/model.js';
import type { BackupDrApplication } from './backupdr/application.type.js';
import type { BackupDrAuditRecord } from './backupdr/audit-record.type.js';
import type { BackupDrBackup } from './backupdr/backup.type.js';
import type { BackupDrAppliance } from './backupdr/cluster.type.js';
import type { BackupDrConsole } from './backupdr/console.type.js';
import type { BackupDrConsistencyGroup } from './backupdr/consistency-group.type.js';
import type { BackupDrDiskPool } from './backupdr/disk-pool.type.js';
import type { BackupDrEvent } from './backupdr/event.type.js';
import type { BackupDrHost } from './backupdr/host.type.js';
import type { BackupDrJob } from './backupdr/job.type.js';
import type { BackupDrLogicalGroup } from './backupdr/logical-group.type.js';
import type { BackupDrNamedRef } from './backupdr/named-ref.type.js';
import type { BackupDrObjectSource } from './backupdr/object-source.type.js';
import type { BackupDrOrganization } from './backupdr/organization.type.js';
import type { BackupDrPolicy } from './backupdr/policy.type.js';
import type { BackupDrRole } from './backupdr/role.type.js';
import type { BackupDrSla } from './backupdr/sla.type.js';
import type { BackupDrSlp } from './backupdr/slp.type.js';
import type { BackupDrSlt } from './backupdr/slt.type.js';
import type { BackupDrUser } from './backupdr/user.type.js';
import type { CommvaultAgent } from './commvault/agent.type.js';
import type { CommvaultBackupLocation } from './commvault/backup-location.type.js';
import type { CommvaultClient } from './commvault/client.type.js';
import type { CommvaultDdbPartition, CommvaultDdbStore } from './commvault/ddb-store.type.js';
import type { CommvaultEvent } from './commvault/event.type.js';
import type { CommvaultJob } from './commvault/job.type.js';
import type { CommvaultLibrary, CommvaultMountPath } from './commvault/library.type.js';
import type { CommvaultMediaAgent } from './commvault/media-agent.type.js';
import type { CommvaultPlan } from './commvault/plan.type.js';
import type { CommvaultStoragePolicy, CommvaultStoragePolicyCopy } from './commvault/storage-policy.type.js';
import type { CommvaultStoragePool } from './commvault/storage-pool.type.js';
import type { CommvaultSubclient } from './commvault/subclient.type.js';

/** Both ways: the class is a valid record, the record a valid class, and neither has a property the other lacks. */
type Same<Class extends Rec, Rec extends Omit<Class, Resolved>, Resolved extends keyof Class = never> = [
  Exclude<keyof Class, keyof Rec | Resolved>,
  Exclude<keyof Rec, keyof Class>,
] extends [never, never]
  ? true
  : { onlyOnClass: Exclude<keyof Class, keyof Rec | Resolved>; onlyOnRecord: Exclude<keyof Rec, keyof Class> };

type Holds<T extends true> = T;

export type RecordChecks = [
  Holds<Same<CommvaultJob, CvJob>>,
  Holds<Same<CommvaultClient, CvClient, 'lastSuccessfulBackupAt'>>,
  Holds<Same<CommvaultSubclient, CvSubclient>>,
  Holds<Same<CommvaultPlan, CvPlan>>,
  Holds<Same<CommvaultStoragePolicy, CvStoragePolicy>>,
  Holds<Same<CommvaultStoragePolicyCopy, CvStoragePolicyCopy>>,
  Holds<Same<CommvaultMediaAgent, CvMediaAgent>>,
  Holds<Same<CommvaultStoragePool, CvStoragePool>>,
  Holds<Same<CommvaultLibrary, CvLibrary>>,
  Holds<Same<CommvaultMountPath, CvMountPath>>,
  Holds<Same<CommvaultEvent, CvEvent>>,
  Holds<Same<CommvaultDdbStore, CvDdbStore>>,
  Holds<Same<CommvaultDdbPartition, CvDdbPartition>>,
  Holds<Same<CommvaultBackupLocation, CvBackupLocation>>,
  Holds<Same<CommvaultAgent, CvAgent>>,
  Holds<Same<BackupDrApplication, BdrApplication>>,
  Holds<Same<BackupDrHost, BdrHost>>,
  Holds<Same<BackupDrBackup, BdrBackup>>,
  Holds<Same<BackupDrJob, BdrJob>>,
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
