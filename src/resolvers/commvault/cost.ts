import {
  HISTORY_ITEMS, after, batched, countOf, fanOut, free, level, perParent, type CostHint, type FieldCost, type FieldEnv, type Level, type ProductCostModel,
} from '../../plugins/cost/hint-kinds.js';
import { MAX_AGING_COPIES } from './tasks.resolver.js';
import { jobPagesPerCommServe, protectionPages, summaryPages, windowPages } from './cost-windows.js';
import { protectionWindowDays } from '../../monitoring/window.js';
import { CAPACITY_DEFAULT_DAYS } from './reports.resolver.js';

/**
 * Sizes the estimate assumes for Commvault lists the upstream sizes (no `first`): a mid-size estate per
 * CommServe. The demo simulator holds fewer of each (in brackets).
 */
export const ASSUMED = {
  /** Storage policies (demo: 8). */
  storagePolicies: 25,
  /** Plans (demo: 8). */
  plans: 25,
  /** Storage pools (demo: 5). */
  storagePools: 15,
  /** Libraries (demo: 5). */
  libraries: 10,
  /** Libraries of one storage pool (demo: 1). */
  librariesPerPool: 1,
  /** MediaAgents (demo: 4). */
  mediaAgents: 10,
  /** DDB stores (demo: 4). */
  ddbStores: 10,
  /** DDB stores of one storage pool (demo: 4 over 5 pools). */
  ddbStoresPerPool: 1,
  /** Subclients of one client (demo: 2 on average, 5 at most). */
  subclientsPerClient: 3,
  /** Agents and backup sets of one client (demo: 1.3 and 1.5 on average). */
  agentsPerClient: 2,
  /** Plans writing to one storage pool. */
  plansPerPool: 5,
  /** Finished backup jobs walked per client to reach its last success (demo: 39 on average, 123 at most). */
  backupJobsWalkedPerClient: 150,
  /** Alert rules (demo: 8). */
  alertRules: 30,
  /** Schedules of one subclient, client or plan (demo: 2 to 4). */
  schedulesPerEntity: 4,
  /** Any other list: storage policy copies, partitions. */
  OTHER_LIST: 10,
} as const;

/** The shared detail records (see FieldCost.shared): one loader call serves every field reading it. */
const DETAIL = {
  subclient: 'subclient detail',
  subclientProperties: 'subclient properties',
  plan: 'plan list',
  library: 'library detail',
  ddbStore: 'DDB store detail',
  storage: 'V4 storage detail',
  backupHistory: 'client backup history',
  servers: 'V4 server list',
  client: 'client detail',
  mediaAgent: 'MediaAgent detail',
  serverPlan: 'V4 server plan',
  planProperties: 'V2 plan detail',
  vms: 'VM list',
  storageArray: 'storage array detail',
  replicationPairs: 'replication monitors',
} as const;

/**
 * Estimated upstream calls of every Commvault field that has a resolver, by `Type.field`; every other
 * field is read from its parent and costs nothing. A relation batched through a per-request loader is
 * one call for the whole parent list, not one per item (src/datasources/commvault/loaders.ts).
 */
const HINTS: Readonly<Record<string, CostHint>> = {
  // ── Query: one object or list of the named CommServe, or of every one the caller may see ──────
  // One object of the named CommServe: `GET /Job/{id}`, the cached client list, `GET /Subclient/{id}`.
  'Query.commvaultJob': fanOut('commvault', { items: 1 }),
  'Query.commvaultClient': fanOut('commvault', { items: 1 }),
  'Query.commvaultSubclient': fanOut('commvault', { items: 1, holds: [DETAIL.subclient] }),
  // `GET /Client` per CommServe, searched and paged in the gateway; totalCount comes with it.
  'Query.commvaultClients': fanOut('commvault', { items: 'page' }),
  // `GET /Events` per CommServe (unpaged upstream), paged in the gateway.
  'Query.commvaultEvents': fanOut('commvault', { items: 'page' }),
  // `GET /V4/TriggeredAlerts` per CommServe (unpaged upstream), paged in the gateway.
  'Query.commvaultTriggeredAlerts': fanOut('commvault', { items: 'page' }),
  // `GET /AlertRule` per CommServe.
  'Query.commvaultAlertRules': fanOut('commvault', { items: ASSUMED.alertRules }),
  // `GET /V4/AlertDefinitions` per CommServe, for all its rules.
  'CommvaultAlertRule.enabled': batched('commvault'),
  'Query.commvaultPlans': fanOut('commvault', { items: ASSUMED.plans, holds: [DETAIL.plan] }),
  'Query.commvaultStoragePolicies': fanOut('commvault', { items: ASSUMED.storagePolicies }),
  'Query.commvaultStoragePools': fanOut('commvault', { items: ASSUMED.storagePools }),
  'Query.commvaultLibraries': fanOut('commvault', { items: ASSUMED.libraries }),
  'Query.commvaultMediaAgents': fanOut('commvault', { items: ASSUMED.mediaAgents }),
  // The DDB-engines qoperation lists stores without partitions: their health fields cost a detail each.
  'Query.commvaultDdbStores': fanOut('commvault', { items: ASSUMED.ddbStores }),

  // The engine list, then `GET /DDBInformation/{id}` per store: the alerts hold the detail.
  'Query.ddbAlerts': fanOut('commvault', { calls: 1 + ASSUMED.ddbStores, items: ASSUMED.ddbStores, holds: [DETAIL.ddbStore] }),

  // ── Commvault relations ──────────────────────────────────────────────────────────────────────
  // A job summary embeds its subclient, plan and storage policy; `client` is the cached client list, preloaded with the page.
  'CommvaultJob.client': batched('commvault'),
  'CommvaultClient.subclients': perParent(1, { items: ASSUMED.subclientsPerClient, holds: [DETAIL.subclient] }),
  'CommvaultClient.agents': perParent(1, { items: ASSUMED.agentsPerClient }),
  'CommvaultClient.backupsets': perParent(1, { items: ASSUMED.agentsPerClient }),
  // `GET /Instance?clientId=` per client; an agent's are filtered from the same answer.
  'CommvaultClient.instances': perParent(1, { items: ASSUMED.agentsPerClient }),
  'CommvaultAgent.instances': perParent(1, { items: 1 }),
  // The client's `GET /Backupset` and `GET /Subclient` listings, filtered by instance and by backup set.
  'CommvaultAgentInstance.backupsets': perParent(1, { items: 1 }),
  'CommvaultBackupset.subclients': perParent(1, { items: ASSUMED.subclientsPerClient, holds: [DETAIL.subclient] }),
  // One walk of `POST /Jobs` over the finished backups of all the clients (last-backup.ts): 1000 jobs per
  // call, about `backupJobsWalkedPerClient` per client, at least one call per CommServe.
  // Left out of `GET /Client`: OS and version from `GET /V4/Servers` per CommServe (all its clients at once),
  // the description from `GET /Client/{id}` per client (no list carries it).
  'CommvaultClient.osName': batched('commvault', { shares: DETAIL.servers }),
  'CommvaultClient.version': batched('commvault', { shares: DETAIL.servers }),
  'CommvaultClient.description': perParent(1, { shares: DETAIL.client }),
  // Reachability and update state: the V4 server list, as osName.
  'CommvaultClient.networkReadiness': batched('commvault', { shares: DETAIL.servers }),
  'CommvaultClient.updateState': batched('commvault', { shares: DETAIL.servers }),
  // The V4 server list and the walk of finished backups (as lastSuccessfulBackupAt): shared by every client of the request.
  'CommvaultClient.protectionStatus': after(
    batched('commvault', { shares: DETAIL.servers }),
    batched('commvault', { idsPerCall: Math.floor(1000 / ASSUMED.backupJobsWalkedPerClient) }),
  ),
  // `GET /Client/{id}` per client, the same answer as `description`.
  'CommvaultClient.activityControl': perParent(1, { shares: DETAIL.client, items: 3 }),
  'CommvaultClient.lastSuccessfulBackupAt': batched('commvault', { idsPerCall: Math.floor(1000 / ASSUMED.backupJobsWalkedPerClient) }),
  // `GET /Job?clientId=` per client (a status or time filter reads the client's window: one page).
  'CommvaultClient.jobs': perParent(1, { items: 'page' }),
  'CommvaultSubclient.client': batched('commvault'),
  // Its client's host name: the cached client list.
  'CommvaultSubclient.hostName': batched('commvault'),
  // The same walk of `POST /Jobs` as the clients', over the subclients' clients.
  'CommvaultSubclient.lastSuccessfulBackupAt': batched('commvault', { idsPerCall: Math.floor(1000 / ASSUMED.backupJobsWalkedPerClient) }),
  // Met in a job, a subclient carries only names: one `GET /Subclient?clientId=` per client fills the rest.
  'CommvaultSubclient.description': perParent(1, { shares: DETAIL.subclient }),
  'CommvaultSubclient.backupEnabled': perParent(1, { shares: DETAIL.subclient }),
  // `GET /Subclient/{id}` per subclient: its full properties, shared by these fields.
  'CommvaultSubclient.contentPaths': perParent(1, { shares: DETAIL.subclientProperties }),
  'CommvaultSubclient.filters': perParent(1, { shares: DETAIL.subclientProperties }),
  'CommvaultSubclient.exceptions': perParent(1, { shares: DETAIL.subclientProperties }),
  'CommvaultSubclient.streamCount': perParent(1, { shares: DETAIL.subclientProperties }),
  'CommvaultSubclient.lastBackupAt': perParent(1, { shares: DETAIL.subclientProperties }),
  'CommvaultSubclient.plan': perParent(1, { shares: DETAIL.subclient }),
  'CommvaultSubclient.storagePolicy': perParent(1, { shares: DETAIL.subclient }),
  // Filtered from its client's window (`GET /Job?clientId=`, one page).
  'CommvaultSubclient.jobs': perParent(1, { items: 'page' }),
  // One `POST /DoBrowse` per subclient and page: Commvault pages and counts browse and find itself.
  'CommvaultSubclient.browse': perParent(1, { items: 'page' }),
  'CommvaultSubclient.find': perParent(1, { items: 'page' }),
  // Met in a job or subclient, a plan carries id and name: the rest is the cached plan list.
  'CommvaultPlan.type': batched('commvault', { shares: DETAIL.plan }),
  'CommvaultPlan.subtype': batched('commvault', { shares: DETAIL.plan }),
  'CommvaultPlan.rpoMinutes': batched('commvault', { shares: DETAIL.plan }),
  'CommvaultPlan.associatedEntities': batched('commvault', { shares: DETAIL.plan }),
  'CommvaultPlan.copiesCount': batched('commvault', { shares: DETAIL.plan }),
  // `GET /StoragePolicy/{id}` per policy.
  // Plans in detail: `GET /V4/ServerPlan/{id}/BackupDestinations`, `GET /V4/ServerPlan/{id}` and
  // `GET /V2/Plan/{id}` per plan, each read once for the fields sharing it.
  'CommvaultPlan.backupDestinations': perParent(1, { items: ASSUMED.OTHER_LIST }),
  'CommvaultPlan.backupWindows': perParent(1, { shares: DETAIL.serverPlan }),
  'CommvaultPlan.fullBackupWindows': perParent(1, { shares: DETAIL.serverPlan }),
  'CommvaultPlan.rpoSchedules': perParent(1, { shares: DETAIL.serverPlan }),
  'CommvaultPlan.sla': perParent(1, { shares: DETAIL.serverPlan }),
  'CommvaultPlan.protectedEntities': perParent(1, { shares: DETAIL.serverPlan }),
  'CommvaultPlan.status': perParent(1, { shares: DETAIL.serverPlan }),
  'CommvaultPlan.supportedWorkloads': perParent(1, { shares: DETAIL.planProperties }),
  'CommvaultPlan.storagePolicy': perParent(1, { shares: DETAIL.planProperties }),
  'CommvaultPlan.schedulePolicy': perParent(1, { shares: DETAIL.planProperties }),
  'CommvaultPlan.slaMinutes': perParent(1, { shares: DETAIL.planProperties }),
  'CommvaultStoragePolicy.copies': perParent(1, { items: ASSUMED.OTHER_LIST }),
  // `GET /V2/StoragePolicy/{id}/Copy/{copyId}` per copy.
  'CommvaultStoragePolicyCopy.retention': perParent(1),
  // The copy's rule (`GET /V2/StoragePolicy/{id}/Copy/{copyId}`) and its job list.
  'CommvaultStoragePolicyCopy.agingSummary': perParent(2),
  // `GET /V2/Plan/{id}` and the V2 copy (cycles, jobs), and the copy's job list.
  'CommvaultPlanBackupDestination.agingSummary': perParent(3),
  // `GET /StoragePool/{id}`, then `GET /DDBInformation/{id}` per store of the pool.
  'CommvaultStoragePool.ddbStores': perParent(1 + ASSUMED.ddbStoresPerPool, { items: ASSUMED.ddbStoresPerPool, holds: [DETAIL.ddbStore] }),
  // `GET /V4/Storage/Disk|Cloud/{id}` per pool.
  // Judged from the pool's own free share with the configured thresholds.
  'CommvaultStoragePool.severity': free(),
  // `GET /StoragePool/{id}` for its libraries, then `GET /Library/{id}` per library (one per pool: a pool writes to its own library).
  'CommvaultStoragePool.estimatedRunoutDays': perParent(1 + ASSUMED.librariesPerPool),
  // Read from the gateway's history store, not the upstream (docs/history.md).
  'CommvaultStoragePool.history': free({ items: HISTORY_ITEMS }),
  'CommvaultStoragePool.forecast': free(),
  'CommvaultStoragePool.sizeOnDiskBytes': perParent(1, { shares: DETAIL.storage }),
  'CommvaultStoragePool.dedupeSavingsPercent': perParent(1, { shares: DETAIL.storage }),
  'CommvaultStoragePool.backupLocations': perParent(1, { shares: DETAIL.storage }),
  // The V4 detail names the plans; the plan list fills them in.
  'CommvaultStoragePool.associatedPlans': after(
    perParent(1, { shares: DETAIL.storage }),
    batched('commvault', { items: ASSUMED.plansPerPool, holds: [DETAIL.plan] }),
  ),
  // `GET /Library` names libraries only; everything else is `GET /Library/{id}` per library.
  'CommvaultLibrary.status': perParent(1, { shares: DETAIL.library }),
  'CommvaultLibrary.libraryType': perParent(1, { shares: DETAIL.library }),
  'CommvaultLibrary.mountPaths': perParent(1, { shares: DETAIL.library }),
  'CommvaultLibrary.capacityBytes': perParent(1, { shares: DETAIL.library }),
  'CommvaultLibrary.freeBytes': perParent(1, { shares: DETAIL.library }),
  'CommvaultLibrary.severity': perParent(1, { shares: DETAIL.library }),
  // `GET /DDBInformation/{id}` per store, unless the store came from a detail call.
  'CommvaultDdbStore.partitions': perParent(1, { shares: DETAIL.ddbStore }),
  'CommvaultDdbStore.avgQiMicros': perParent(1, { shares: DETAIL.ddbStore }),
  'CommvaultDdbStore.freeBytes': perParent(1, { shares: DETAIL.ddbStore }),
  'CommvaultDdbStore.severity': perParent(1, { shares: DETAIL.ddbStore }),
  'CommvaultDdbStore.history': free({ items: HISTORY_ITEMS }),
  // From the engine list the store came from; a store from `node` reads the (cached) engine list once per CommServe.
  'CommvaultDdbStore.resync': batched('commvault'),
  'CommvaultDdbPartition.severity': free(),
  // `GET /V4/mediaAgent/{id}` per MediaAgent, shared by these fields.
  'CommvaultMediaAgent.status': perParent(1, { shares: DETAIL.mediaAgent }),
  'CommvaultMediaAgent.offlineReason': perParent(1, { shares: DETAIL.mediaAgent }),
  'CommvaultMediaAgent.maintenanceMode': perParent(1, { shares: DETAIL.mediaAgent }),
  'CommvaultMediaAgent.indexCachePath': perParent(1, { shares: DETAIL.mediaAgent }),
  'CommvaultMediaAgent.osType': perParent(1, { shares: DETAIL.mediaAgent }),
  'CommvaultEvent.client': batched('commvault'),
  // `GET /Job/{id}` per event: no list form reads several jobs by id.
  'CommvaultEvent.job': perParent(1),

  // ── The CommServe (docs/schema.md, "CommServe"): one call each, per CommServe ────────────────
  // `GET /CommServ` once per Commvault upstream among the parents; a console's is null without a call.
  'Upstream.commServe': commServeOfUpstreams,
  'CommServe.licence': perParent(1),
  'CommServe.registration': perParent(1),
  'CommServe.healthConditions': perParent(1, { items: ASSUMED.OTHER_LIST }),
  'CommServe.activityControl': perParent(1, { items: ASSUMED.OTHER_LIST }),
  'CommServe.disasterRecoveryBackup': perParent(1),
  // `GET /Job?jobFilter=DR Backup`, one job.
  'CommServeDrBackup.lastJob': perParent(1),
  // ── Virtualisation and job detail ─────────────────────────────────────────────────────────────
  // `GET /V4/Hypervisor` and `GET /VM` per CommServe (unpaged, read whole), filtered and paged in the gateway.
  'Query.commvaultHypervisors': fanOut('commvault', { items: 'page' }),
  'Query.commvaultVirtualMachines': fanOut('commvault', { items: 'page' }),
  'Query.commvaultVirtualMachine': fanOut('commvault', { items: 1 }),
  // Counted over the cached `GET /VM` of the hypervisor's CommServe.
  'CommvaultHypervisor.vmCount': batched('commvault', { shares: DETAIL.vms }),
  'CommvaultHypervisor.protectedVmCount': batched('commvault', { shares: DETAIL.vms }),
  'CommvaultVirtualMachine.hypervisor': batched('commvault'),
  'CommvaultVirtualMachine.plan': batched('commvault', { shares: DETAIL.plan }),
  'CommvaultVirtualMachine.client': batched('commvault'),
  'CommvaultVirtualMachine.hypervisorName': free(),
  'CommvaultVirtualMachine.proxyName': free(),
  'CommvaultVirtualMachine.vmGroupName': free(),
  'CommvaultVirtualMachine.vmGroupId': free(),
  // ── Storage arrays and replication ────────────────────────────────────────────────────────────
  // `GET /V4/StorageArrays`, `GET /V4/ReplicationGroup` per CommServe; pairs read both monitors (2 calls).
  'Query.commvaultStorageArrays': fanOut('commvault', { items: 'page' }),
  'Query.commvaultReplicationGroups': fanOut('commvault', { items: 'page' }),
  'Query.commvaultReplicationPairs': fanOut('commvault', { calls: 2, items: 'page' }),
  // `GET /V4/StorageArrays/{id}` per array, shared by these fields; its MediaAgents from the cached list.
  'CommvaultStorageArray.snapVendor': perParent(1, { shares: DETAIL.storageArray }),
  'CommvaultStorageArray.arrayType': perParent(1, { shares: DETAIL.storageArray }),
  'CommvaultStorageArray.region': perParent(1, { shares: DETAIL.storageArray }),
  'CommvaultStorageArray.uniqueIdentifier': perParent(1, { shares: DETAIL.storageArray }),
  'CommvaultStorageArray.accessNodes': perParent(1, { shares: DETAIL.storageArray, items: ASSUMED.OTHER_LIST }),
  'CommvaultStorageArray.snapConfigurations': perParent(1, { shares: DETAIL.storageArray, items: ASSUMED.OTHER_LIST }),
  'CommvaultStorageArray.mediaAgents': after(perParent(1, { shares: DETAIL.storageArray }), batched('commvault', { items: ASSUMED.OTHER_LIST })),
  'CommvaultReplicationGroup.sourceName': free(),
  'CommvaultReplicationGroup.destinationName': free(),
  'CommvaultReplicationGroup.sourceHypervisor': batched('commvault'),
  'CommvaultReplicationGroup.destinationHypervisor': batched('commvault'),
  // Both monitors, once per CommServe for every group of the request.
  'CommvaultReplicationGroup.pairs': batched('commvault', { calls: 2, shares: DETAIL.replicationPairs, items: ASSUMED.OTHER_LIST }),
  'CommvaultReplicationPair.lagSeconds': free(),
  'CommvaultReplicationPair.destinationHypervisorName': free(),
  'CommvaultReplicationPair.destinationHypervisor': batched('commvault'),
  'CommvaultReplicationPair.sourceVirtualMachine': batched('commvault', { shares: DETAIL.vms }),
  'CommvaultReplicationPair.sourceClient': after(batched('commvault', { shares: DETAIL.vms }), batched('commvault')),
  // ── Reports, computed from the window's `GET /Job` pages ──────────────────────────────────────
  // Finished backups of the window (default the last CAPACITY_DEFAULT_DAYS days), read whole per CommServe.
  'Query.commvaultCapacityReport': fanOut('commvault', {
    calls: (env) => (env.args.since == null ? windowPages(CAPACITY_DEFAULT_DAYS) : summaryPages(env.args.since, env.args.until, env.now)),
    items: 'page',
  }),
  'Query.commvaultJobSummaryReport': fanOut('commvault', { calls: (env) => summaryPages(env.args.since, env.args.until, env.now), items: 1 }),
  'CommvaultClientCapacity.client': batched('commvault'),
  // `GET /V4/ServerPlan/{id}/BackupDestinations` per plan the rows name (at most every plan), then the cached pool list.
  'CommvaultClientCapacity.storagePools': after(batched('commvault', { calls: ASSUMED.plans }), batched('commvault', { items: 2 })),
  // `POST /JobDetails` per job: no list form returns several jobs' detail.
  'CommvaultJob.detail': perParent(1),

  // ── Schedules (docs/schema.md, "Schedules") ──────────────────────────────────────────────────
  // `GET /Schedules/{taskId}`; a policy's: `GET /SchedulePolicy/{taskId}`, the plan list and the plans'
  // legacy details (cached, shared) until one names it, and that plan's `GET /V4/ServerPlan/{id}`.
  'Query.commvaultSchedule': fanOut('commvault', { items: 1, calls: 5 }),
  // `GET /Schedules?clientId=…` per subclient or client.
  'CommvaultSubclient.schedules': perParent(1, { items: ASSUMED.schedulesPerEntity }),
  'CommvaultClient.schedules': perParent(1, { items: ASSUMED.schedulesPerEntity }),
  // `GET /V2/Plan/{id}` (shared with the plan's other legacy fields) for its policy, then `GET /SchedulePolicy/{taskId}`
  // and `GET /V4/ServerPlan/{id}` (the weekday exceptions; shared with the plan's V4 fields).
  'CommvaultPlan.schedules': perParent(3, { items: ASSUMED.schedulesPerEntity }),
  // `GET /CommServ` once per CommServe (cached): the zone of the times.
  'CommvaultSchedule.timeZone': batched('commvault'),
  'CommvaultSchedule.nextRuns': batched('commvault'),
  // Computed from the pattern.
  'CommvaultSchedule.kind': free(),
  'CommvaultSchedule.frequency': free(),
  'CommvaultSchedule.description': free(),
  // From a list: `GET /Schedules/{taskId}` per task (options are left out of lists).
  'CommvaultSchedule.backupLevel': perParent(1),

  // ── Mutations (docs/operations.md) ───────────────────────────────────────────────────────────
  // The backup call, then `GET /Job/{id}` of the started job.
  'Mutation.backupSubclient': () => ({ calls: 2, child: level(1, { commvault: 1 }) }),
  // The subclient read past the cache, the `POST /Subclient/{id}`, the read back.
  'Mutation.updateSubclientContent': () => ({ calls: 3, child: level(1, { commvault: 1 }) }),
  // The client's subclient listing, then per subclient its backup and the job read back.
  'Mutation.backupBackupset': () => ({ calls: 1 + 2 * ASSUMED.subclientsPerClient, child: level(ASSUMED.subclientsPerClient, { commvault: 1 }) }),
  // Tasks (`POST /CreateTask`): the cached reads that check what the task names, the task, `GET /Job/{id}` of its job.
  // `GET /Subclient/{id}`, and `GET /Client/{id}` for an out-of-place destination.
  'Mutation.restoreFiles': (_parent, env) => ({ calls: taskInput(env).inPlace === false ? 4 : 3, child: level(1, { commvault: 1 }) }),
  // `GET /StoragePolicy`, and `GET /StoragePolicy/{id}` for a named copy.
  'Mutation.runAuxCopy': (_parent, env) => ({ calls: typeof taskInput(env).copy === 'string' ? 4 : 3, child: level(1, { commvault: 1 }) }),
  // Named copies: `GET /StoragePolicy` and one `GET /StoragePolicy/{id}` per copy at most (per policy in fact).
  'Mutation.runDataAging': (_parent, env) => {
    const copies = taskInput(env).copies;
    return { calls: 2 + (Array.isArray(copies) ? 1 + Math.min(copies.length, MAX_AGING_COPIES) : 0), child: level(1, { commvault: 1 }) };
  },
  // The toggle, then `GET /V4/CommCell/ActivityControl` (its cache dropped) for the state after.
  // With `client`: the cached client list for its name, `POST /Client/{id}` and `GET /Client/{id}`.
  'Mutation.enableActivity': activityToggleCost,
  'Mutation.disableActivity': activityToggleCost,
  // The cached VM list (for the UUID), the backup call, then `GET /Job/{id}` of the started job.
  'Mutation.backupVirtualMachine': () => ({ calls: 3, child: level(1, { commvault: 1 }) }),
  // The VM list (for the GUID), the restore call and the started job read back.
  'Mutation.restoreVirtualMachine': () => ({ calls: 3, child: level(1, { commvault: 1 }) }),
  // The DR backup call, then `GET /Job/{id}` of the started job.
  'Mutation.runDisasterRecoveryBackup': () => ({ calls: 2, child: level(1, { commvault: 1 }) }),
  // The (cached) engine list, the qoperation, `GET /Job/{id}` and the engine list again; RECONSTRUCT
  // (and an operation not known yet) also reads the store's partitions (`GET /DDBInformation/{id}`).
  'Mutation.runDdbOperation': (_parent, env) => {
    const input = env.args.input as { operation?: unknown } | undefined;
    const known = typeof input?.operation === 'string' && input.operation !== 'RECONSTRUCT';
    return { calls: known ? 4 : 5, child: level(1, { commvault: 1 }) };
  },
  // Schedules: the subclient (cached), `POST /CreateTask`, the task read back.
  'Mutation.createCommvaultSchedule': () => ({ calls: 3, child: level(1, { commvault: 1 }) }),
  // The task read past the cache, the qoperation message, the task read back.
  'Mutation.updateCommvaultSchedule': () => ({ calls: 3, child: level(1, { commvault: 1 }) }),
  'Mutation.deleteCommvaultSchedule': () => ({ calls: 2, child: level(1, { commvault: 1 }) }),
  // The task (or, for a plan's, the policy) read, the toggle, the read back.
  'Mutation.setCommvaultScheduleEnabled': () => ({ calls: 4, child: level(1, { commvault: 1 }) }),
  // `GET /DDBInformation/{id}`, `GET /Client`, and per MediaAgent of the partitions (two assumed) its
  // subclients, the backup call and `GET /Job/{id}` of the started job.
  'Mutation.backupDdb': () => ({ calls: 8, child: level(1, { commvault: 1 }) }),
  // The rule read past the cache; for a plan destination `GET /V2/Plan/{id}` and its V2 copy (cycles),
  // for a policy copy `GET /StoragePolicy` (its name); the copy's job list, the PUT and the read-back.
  'Mutation.updateRetention': () => ({ calls: 6, child: level(1, { commvault: 1 }) }),
  // `GET /CommServ` for the CommCell id unless given, then the job operation.
  'Mutation.runPlanJobOperation': (_parent, env) => {
    const input = env.args.input as { commcellId?: unknown } | undefined;
    return { calls: typeof input?.commcellId === 'number' ? 1 : 2, child: level(1, { commvault: 1 }) };
  },
};

/**
 * `Upstream.commServe`: one `GET /CommServ` and one CommServe per Commvault upstream among the parents
 * (`upstreams` lists each instance once), none for the others.
 */
function commServeOfUpstreams(parent: Level): FieldCost {
  const commServes = Math.min(parent.items, countOf(parent.upstreams, 'commvault'));
  return { calls: commServes, child: level(commServes, { commvault: commServes }) };
}

/** enableActivity / disableActivity: the toggle and the state read back; a client's also its name from the client list. */
function activityToggleCost(_parent: Level, env: FieldEnv): FieldCost {
  return { calls: typeof taskInput(env).client === 'string' ? 3 : 2, child: level(1, { commvault: 1 }) };
}

/** A mutation's `input` argument as the estimate sees it (unchecked: the resolver validates it). */
function taskInput(env: FieldEnv): Record<string, unknown> {
  const input = env.args.input;
  return typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
}

/** Commvault's part of the cost estimate (see ProductCostModel). */
export const commvaultCost: ProductCostModel = {
  group: 'commvault',
  hints: HINTS,
  // One `GET /Job` per CommServe, or the window's pages when the gateway must filter (job-search.ts).
  jobsPage: (env: FieldEnv) => jobPagesPerCommServe(env.args.filter, env.now),
  ownsWorkload: (typeName) => typeName === 'CommvaultClient',
  // `GET /Events` and `GET /V4/TriggeredAlerts` per CommServe, whatever the page.
  eventsPage: () => 2,
  storageTargets: 1,
  capacityTargets: 1,
  // The window's `GET /Job` pages per CommServe.
  jobsInWindow: (env) => summaryPages(env.args.since, env.args.until, env.now),
  // `GET /V2/MediaAgents` and each MediaAgent's `GET /V4/mediaAgent/{id}` (maintenance).
  backupInfrastructure: 1 + ASSUMED.mediaAgents,
  // The DDB-engines qoperation and `GET /DDBInformation/{id}` per store.
  ddbHealth: 1 + ASSUMED.ddbStores,
  // `GET /V4/Servers`, the window's backup-job pages and `GET /Client` per CommServe.
  unprotectedWorkloads: (env) => 2 + protectionPages(protectionWindowDays(env.args)),
  // `node` fetches through the loaders that keep the full record, so its detail fields are free.
  nodeHolds: [DETAIL.subclient, DETAIL.plan, DETAIL.library, DETAIL.ddbStore],
};
