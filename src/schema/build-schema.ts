import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { BackupDrApplicationResolver } from '../resolvers/backupdr/application.resolver.js';
import { BackupDrEventResolver, BackupDrUserResolver } from '../resolvers/backupdr/activity.resolver.js';
import { BackupDrBackupResolver } from '../resolvers/backupdr/backup.resolver.js';
import { BackupDrConsoleActivityResolver } from '../resolvers/backupdr/console-activity.resolver.js';
import { BackupDrConsoleProtectionResolver } from '../resolvers/backupdr/console-protection.resolver.js';
import { BackupDrConsoleSecurityResolver } from '../resolvers/backupdr/console-security.resolver.js';
import { BackupDrConsoleResolver } from '../resolvers/backupdr/console.resolver.js';
import { BackupDrConsistencyGroupResolver, BackupDrLogicalGroupResolver } from '../resolvers/backupdr/groups.resolver.js';
import { BackupDrHostResolver } from '../resolvers/backupdr/host.resolver.js';
import { BackupDrJobResolver } from '../resolvers/backupdr/job.resolver.js';
import { BackupDrSlaResolver } from '../resolvers/backupdr/sla.resolver.js';
import { BackupDrSltResolver } from '../resolvers/backupdr/slt.resolver.js';
import { BackupDrDiskPoolResolver, BackupDrSlpResolver } from '../resolvers/backupdr/storage.resolver.js';
import { CommvaultClientResolver } from '../resolvers/commvault/client.resolver.js';
import { CommvaultDdbStoreResolver } from '../resolvers/commvault/ddb-store.resolver.js';
import { CommvaultEventResolver } from '../resolvers/commvault/event.resolver.js';
import { CommvaultJobResolver } from '../resolvers/commvault/job.resolver.js';
import { CommvaultLibraryResolver } from '../resolvers/commvault/library.resolver.js';
import { CommvaultMediaAgentResolver } from '../resolvers/commvault/media-agent.resolver.js';
import { CommvaultPlanResolver } from '../resolvers/commvault/plan.resolver.js';
import { CommvaultStoragePolicyResolver } from '../resolvers/commvault/storage-policy.resolver.js';
import { CommvaultStoragePoolResolver } from '../resolvers/commvault/storage-pool.resolver.js';
import { CommvaultSubclientResolver } from '../resolvers/commvault/subclient.resolver.js';
import { JobsResolver } from '../resolvers/unified/jobs.resolver.js';
import { MonitoringResolver } from '../resolvers/unified/monitoring.resolver.js';
import { NodeResolver } from '../resolvers/unified/node.resolver.js';
import { StorageResolver } from '../resolvers/unified/storage.resolver.js';
import { UnprotectedWorkloadResolver } from '../resolvers/unified/unprotected-workload.resolver.js';
import { UpstreamResolver } from '../resolvers/unified/upstream.resolver.js';
import { BackupDrApplication } from './backupdr/application.type.js';
import { DateTimeScalar } from './date-time.scalar.js';
import { directTypeResolvers, leanFieldResolvers } from './lean-field-resolvers.js';
import { BackupDrAuditRecord } from './backupdr/audit-record.type.js';
import { BackupDrBackup } from './backupdr/backup.type.js';
import { BackupDrAppliance } from './backupdr/cluster.type.js';
import { BackupDrConsistencyGroup } from './backupdr/consistency-group.type.js';
import { BackupDrDiskPool } from './backupdr/disk-pool.type.js';
import { BackupDrEvent } from './backupdr/event.type.js';
import { BackupDrHost } from './backupdr/host.type.js';
import { BackupDrJob } from './backupdr/job.type.js';
import { BackupDrLogicalGroup } from './backupdr/logical-group.type.js';
import { BackupDrOrganization } from './backupdr/organization.type.js';
import { BackupDrRole } from './backupdr/role.type.js';
import { BackupDrSla } from './backupdr/sla.type.js';
import { BackupDrSlp } from './backupdr/slp.type.js';
import { BackupDrSlt } from './backupdr/slt.type.js';
import { BackupDrUser } from './backupdr/user.type.js';
import { CommvaultClient } from './commvault/client.type.js';
import { CommvaultDdbStore } from './commvault/ddb-store.type.js';
import { CommvaultEvent } from './commvault/event.type.js';
import { CommvaultJob } from './commvault/job.type.js';
import { CommvaultLibrary } from './commvault/library.type.js';
import { CommvaultMediaAgent } from './commvault/media-agent.type.js';
import { CommvaultPlan } from './commvault/plan.type.js';
import { CommvaultStoragePolicy } from './commvault/storage-policy.type.js';
import { CommvaultStoragePool } from './commvault/storage-pool.type.js';
import { CommvaultSubclient } from './commvault/subclient.type.js';

const RESOLVERS: NonEmptyArray<Function> = [
  UpstreamResolver,
  NodeResolver,
  JobsResolver,
  StorageResolver,
  MonitoringResolver,
  UnprotectedWorkloadResolver,
  CommvaultJobResolver,
  CommvaultClientResolver,
  CommvaultSubclientResolver,
  CommvaultPlanResolver,
  CommvaultStoragePolicyResolver,
  CommvaultMediaAgentResolver,
  CommvaultStoragePoolResolver,
  CommvaultLibraryResolver,
  CommvaultEventResolver,
  CommvaultDdbStoreResolver,
  BackupDrConsoleResolver,
  BackupDrConsoleActivityResolver,
  BackupDrConsoleProtectionResolver,
  BackupDrConsoleSecurityResolver,
  BackupDrJobResolver,
  BackupDrApplicationResolver,
  BackupDrHostResolver,
  BackupDrBackupResolver,
  BackupDrSlaResolver,
  BackupDrSltResolver,
  BackupDrSlpResolver,
  BackupDrDiskPoolResolver,
  BackupDrLogicalGroupResolver,
  BackupDrConsistencyGroupResolver,
  BackupDrEventResolver,
  BackupDrUserResolver,
];

/**
 * Every type that implements an interface (Node, Job, StorageTarget, ProtectedWorkload): registered explicitly, so each
 * stays in the schema (and `Query.node` can return it) even when no field names it directly.
 */
const ORPHANED_TYPES: Function[] = [
  CommvaultJob,
  CommvaultClient,
  CommvaultSubclient,
  CommvaultPlan,
  CommvaultStoragePolicy,
  CommvaultMediaAgent,
  CommvaultStoragePool,
  CommvaultLibrary,
  CommvaultEvent,
  CommvaultDdbStore,
  BackupDrJob,
  BackupDrApplication,
  BackupDrHost,
  BackupDrBackup,
  BackupDrSlt,
  BackupDrSlp,
  BackupDrSla,
  BackupDrDiskPool,
  BackupDrAppliance,
  BackupDrEvent,
  BackupDrUser,
  BackupDrRole,
  BackupDrOrganization,
  BackupDrAuditRecord,
  BackupDrConsistencyGroup,
  BackupDrLogicalGroup,
];

/**
 * The gateway's executable schema, built from the type-graphql classes. No schema file is written
 * here: the lead's codegen prints the committed snapshot from this function's result.
 */
export async function buildGatewaySchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    orphanedTypes: ORPHANED_TYPES,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    emitSchemaFile: false,
  });
  leanFieldResolvers(schema);
  directTypeResolvers(schema);
  return schema;
}
