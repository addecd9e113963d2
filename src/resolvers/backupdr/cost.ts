import { MAX_IDS_PER_CALL } from '../../datasources/backupdr/backupdr-source.js';
import { asksQueued, CONSOLE_MAX_WINDOW_PAGES, CONSOLE_WINDOW_PAGE_SIZE, type ConsoleJobSearch } from '../../datasources/backupdr/job-search.js';
import type { JobCategory, JobStatus } from '../../datasources/domain.js';
import { protectionWindowDays, summaryWindowDays } from '../../monitoring/window.js';
import { COUNT_CHECK_AFTER_PAGES, MAX_WALK_PAGES, WALK_PAGE_SIZE } from '../../datasources/backupdr/backup-history.js';
import { HISTORY_ITEMS, after, batched, fanOut, free, level, perParent, type CostHint, type ProductCostModel } from '../../plugins/cost/hint-kinds.js';

/** Any console list without `first` (template policies, a user's roles). */
const OTHER_LIST = 10;

/**
 * Capture jobs a console starts per day, for `unprotectedWorkloads(days)`'s window: 800 managed applications
 * backed up daily (the demo consoles: about 700).
 */
const ASSUMED_CAPTURES_PER_DAY = 800;

/** Calls of `days` days of finished capture jobs on one console: ⌊J/1000⌋ + 1 `GET /jobhistory` pages, and a HEAD past 10 (backup-history.ts). */
function capturePages(days: unknown): number {
  const jobs = (typeof days === 'number' ? Math.max(0, days) : 0) * ASSUMED_CAPTURES_PER_DAY;
  const pages = Math.min(MAX_WALK_PAGES, Math.floor(jobs / WALK_PAGE_SIZE) + 1);
  return pages > COUNT_CHECK_AFTER_PAGES ? pages + 1 : pages;
}

/** The shared detail records (see FieldCost.shared). */
const DETAIL = { jobApplication: 'job application', appliancePools: 'appliance pools' } as const;

/**
 * A console connection of the parent: one `GET /<resource>` page per parent (`limit` first + 1, so no
 * count is needed for hasNextPage), plus a HEAD with the same filters when `totalCount` is selected.
 */
const consoleList = perParent(1, { items: 'page', totalCount: 1 });
/** A console relation: the page's ids go out as one `filter=id:==…` union per console (datasources/backupdr/loaders.ts). */
const consoleRef = batched('backupdr', { idsPerCall: MAX_IDS_PER_CALL });
const consoleBatch = (options: Parameters<typeof batched>[1] = {}) => batched('backupdr', { idsPerCall: MAX_IDS_PER_CALL, ...options });

/** A console mutation: its write and the reads around it, on one console; the payload's objects come from there. */
const consoleWrite = (calls: number): CostHint => () => ({ calls, child: level(1, { backupdr: 1 }) });

/** Estimated upstream calls of every console field that has a resolver, by `Type.field`. */
const HINTS: Readonly<Record<string, CostHint>> = {
  // The named console: no call of its own, and its lists ask it alone.
  'Query.backupDr': fanOut('backupdr', { calls: 0, items: 1 }),

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
  // One `/jobstatus` union of capture jobs per 200 applications, and a second for those without a success on a
  // full first page (backup-history.ts `captureFacts`); single calls past that are left out of the estimate.
  'BackupDrApplication.lastSuccessfulBackupAt': consoleBatch({ calls: 2 }),
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
  // From the pool's own free share; a console gives no runout estimate.
  'BackupDrDiskPool.severity': free(),
  'BackupDrDiskPool.estimatedRunoutDays': free(),
  // Read from the gateway's history store, not the console (docs/history.md).
  'BackupDrDiskPool.history': free({ items: HISTORY_ITEMS }),
  'BackupDrDiskPool.forecast': free(),
  'BackupDrEvent.appliance': consoleRef,
  'BackupDrHost.appliance': consoleRef,
  'BackupDrJob.application': consoleBatch({ shares: DETAIL.jobApplication }),
  'BackupDrJob.host': consoleRef,
  // Built from the job's own fields.
  'BackupDrJob.detail': free(),
  // The job's application (the same union `application` loads), then its SLA.
  'BackupDrJob.sla': after(consoleBatch({ shares: DETAIL.jobApplication }), consoleRef),
  'BackupDrJob.backup': consoleRef,
  'BackupDrJob.appliance': consoleRef,
  'BackupDrLogicalGroup.sla': consoleRef,
  'BackupDrLogicalGroup.appliance': consoleRef,
  'BackupDrLogicalGroup.members': consoleList,
  'BackupDrConsistencyGroup.members': consoleList,
  // The console's whole pool list, once per console for the request (datasources/backupdr/appliances.ts).
  'BackupDrAppliance.diskPools': batched('backupdr', { items: OTHER_LIST, shares: DETAIL.appliancePools }),
  'BackupDrAppliance.diskUse': batched('backupdr', { shares: DETAIL.appliancePools }),
  // `GET /cluster` read whole.
  'BackupDrConsole.applianceSummary': perParent(1, { items: 1 }),
  'BackupDrSla.application': consoleRef,
  'BackupDrSla.logicalGroup': consoleRef,
  'BackupDrSla.slt': consoleRef,
  'BackupDrSla.slp': consoleRef,
  'BackupDrSlp.vaultPool': consoleRef,
  // `GET /slt/{id}/policy` per template: no list form covers several templates.
  'BackupDrSlt.policies': perParent(1, { items: OTHER_LIST }),
  'BackupDrUser.roles': consoleBatch({ items: OTHER_LIST }),
  'BackupDrUser.organizations': consoleBatch({ items: OTHER_LIST }),

  // ── Mutations (docs/operations.md) ───────────────────────────────────────────────────────────
  // Application, its SLA and its template's policies (checked first), the backup, and the label lookup's
  // first poll (usually the only one).
  'Mutation.backupApplication': consoleWrite(5),
  // The mount, the label lookup's first poll and the image read back.
  'Mutation.mountBackup': consoleWrite(3),
  // The write, then the image (or application) read back.
  'Mutation.unmountBackup': consoleWrite(2),
  'Mutation.expireBackup': consoleWrite(2),
  'Mutation.updateApplication': consoleWrite(2),
  // The write alone: the console answers the changed object.
  'Mutation.updateBackup': consoleWrite(1),
  'Mutation.updateSla': consoleWrite(1),
  'Mutation.applySla': consoleWrite(1),
  'Mutation.removeSla': consoleWrite(1),
};

/** The console's part of the cost estimate (see ProductCostModel). */
export const backupDrCost: ProductCostModel = {
  group: 'backupdr',
  hints: HINTS,
  // The started jobs' page per console, the queued jobs' list when the filter can match one (job-search.ts
  // asksQueued), plus a HEAD count when `totalCount` is selected.
  jobsPage: (env) => 1 + (asksQueued(jobConditionsOf(env.args.filter)) ? 1 : 0) + (env.selects('totalCount') ? 1 : 0),
  // One event list page per console, plus a HEAD count when `totalCount` is selected.
  eventsPage: (env) => 1 + (env.selects('totalCount') ? 1 : 0),
  // One disk-pool list per console.
  storageTargets: 1,
  capacityTargets: 1,
  // The window's list pages of 1000 jobs per console (consoleJobsInWindow).
  jobsInWindow: (env) => consoleWindowPages(summaryWindowDays(env.args.since, env.args.until, env.now)),
  // One appliance list per console.
  backupInfrastructure: 1,
  // The managed applications (one page) and the window's finished capture jobs, per console.
  unprotectedWorkloads: (env) => 1 + capturePages(protectionWindowDays(env.args)),
  // The history fields read the workloads' capture jobs as one id union per 200 (backup-history.ts `captureFacts`).
  workloadHistoryIdsPerCall: MAX_IDS_PER_CALL,
};

/** The parts of a raw `JobFilter` argument that decide whether the queued list is read. */
function jobConditionsOf(filter: unknown): ConsoleJobSearch {
  const f = typeof filter === 'object' && filter !== null ? (filter as Record<string, unknown>) : {};
  return {
    category: typeof f.category === 'string' ? (f.category as JobCategory) : undefined,
    statuses: Array.isArray(f.status) ? (f.status as JobStatus[]) : undefined,
    // Only whether a bound is given matters here.
    startedAfter: f.startedAfter != null ? new Date(0) : undefined,
    startedBefore: f.startedBefore != null ? new Date(0) : undefined,
  };
}

/**
 * Jobs a console starts per day, for windows read whole: the demo simulator's consoles start ~150 a day
 * (one per protected application and policy run); guessing high keeps the estimate an upper bound.
 */
export const ASSUMED_CONSOLE_JOBS_PER_DAY = 1000;

/** List pages of a console window of `days` days; the walk refuses more than CONSOLE_MAX_WINDOW_PAGES. */
export function consoleWindowPages(days: number): number {
  return Math.min(CONSOLE_MAX_WINDOW_PAGES, Math.max(1, Math.ceil((days * ASSUMED_CONSOLE_JOBS_PER_DAY) / CONSOLE_WINDOW_PAGE_SIZE)));
}
