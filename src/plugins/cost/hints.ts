import { after, batched, fanOut, free, perParent, type CostHint, type FieldEnv, type UpstreamCounts } from './hint-kinds.js';
import { jobPagesPerCommServe, protectionPages, summaryPages } from './job-windows.js';

/**
 * Sizes the estimate assumes for lists the upstream sizes (no `first`): a mid-size estate per
 * CommServe. The demo simulator holds fewer of each (in brackets). Lists read from the parent whose
 * objects make no calls need no size; `OTHER_LIST` covers them.
 */
export const ASSUMED = {
  /** Storage policies (demo: 8). */
  storagePolicies: 25,
  /** Plans (demo: 8). */
  plans: 25,
  /** Storage pools, or storage targets of one upstream (demo: 5 pools, 12 console disk pools). */
  storagePools: 15,
  /** Libraries (demo: 5). */
  libraries: 10,
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
  /** Workloads without a successful backup in the window (demo: 14). */
  unprotectedWorkloads: 25,
  /** Plans writing to one storage pool. */
  plansPerPool: 5,
  /** Any other list: storage policy copies, template policies, a user's roles, partitions. */
  OTHER_LIST: 10,
} as const;

/** The shared detail records (see FieldCost.shared): one loader call serves every field reading it. */
const DETAIL = {
  subclient: 'subclient detail',
  plan: 'plan list',
  library: 'library detail',
  ddbStore: 'DDB store detail',
  storage: 'V4 storage detail',
  backupHistory: 'client backup history',
  jobApplication: 'job application',
} as const;

/**
 * A console connection of the parent: one `GET /<resource>` page per parent (`limit` first + 1, so no
 * count is needed for hasNextPage), plus a HEAD with the same filters when `totalCount` is selected.
 */
const consoleList = perParent(1, { items: 'page', totalCount: 1 });
/** A console relation: the page's ids go out as one `filter=id:==…` union per console (loaders/backupdr.ts). */
const consoleRef = batched('backupdr');

/** `Query.jobs` asks every CommServe and console the caller may see, or those in `filter.upstream`; a client narrows it to one CommServe. */
function jobsUpstreams(env: FieldEnv): UpstreamCounts {
  const filter = (env.args.filter ?? {}) as { upstream?: unknown; client?: unknown };
  let counts: UpstreamCounts = env.visible;
  if (Array.isArray(filter.upstream) && filter.upstream.length > 0) {
    const ids = [...new Set(filter.upstream.filter((id): id is string => typeof id === 'string'))];
    counts = { commvault: ids.filter((id) => env.groupOf(id) === 'commvault').length, backupdr: ids.filter((id) => env.groupOf(id) === 'backupdr').length };
  }
  return filter.client != null ? { commvault: Math.min(1, counts.commvault), backupdr: 0 } : counts;
}

/** The unified job list: per CommServe one `GET /Job` (or a window's pages), per console one list (+ HEAD for totalCount). */
const unifiedJobs: CostHint = (parent, env) => {
  const asked = jobsUpstreams(env);
  const perCommServe = jobPagesPerCommServe(env.args.filter, env.now);
  const perConsole = 1 + (env.selects('totalCount') ? 1 : 0);
  return {
    calls: parent.items * (asked.commvault * perCommServe + asked.backupdr * perConsole),
    child: { items: parent.items, upstreams: asked, page: env.pageSize(env.args.first) },
  };
};

/**
 * Estimated upstream calls of every field that has a resolver, in one table by `Type.field`; every
 * other field is read from its parent and costs nothing.
 *
 * One table rather than type-graphql `complexity` options: most relation fields are declared by
 * `@FieldResolver`s in src/resolvers, which stay thin and know nothing of cost, and a cost depends on
 * how the loaders batch (src/loaders), which is easier to check side by side than spread over thirty
 * files. test/unit/cost-hints.test.ts keeps the table and the schema in step both ways.
 *
 * Logins and console OPTIONS metadata are not counted: they are once per session or per hour, not per
 * request. A loader is per request, so a relation batched through it is one call for the whole parent
 * list, not one per item.
 */
export const COST_HINTS: Readonly<Record<string, CostHint>> = {
  // ── Query: lists fan out over the upstreams the caller may see (`upstream` narrows to one) ──────
  'Query.upstreams': free({ items: ASSUMED.OTHER_LIST }),
  'Query.node': perParent(1, {
    // A loader or detail call for the id's type; those loaders keep the full record, so its detail fields are free.
    holds: [DETAIL.subclient, DETAIL.plan, DETAIL.library, DETAIL.ddbStore],
  }),
  'Query.jobs': unifiedJobs,
  // One object of the named CommServe: `GET /Job/{id}`, the cached client list, `GET /Subclient/{id}`.
  'Query.commvaultJob': fanOut('commvault', { items: 1 }),
  'Query.commvaultClient': fanOut('commvault', { items: 1 }),
  'Query.commvaultSubclient': fanOut('commvault', { items: 1, holds: [DETAIL.subclient] }),
  // `GET /Client` per CommServe, searched and paged in the gateway; totalCount comes with it.
  'Query.commvaultClients': fanOut('commvault', { items: 'page' }),
  // `GET /Events` per CommServe (unpaged upstream), paged in the gateway.
  'Query.commvaultEvents': fanOut('commvault', { items: 'page' }),
  'Query.commvaultPlans': fanOut('commvault', { items: ASSUMED.plans, holds: [DETAIL.plan] }),
  'Query.commvaultStoragePolicies': fanOut('commvault', { items: ASSUMED.storagePolicies }),
  'Query.commvaultStoragePools': fanOut('commvault', { items: ASSUMED.storagePools }),
  'Query.commvaultLibraries': fanOut('commvault', { items: ASSUMED.libraries }),
  'Query.commvaultMediaAgents': fanOut('commvault', { items: ASSUMED.mediaAgents }),
  // The DDB-engines qoperation lists stores without partitions: their health fields cost a detail each.
  'Query.commvaultDdbStores': fanOut('commvault', { items: ASSUMED.ddbStores }),
  // Pools per CommServe, one disk-pool list per console.
  'Query.storagePools': fanOut('all', { items: ASSUMED.storagePools }),
  'Query.capacityAlerts': fanOut('commvault', { items: ASSUMED.storagePools }),
  // The engine list, then `GET /DDBInformation/{id}` per store: the alerts hold the detail.
  'Query.ddbAlerts': fanOut('commvault', { calls: 1 + ASSUMED.ddbStores, items: ASSUMED.ddbStores, holds: [DETAIL.ddbStore] }),
  // The window's `GET /Job` pages per CommServe.
  'Query.jobStatusSummary': fanOut('commvault', { calls: (env) => summaryPages(env.args.since, env.args.until, env.now), items: 1 }),
  // `GET /V4/Servers`, the window's backup-job pages and `GET /Client` per CommServe.
  'Query.unprotectedWorkloads': fanOut('commvault', {
    calls: (env) => 2 + protectionPages(env.args.days),
    items: ASSUMED.unprotectedWorkloads,
  }),
  // The named console: no call of its own, and its lists ask it alone.
  'Query.backupDr': fanOut('backupdr', { calls: 0, items: 1 }),

  // ── Commvault relations ──────────────────────────────────────────────────────────────────────
  // A job summary embeds its subclient, plan and storage policy; `client` is the cached client list, preloaded with the page.
  'CommvaultJob.client': batched('commvault'),
  'CommvaultJob.subclient': free(),
  'CommvaultJob.plan': free(),
  'CommvaultJob.storagePolicy': free(),
  'CommvaultClient.subclients': perParent(1, { items: ASSUMED.subclientsPerClient, holds: [DETAIL.subclient] }),
  'CommvaultClient.agents': perParent(1, { items: ASSUMED.agentsPerClient }),
  'CommvaultClient.backupsets': perParent(1, { items: ASSUMED.agentsPerClient }),
  // `GET /Job?clientId=&jobFilter=Backup` per client.
  'CommvaultClient.lastSuccessfulBackupAt': perParent(1, { shares: DETAIL.backupHistory }),
  // `GET /Job?clientId=` per client (a status or time filter reads the client's window: one page).
  'CommvaultClient.jobs': perParent(1, { items: 'page' }),
  'CommvaultSubclient.client': batched('commvault'),
  // Met in a job, a subclient carries only names: one `GET /Subclient?clientId=` per client fills the rest.
  'CommvaultSubclient.description': perParent(1, { shares: DETAIL.subclient }),
  'CommvaultSubclient.backupEnabled': perParent(1, { shares: DETAIL.subclient }),
  'CommvaultSubclient.contentPaths': perParent(1, { shares: DETAIL.subclient }),
  'CommvaultSubclient.plan': perParent(1, { shares: DETAIL.subclient }),
  'CommvaultSubclient.storagePolicy': perParent(1, { shares: DETAIL.subclient }),
  // Filtered from its client's window (`GET /Job?clientId=`, one page).
  'CommvaultSubclient.jobs': perParent(1, { items: 'page' }),
  // Met in a job or subclient, a plan carries id and name: the rest is the cached plan list.
  'CommvaultPlan.type': batched('commvault', { shares: DETAIL.plan }),
  'CommvaultPlan.subtype': batched('commvault', { shares: DETAIL.plan }),
  'CommvaultPlan.rpoMinutes': batched('commvault', { shares: DETAIL.plan }),
  'CommvaultPlan.associatedEntities': batched('commvault', { shares: DETAIL.plan }),
  'CommvaultPlan.copiesCount': batched('commvault', { shares: DETAIL.plan }),
  // `GET /StoragePolicy/{id}` per policy.
  'CommvaultStoragePolicy.copies': perParent(1, { items: ASSUMED.OTHER_LIST }),
  // `GET /StoragePool/{id}`, then `GET /DDBInformation/{id}` per store of the pool.
  'CommvaultStoragePool.ddbStores': perParent(1 + ASSUMED.ddbStoresPerPool, { items: ASSUMED.ddbStoresPerPool, holds: [DETAIL.ddbStore] }),
  // `GET /V4/Storage/Disk|Cloud/{id}` per pool.
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
  'CommvaultEvent.client': batched('commvault'),
  // `GET /Job/{id}` per event: no list form reads several jobs by id.
  'CommvaultEvent.job': perParent(1),

  // ── Unified monitoring objects ─────────────────────────────────────────────────────────────────
  // One `GET /Job?clientId=&jobFilter=Backup` per workload, shared by the three fields.
  'UnprotectedWorkload.lastSuccessfulBackupAt': perParent(1, { shares: DETAIL.backupHistory }),
  'UnprotectedWorkload.lastJobStatus': perParent(1, { shares: DETAIL.backupHistory }),
  'UnprotectedWorkload.lastJob': perParent(1, { shares: DETAIL.backupHistory }),

  // ── Backup and DR consoles: Query.backupDr is one console; its lists are console list views ────
  'BackupDrConsole.applications': consoleList,
  'BackupDrConsole.hosts': consoleList,
  'BackupDrConsole.consistencyGroups': consoleList,
  'BackupDrConsole.logicalGroups': consoleList,
  'BackupDrConsole.backups': consoleList,
  'BackupDrConsole.jobs': consoleList,
  'BackupDrConsole.events': consoleList,
  'BackupDrConsole.auditRecords': consoleList,
  'BackupDrConsole.slts': consoleList,
  'BackupDrConsole.slps': consoleList,
  'BackupDrConsole.slas': consoleList,
  'BackupDrConsole.diskPools': consoleList,
  'BackupDrConsole.appliances': consoleList,
  'BackupDrConsole.users': consoleList,
  'BackupDrConsole.roles': consoleList,
  'BackupDrConsole.organizations': consoleList,
  'BackupDrApplication.backups': consoleList,
  'BackupDrApplication.jobs': consoleList,
  'BackupDrHost.applications': consoleList,
  'BackupDrApplication.host': consoleRef,
  'BackupDrApplication.sla': consoleRef,
  'BackupDrApplication.logicalGroup': consoleRef,
  'BackupDrApplication.consistencyGroup': consoleRef,
  'BackupDrApplication.appliance': consoleRef,
  'BackupDrBackup.application': consoleRef,
  'BackupDrBackup.appliance': consoleRef,
  'BackupDrBackup.diskPool': consoleRef,
  'BackupDrConsistencyGroup.host': consoleRef,
  'BackupDrConsistencyGroup.appliance': consoleRef,
  'BackupDrDiskPool.appliance': consoleRef,
  'BackupDrEvent.appliance': consoleRef,
  'BackupDrHost.appliance': consoleRef,
  'BackupDrJob.application': batched('backupdr', { shares: DETAIL.jobApplication }),
  'BackupDrJob.host': consoleRef,
  // The job's application (the same union `application` loads), then its SLA.
  'BackupDrJob.sla': after(batched('backupdr', { shares: DETAIL.jobApplication }), consoleRef),
  'BackupDrJob.backup': consoleRef,
  'BackupDrJob.appliance': consoleRef,
  'BackupDrLogicalGroup.sla': consoleRef,
  'BackupDrLogicalGroup.appliance': consoleRef,
  'BackupDrSla.application': consoleRef,
  'BackupDrSla.logicalGroup': consoleRef,
  'BackupDrSla.slt': consoleRef,
  'BackupDrSla.slp': consoleRef,
  'BackupDrSlp.vaultPool': consoleRef,
  // `GET /slt/{id}/policy` per template: no list form covers several templates.
  'BackupDrSlt.policies': perParent(1, { items: ASSUMED.OTHER_LIST }),
  'BackupDrUser.roles': batched('backupdr', { items: ASSUMED.OTHER_LIST }),
  'BackupDrUser.organizations': batched('backupdr', { items: ASSUMED.OTHER_LIST }),
};
