import { commvaultProtectionSummary, commvaultUnprotectedWorkloads } from './protection.js';
import { CommvaultDdbBackupResolver } from './ddb-backup.resolver.js';
import { CommvaultPlanDestinationAgingResolver, CommvaultPolicyCopyAgingResolver } from './copy-aging.resolver.js';
import type { CommvaultSource } from '../../datasources/commvault/commvault-source.js';
import { commvaultEventFetch } from '../../datasources/commvault/event-search.js';
import { commvaultJobsAfter, jobsInWindow, type JobSearch } from '../../datasources/commvault/job-search.js';
import { commvaultJobPosition } from '../../datasources/commvault/mappers/job.js';
import type { CvJob } from '../../datasources/commvault/model.js';
import { commvaultUpstreams } from '../../datasources/commvault/product.js';
import { windowConditions } from '../../monitoring/job-conditions.js';
import { ddbStoresWithPartitions } from './ddb-health.js';
import type { GraphProduct, ProductJobs, UnifiedJobSearch } from '../product.js';
import { selectsPath } from '../selection.js';
import { CommvaultBrowseResolver } from './browse.resolver.js';
import {
  CommvaultAgentInstanceResolver, CommvaultAgentInstancesResolver, CommvaultBackupsetSubclientsResolver, CommvaultClientInstancesResolver,
} from './agent-instance.resolver.js';
import { CommvaultAdminOperationsResolver } from './admin-operations.resolver.js';
import { CommvaultActivityControlResolver } from './activity-control.resolver.js';
import { CommServeDrBackupResolver, CommServeOfUpstreamResolver, CommServeResolver } from './commserve.resolver.js';
import { CommvaultAlertRuleResolver, CommvaultTriggeredAlertResolver } from './alert.resolver.js';
import { CommvaultClientDetailResolver } from './client-detail.resolver.js';
import { CommvaultClientHealthResolver } from './client-health.resolver.js';
import { CommvaultClientResolver } from './client.resolver.js';
import { commvaultCost } from './cost.js';
import { CommvaultDdbPartitionResolver, CommvaultDdbStoreResolver } from './ddb-store.resolver.js';
import { CommvaultEventResolver } from './event.resolver.js';
import { CommvaultJobResolver } from './job.resolver.js';
import { CommvaultLibraryResolver } from './library.resolver.js';
import { CommvaultMediaAgentResolver } from './media-agent.resolver.js';
import { CommvaultMediaAgentDetailResolver } from './media-agent-detail.resolver.js';
import { CommvaultMonitoringResolver } from './monitoring.resolver.js';
import { CommvaultOperationsResolver } from './operations.resolver.js';
import { CommvaultTasksResolver } from './tasks.resolver.js';
import { CommvaultSubclientContentResolver } from './subclient-content.resolver.js';
import { CommvaultHypervisorResolver, CommvaultVirtualMachineResolver } from './virtualization.resolver.js';
import { CommvaultJobDetailResolver } from './job-detail.resolver.js';
import { CommvaultVmOperationsResolver } from './vm-operations.resolver.js';
import { CommvaultReplicationGroupResolver, CommvaultReplicationPairResolver, CommvaultStorageArrayResolver } from './arrays-replication.resolver.js';
import { CommvaultReplicationGroup, CommvaultReplicationPair } from '../../schema/commvault/replication.type.js';
import { CommvaultReportsResolver } from './reports.resolver.js';
import { CommvaultStorageArray } from '../../schema/commvault/storage-array.type.js';
import { CommvaultHypervisor } from '../../schema/commvault/hypervisor.type.js';
import { CommvaultVirtualMachine } from '../../schema/commvault/virtual-machine.type.js';
import { commvaultJobControl } from './job-control.js';
import { COMMVAULT_NODE_FETCHERS, COMMVAULT_TEXT_ID_FETCHERS } from './node-fetchers.js';
import { CommvaultPlanResolver } from './plan.resolver.js';
import { CommvaultPlanDetailResolver } from './plan-detail.resolver.js';
import { CommvaultRetentionResolver } from './retention.resolver.js';
import { CommvaultScheduleOperationsResolver } from './schedule-operations.resolver.js';
import {
  CommvaultClientSchedulesResolver, CommvaultPlanSchedulesResolver, CommvaultScheduleResolver, CommvaultSubclientSchedulesResolver,
} from './schedule.resolver.js';
import { CommvaultStoragePolicyCopyResolver } from './storage-policy-copy.resolver.js';
import { preloadClients } from './preload-clients.js';
import { clientFromId, commvaultSource } from './sources.js';
import { CommvaultStoragePolicyResolver } from './storage-policy.resolver.js';
import { CommvaultStoragePoolResolver } from './storage-pool.resolver.js';
import { CommvaultSubclientResolver } from './subclient.resolver.js';
import { CommvaultAlertRule } from '../../schema/commvault/alert-rule.type.js';
import { CommServe } from '../../schema/commvault/commserve.type.js';
import { CommvaultClient } from '../../schema/commvault/client.type.js';
import { CommvaultDdbStore } from '../../schema/commvault/ddb-store.type.js';
import { CommvaultEvent } from '../../schema/commvault/event.type.js';
import { CommvaultJob } from '../../schema/commvault/job.type.js';
import { CommvaultLibrary } from '../../schema/commvault/library.type.js';
import { CommvaultMediaAgent } from '../../schema/commvault/media-agent.type.js';
import { CommvaultPlan } from '../../schema/commvault/plan.type.js';
import { CommvaultStoragePolicy } from '../../schema/commvault/storage-policy.type.js';
import { CommvaultStoragePool } from '../../schema/commvault/storage-pool.type.js';
import { CommvaultSubclient } from '../../schema/commvault/subclient.type.js';
import { CommvaultTriggeredAlert } from '../../schema/commvault/triggered-alert.type.js';
import type { GatewayContext } from '../../context.js';
import type { GraphQLResolveInfo } from 'graphql';
import { numericLocalId } from '../../util/global-id.js';

/**
 * A page of Commvault jobs for the unified list: each CommServe's stream as job-search.ts plans it. When
 * the query selects each job's `client`, the client list is asked for beside each job list, just after it,
 * and held for the page (preloadClients), so the field resolves without a second round.
 */
function commvaultJobs(ctx: GatewayContext, info: GraphQLResolveInfo, search: JobSearch): ProductJobs<CommvaultSource> {
  const fetchPage = commvaultJobsAfter(search);
  const preload = selectsPath(info, ['edges', 'node', 'client']) ? preloadClients(ctx) : undefined;
  return {
    fetch: preload
      ? (source, after, first, hint) => {
          const page = fetchPage(source, after, first, hint);
          preload.ask(source);
          return page;
        }
      : fetchPage,
    positionOf: (job, source) => commvaultJobPosition(job as CvJob, source.instanceId),
    settle: preload ? (sources) => preload.holdLists(sources) : undefined,
  };
}

const listStoragePools = (_ctx: GatewayContext, source: CommvaultSource) => source.listStoragePools();

/** Commvault (CommServes and Commvault Cloud tenants) in the graph. */
export const commvaultProduct: GraphProduct<CommvaultSource> = {
  upstreams: commvaultUpstreams,
  resolvers: [
    CommvaultJobResolver,
    CommvaultClientResolver,
    CommvaultClientDetailResolver,
    CommvaultClientHealthResolver,
    CommvaultSubclientResolver,
    CommvaultClientInstancesResolver,
    CommvaultAgentInstancesResolver,
    CommvaultAgentInstanceResolver,
    CommvaultBackupsetSubclientsResolver,
    CommvaultPlanResolver,
    CommvaultPlanDetailResolver,
    CommvaultStoragePolicyResolver,
    CommvaultStoragePolicyCopyResolver,
    CommvaultRetentionResolver,
    CommvaultPlanDestinationAgingResolver,
    CommvaultPolicyCopyAgingResolver,
    CommvaultMediaAgentResolver,
    CommvaultMediaAgentDetailResolver,
    CommvaultStoragePoolResolver,
    CommvaultLibraryResolver,
    CommvaultEventResolver,
    CommvaultAlertRuleResolver,
    CommvaultTriggeredAlertResolver,
    CommvaultDdbStoreResolver,
    CommvaultDdbPartitionResolver,
    CommvaultMonitoringResolver,
    CommvaultOperationsResolver,
    CommvaultBrowseResolver,
    CommvaultTasksResolver,
    CommvaultSubclientContentResolver,
    CommvaultAdminOperationsResolver,
    CommvaultDdbBackupResolver,
    CommServeOfUpstreamResolver,
    CommServeResolver,
    CommServeDrBackupResolver,
    CommvaultActivityControlResolver,
    CommvaultHypervisorResolver,
    CommvaultVirtualMachineResolver,
    CommvaultJobDetailResolver,
    CommvaultVmOperationsResolver,
    CommvaultScheduleResolver,
    CommvaultSubclientSchedulesResolver,
    CommvaultClientSchedulesResolver,
    CommvaultPlanSchedulesResolver,
    CommvaultScheduleOperationsResolver,
    CommvaultStorageArrayResolver,
    CommvaultReplicationGroupResolver,
    CommvaultReplicationPairResolver,
    CommvaultReportsResolver,
  ],
  types: [
    CommvaultJob,
    CommvaultClient,
    CommvaultSubclient,
    CommvaultPlan,
    CommvaultStoragePolicy,
    CommvaultMediaAgent,
    CommvaultStoragePool,
    CommvaultLibrary,
    CommvaultEvent,
    CommvaultTriggeredAlert,
    CommvaultAlertRule,
    CommvaultDdbStore,
    CommServe,
    CommvaultHypervisor,
    CommvaultVirtualMachine,
    CommvaultStorageArray,
    CommvaultReplicationGroup,
    CommvaultReplicationPair,
  ],
  cost: commvaultCost,

  jobs: (ctx, info, sources, search) => commvaultJobs(ctx, info, { ...search, sources }),

  jobsOfWorkload(ctx, info, search: UnifiedJobSearch, workloadId) {
    // A client lives on one CommServe: the search narrows to it.
    const { source, clientId } = clientFromId(ctx, workloadId);
    return { source, jobs: commvaultJobs(ctx, info, { ...search, sources: [source], clientId }) };
  },

  // Its events and its triggered alerts, merged (event-search.ts).
  events: (search) => ({ fetch: commvaultEventFetch(search) }),

  // Every pool is a storage target, and `capacityAlerts` weighs them all.
  storageTargets: listStoragePools,
  capacityTargets: listStoragePools,

  // ── Monitoring (src/resolvers/unified/monitoring.resolver.ts, health-report.resolver.ts) ──
  jobsInWindow: (_ctx, source, window) => jobsInWindow(source, windowConditions(window)),
  // V2's list says online, V4's detail (one call per MediaAgent, cached as inventory) says whether it is in
  // maintenance, which V2 reports as online (docs/upstreams/commvault.md §5.2).
  backupInfrastructure: async (_ctx, source) => {
    const mediaAgents = await source.listMediaAgents();
    const details = await Promise.all(mediaAgents.map((m) => source.getMediaAgentDetail(m.mediaAgentId)));
    return {
      noun: { one: 'MediaAgent', many: 'MediaAgents' },
      nodes: mediaAgents.map((m, i) => {
        const detail = details[i];
        return {
          name: m.name,
          online: detail?.status === 'OFFLINE' ? false : m.online,
          maintenance: detail ? detail.maintenanceMode === true || detail.status === 'MAINTENANCE' : null,
        };
      }),
    };
  },
  ddbHealth: ddbStoresWithPartitions,

  // Clients with at least one agent installed, by their backups since the cutoff (protection.ts).
  unprotectedWorkloads: commvaultUnprotectedWorkloads,
  protectionSummary: commvaultProtectionSummary,

  controlJob: commvaultJobControl,

  async node(ctx, instanceId, typeName, localId) {
    const byText = COMMVAULT_TEXT_ID_FETCHERS[typeName];
    if (byText) return byText(ctx, commvaultSource(ctx, instanceId), localId);
    const fetch = COMMVAULT_NODE_FETCHERS[typeName];
    const id = numericLocalId({ typeName, instanceId, localId });
    if (!fetch || id === null) return null;
    return fetch(ctx, commvaultSource(ctx, instanceId), id);
  },

  liveJob(ctx, instanceId, typeName, localId) {
    const id = numericLocalId({ typeName, instanceId, localId });
    if (typeName !== 'CommvaultJob' || id === null) return null;
    const source = commvaultSource(ctx, instanceId);
    return {
      source,
      read: async () => {
        const job = await source.getJob(id, { fresh: true });
        return job && { job, percentComplete: job.percentComplete };
      },
    };
  },
};
