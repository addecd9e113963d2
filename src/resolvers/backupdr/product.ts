import type { BackupDrSource } from '../../datasources/backupdr/backupdr-source.js';
import { listAllAppliances, listAllDiskPools } from '../../datasources/backupdr/appliances.js';
import { BackupDrApplianceResolver, BackupDrApplianceSummaryResolver } from './appliance.resolver.js';
import { BackupDrJobDetailResolver } from './job-detail.resolver.js';
import { consoleEventFetch } from '../../datasources/backupdr/event-search.js';
import { consoleJobPosition, consoleJobsAfter, consoleJobsInWindow } from '../../datasources/backupdr/job-search.js';
import type { BdrJob } from '../../datasources/backupdr/model.js';
import type { GatewayContext } from '../../context.js';
import { windowConditions } from '../../monitoring/job-conditions.js';
import { backupDrUpstreams } from '../../datasources/backupdr/product.js';
import { BackupDrApplication } from '../../schema/backupdr/application.type.js';
import { BackupDrAuditRecord } from '../../schema/backupdr/audit-record.type.js';
import { BackupDrBackup } from '../../schema/backupdr/backup.type.js';
import { BackupDrAppliance } from '../../schema/backupdr/cluster.type.js';
import { BackupDrConsistencyGroup } from '../../schema/backupdr/consistency-group.type.js';
import { BackupDrDiskPool } from '../../schema/backupdr/disk-pool.type.js';
import { BackupDrEvent } from '../../schema/backupdr/event.type.js';
import { BackupDrHost } from '../../schema/backupdr/host.type.js';
import { BackupDrJob } from '../../schema/backupdr/job.type.js';
import { BackupDrLogicalGroup } from '../../schema/backupdr/logical-group.type.js';
import { BackupDrOrganization } from '../../schema/backupdr/organization.type.js';
import { BackupDrRole } from '../../schema/backupdr/role.type.js';
import { BackupDrSla } from '../../schema/backupdr/sla.type.js';
import { BackupDrSlp } from '../../schema/backupdr/slp.type.js';
import { BackupDrSlt } from '../../schema/backupdr/slt.type.js';
import { BackupDrUser } from '../../schema/backupdr/user.type.js';
import type { GraphProduct } from '../product.js';
import { BackupDrEventResolver, BackupDrUserResolver } from './activity.resolver.js';
import { BackupDrApplicationOperationsResolver } from './application-operations.resolver.js';
import { BackupDrApplicationResolver } from './application.resolver.js';
import { BackupDrBackupResolver } from './backup.resolver.js';
import { BackupDrConsoleActivityResolver } from './console-activity.resolver.js';
import { BackupDrConsoleProtectionResolver } from './console-protection.resolver.js';
import { BackupDrConsoleSecurityResolver } from './console-security.resolver.js';
import { BackupDrConsoleResolver } from './console.resolver.js';
import { backupDrCost } from './cost.js';
import { BackupDrConsistencyGroupResolver, BackupDrLogicalGroupResolver } from './groups.resolver.js';
import { BackupDrHostResolver } from './host.resolver.js';
import { BackupDrImageOperationsResolver } from './image-operations.resolver.js';
import { consoleJobControl } from './job-control.js';
import { BackupDrJobResolver } from './job.resolver.js';
import { BACKUPDR_NODE_FETCHERS } from './node-fetchers.js';
import { BackupDrSlaOperationsResolver } from './sla-operations.resolver.js';
import { consoleProtectionSummary, consoleUnprotectedWorkloads } from './unprotected-workloads.js';
import { consoleSource } from './sources.js';
import { BackupDrSlaResolver } from './sla.resolver.js';
import { BackupDrSltResolver } from './slt.resolver.js';
import { BackupDrDiskPoolResolver, BackupDrSlpResolver } from './storage.resolver.js';

const listDiskPools = (_ctx: GatewayContext, source: BackupDrSource) => listAllDiskPools(source);

/** Console ids are numeric strings; anything else cannot name a console object. */
const CONSOLE_ID = /^\d{1,19}$/;

/** Google Cloud Backup and DR management consoles in the graph. */
export const backupDrProduct: GraphProduct<BackupDrSource> = {
  upstreams: backupDrUpstreams,
  resolvers: [
    BackupDrJobDetailResolver,
    BackupDrApplianceResolver,
    BackupDrApplianceSummaryResolver,
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
    BackupDrApplicationOperationsResolver,
    BackupDrImageOperationsResolver,
    BackupDrSlaOperationsResolver,
  ],
  types: [
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
  ],
  cost: backupDrCost,

  // The console filters and sorts server-side: one list page per console (`list-specs.ts`).
  jobs: (_ctx, _info, _sources, search, wantTotal) => ({
    fetch: consoleJobsAfter(search, wantTotal),
    positionOf: (job, source) => consoleJobPosition(job as BdrJob, source.instanceId),
  }),

  // The console filters and sorts its events too: one list page per console (event-search.ts).
  events: (search, wantTotal) => ({ fetch: consoleEventFetch(search, wantTotal) }),

  storageTargets: listDiskPools,

  // ── Monitoring (src/resolvers/unified/monitoring.resolver.ts, health-report.resolver.ts) ──
  // Every disk pool is weighed, as `storagePools` lists them.
  capacityTargets: listDiskPools,
  // The pages of the console's `jobs` stream for the window (datasources/backupdr/job-search.ts).
  jobsInWindow: (_ctx, source, window) => consoleJobsInWindow(source, windowConditions(window)),
  // An appliance the console cannot reach (`clusterstatus.accessible` false) or could not sync from lately
  // (`stale`) counts as offline (docs/upstreams/backupdr-infrastructure.md §1).
  backupInfrastructure: async (_ctx, source) => ({
    noun: { one: 'appliance', many: 'appliances' },
    nodes: (await listAllAppliances(source)).map((c) => ({ name: c.name ?? c.consoleId, online: c.reachable })),
  }),

  // ── unprotectedWorkloads: managed applications without a successful capture in the window (unprotected-workloads.ts) ──
  unprotectedWorkloads: consoleUnprotectedWorkloads,
  protectionSummary: consoleProtectionSummary,

  // The console can only cancel a job: KILL; the other actions are NOT_SUPPORTED (job-control.ts).
  controlJob: consoleJobControl,

  async node(ctx, instanceId, typeName, localId) {
    const fetch = BACKUPDR_NODE_FETCHERS[typeName] as (typeof BACKUPDR_NODE_FETCHERS)[string] | undefined;
    return fetch && CONSOLE_ID.test(localId) ? fetch(ctx, instanceId, localId) : null;
  },

  liveJob(ctx, instanceId, typeName, localId) {
    if (typeName !== 'BackupDrJob' || !CONSOLE_ID.test(localId)) return null;
    const source = consoleSource(ctx, instanceId);
    return {
      source,
      // `GET /jobstatus/{id}`: every job, running or finished (docs/upstreams/backupdr.md §4.1).
      read: async () => {
        const job = await source.getById('job', localId, { fresh: true, background: true });
        return job && { job, percentComplete: job.progress };
      },
    };
  },
};
