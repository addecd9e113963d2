/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** An activity a CommServe (or one of its clients) can be stopped from running (activity control, `activityType` codes in brackets). */
export type Activity =
  /** All job activity (128). */
  | 'ALL'
  /** Auxiliary copies (4). */
  | 'AUX_COPY'
  /** Data management: backups (1). */
  | 'BACKUP'
  /** Data aging (16). */
  | 'DATA_AGING'
  /** Data verification (8192). */
  | 'DATA_VERIFICATION'
  /** Deduplication database activity (512). */
  | 'DDB'
  /** Offline content indexing (1024). */
  | 'OFFLINE_CONTENT_INDEXING'
  /** A code the gateway does not know (see `code`). Not accepted by the mutations. */
  | 'OTHER'
  /** Data recovery: restores (2). */
  | 'RESTORE'
  /** The job scheduler (256). */
  | 'SCHEDULER';

export type AlertState =
  /** Open, and someone acknowledged it. */
  | 'ACKNOWLEDGED'
  /** Its condition still holds (as a filter: acknowledged or not). */
  | 'OPEN'
  /** Its condition cleared. */
  | 'RESOLVED';

/** Take an on-demand backup of one console application (or consistency group). */
export type BackupApplicationInput = {
  /** A BackupDrApplication or BackupDrConsistencyGroup global id. */
  application: string | number;
  /** DB (default) or LOG. */
  backupType?: BackupDrBackupType | null | undefined;
  /** Send the same key again (same caller, within 24 h, same input) to get the first outcome back without a second upstream call; the same key with another input is BAD_USER_INPUT. */
  idempotencyKey?: string | null | undefined;
  /** The image and job label; default: a unique label the gateway makes. The job is found by it. */
  label?: string | null | undefined;
  /** The console id (`BackupDrPolicy.consoleId`) of a policy of the application's template; default: its snapshot policy. */
  policy?: string | number | null | undefined;
};

/** What an on-demand console backup captures (BackupNowRest `backuptype`). */
export type BackupDrBackupType =
  /** The application (database) itself: console `db`. */
  | 'DB'
  /** Its logs only: console `log`. */
  | 'LOG';

/** The level of an on-demand Commvault backup. */
export type BackupLevel =
  | 'DIFFERENTIAL'
  | 'FULL'
  | 'INCREMENTAL'
  | 'SYNTHETIC_FULL';

/** Start a backup of one Commvault virtual machine now (its VM group backs up that VM only). */
export type BackupVirtualMachineInput = {
  /** Send the same key again (same caller, within 24 h, same input) to get the first outcome back without a second upstream call; the same key with another input is BAD_USER_INPUT. */
  idempotencyKey?: string | null | undefined;
  /** Default INCREMENTAL, as the CommServe defaults. */
  level?: BackupLevel | null | undefined;
  /** A CommvaultVirtualMachine global id. */
  virtualMachine: string | number;
};

/** Whether periodic data verification (DV) jobs checked a job's data on a copy (`dataVerificationStatus` 0–6). */
export type CommvaultDataVerificationStatus =
  /** 2. */
  | 'DO_NOT_CHECK'
  /** 1. */
  | 'EXPIRED'
  /** 6. */
  | 'FAILED'
  /** "Invalid data received." (text only). */
  | 'INVALID_DATA'
  /** 4, partly checked. */
  | 'PARTIAL'
  /** 5. */
  | 'SUCCESSFUL'
  /** 3, "Picked". */
  | 'TO_BE_CHECKED'
  /** 0, "Not Picked". */
  | 'UNCHECKED';

/** Of a relative pattern: a weekday, any day, a weekday (Monday–Friday) or a weekend day (`freq_interval` 1–10). */
export type CommvaultRelativeDay =
  | 'DAY'
  | 'FRIDAY'
  | 'MONDAY'
  | 'SATURDAY'
  | 'SUNDAY'
  | 'THURSDAY'
  | 'TUESDAY'
  | 'WEDNESDAY'
  | 'WEEKDAY'
  | 'WEEKEND_DAY';

/** Which one of the month (`freq_relative_interval` 1–5). */
export type CommvaultRelativeWeek =
  | 'FIRST'
  | 'FOURTH'
  | 'LAST'
  | 'SECOND'
  | 'THIRD';

/** Why a copy keeps a job (`strRetainedBy`). */
export type CommvaultRetainedBy =
  | 'BASIC_RETENTION'
  | 'EXTENDED_RETENTION'
  | 'NO_DATA_AVAILABLE'
  | 'USER';

/** A pattern's `freq_type` by name (1 one time, 2 on demand, 4 daily, 8 weekly, 16 monthly, 32 monthly relative, 64 yearly, 128 yearly relative, 1024 automatic, 4096 continuous). */
export type CommvaultScheduleFrequency =
  | 'AFTER_JOB_COMPLETES'
  /** The CommServe starts jobs as the RPO needs: no calendar, no next runs. */
  | 'AUTOMATIC'
  | 'CONTINUOUS'
  | 'DAILY'
  | 'MONTHLY'
  /** E.g. the last Friday of every month. */
  | 'MONTHLY_RELATIVE'
  | 'ONE_TIME'
  | 'ON_DEMAND'
  | 'OTHER'
  | 'WEEKLY'
  | 'YEARLY'
  /** E.g. the first Sunday of March. */
  | 'YEARLY_RELATIVE';

/** What a schedule runs, from its subtask's `operationType` (2 backup, 1001 restore, 4003 aux copy, 4018 data aging, 4002 DR backup, 4004 report, 2001 workflow). */
export type CommvaultScheduleKind =
  | 'AUX_COPY'
  | 'BACKUP'
  | 'DATA_AGING'
  | 'DR_BACKUP'
  | 'OTHER'
  | 'REPORT'
  | 'RESTORE'
  | 'WORKFLOW';

/** A schedule pattern in plain terms; dates and times on the CommServe's wall clock (its time zone). */
export type CommvaultSchedulePatternInput = {
  /** MONTHLY, YEARLY: the day of the month (a day past the month's end runs on its last day). */
  dayOfMonth?: number | null | undefined;
  /** YYYY-MM-DD: no run after this day. */
  endDate?: string | null | undefined;
  /** Every N days, weeks or months (1 to 999). @default 1 */
  every?: number | null | undefined;
  /** Days of the month (1 to 31) with no run, whatever the pattern says: its exceptions. */
  exceptDaysOfMonth?: Array<number> | null | undefined;
  /** Days by their place in the month with no run (e.g. the last Sunday). Plan schedules only (V4 `exceptions[]` `onWeekOfTheMonth` with `onDayOfTheWeek`): a subclient's or client's schedule refuses it with BAD_USER_INPUT, its pattern having no such exception. */
  exceptWeekdaysOfMonth?: Array<CommvaultWeekdayOfMonthInput> | null | undefined;
  /** ONE_TIME, DAILY, WEEKLY, MONTHLY, MONTHLY_RELATIVE, YEARLY or YEARLY_RELATIVE. */
  frequency: CommvaultScheduleFrequency;
  /** At most this many runs in all. */
  maxRuns?: number | null | undefined;
  /** YEARLY, YEARLY_RELATIVE: the month, 1 to 12. */
  month?: number | null | undefined;
  /** MONTHLY_RELATIVE, YEARLY_RELATIVE: of which days. */
  relativeDay?: CommvaultRelativeDay | null | undefined;
  /** MONTHLY_RELATIVE, YEARLY_RELATIVE: which one of the month. */
  relativeWeek?: CommvaultRelativeWeek | null | undefined;
  /** Repeat within each run day every N minutes (1 to 1439)… */
  repeatEveryMinutes?: number | null | undefined;
  /** …until HH:MM (default 23:59). */
  repeatUntil?: string | null | undefined;
  /** YYYY-MM-DD: the first day it may run (a one-time pattern's day). */
  startDate: string;
  /** HH:MM. */
  startTime: string;
  /** WEEKLY: the days it runs. */
  weekDays?: Array<CommvaultWeekday> | null | undefined;
};

export type CommvaultWeekday =
  | 'FRIDAY'
  | 'MONDAY'
  | 'SATURDAY'
  | 'SUNDAY'
  | 'THURSDAY'
  | 'TUESDAY'
  | 'WEDNESDAY';

/** A day by its place in the month: the `week`-th (or last) `day` of it. */
export type CommvaultWeekdayOfMonthInput = {
  /** A weekday, DAY (any day), WEEKDAY (Monday–Friday) or WEEKEND_DAY. */
  day: CommvaultRelativeDay;
  week: CommvaultRelativeWeek;
};

/** How the items of a subclient content change combine with what the subclient holds (Commvault's operation types 1, 2, 3). */
export type ContentOperation =
  /** The items given are added to their lists. */
  | 'ADD'
  /** The items given are removed from their lists. */
  | 'DELETE'
  /** Each list given replaces that list; `[]` empties filters or exceptions. Lists left out stay as they are. */
  | 'OVERWRITE';

/** A backup schedule for one subclient, for a whole client, or one more schedule of a plan's RPO: exactly one of `subclient`, `client` and `plan`. */
export type CreateCommvaultScheduleInput = {
  backupLevel?: BackupLevel | null | undefined;
  /** The CommvaultClient to back up, all its subclients: a schedule policy named `name` associated with the client (`taskType` 4). */
  client?: string | number | null | undefined;
  enabled?: boolean | null | undefined;
  /** The schedule's name (1 to 128 characters). */
  name: string;
  pattern: CommvaultSchedulePatternInput;
  /** The CommvaultPlan (a server plan) whose RPO gains the schedule; it backs up everything the plan protects. Not ONE_TIME; `enabled` follows the plan. */
  plan?: string | number | null | undefined;
  /** The CommvaultSubclient to back up (a schedule task of its own). */
  subclient?: string | number | null | undefined;
};

/** One storage policy copy to age. */
export type DataAgingCopyInput = {
  /** The name of one of its copies. */
  copy: string;
  /** A CommvaultStoragePolicy global id. */
  storagePolicy: string | number;
};

/** What `runDdbOperation` does to a deduplication database store. */
export type DdbOperation =
  /** Start a space reclamation (defragmentation) job: level 3 of 4, blocks 40 % or more unused. */
  | 'RECLAIM_SPACE'
  /** Start a DDB reconstruction job rebuilding the store's partitions from its last DDB backup. */
  | 'RECONSTRUCT'
  /** Seal the store: new backups start a new DDB. Starts no job. */
  | 'SEAL'
  /** Start an incremental, quick DDB verification job (the store's entries, not the data). */
  | 'VERIFY';

/** The level of a CommServe disaster recovery (DR) backup. */
export type DrBackupType =
  | 'DIFFERENTIAL'
  | 'FULL';

/** Which events and alerts `Query.events` returns; every condition given must hold. */
export type EventFilter = {
  /** Only events at or after this time. */
  after?: string | null | undefined;
  /** Only events before this time. */
  before?: string | null | undefined;
  /** Only these severities; an event of unknown severity matches none. */
  severity?: Array<EventSeverity> | null | undefined;
  /** Upstream instance ids to ask. Default: every upstream you may see. */
  upstream?: Array<string | number> | null | undefined;
};

/** Severity of an event or alert of any product, on Commvault's event scale (0 information, 3 minor, 6 major, 9 critical). docs/schema.md ("Events and alerts") says how each product's own levels map here. */
export type EventSeverity =
  | 'CRITICAL'
  | 'INFORMATION'
  | 'MAJOR'
  | 'MINOR';

/** Where an event or alert stands: OPEN (not dealt with yet), ACKNOWLEDGED (Commvault), CLEARED (console). */
export type EventStatus =
  /** A Commvault event someone acknowledged. */
  | 'ACKNOWLEDGED'
  /** A console event that was cleared. */
  | 'CLEARED'
  /** Not acknowledged or cleared yet. */
  | 'OPEN';

/** An extended retention rule to set. */
export type ExtendedRetentionInput = {
  /** Days to keep them, more than the basic days. Give this or `indefinite: true`. */
  days?: number | null | undefined;
  /** Which fulls to keep (not OTHER). */
  fulls: RetainedFulls;
  indefinite?: boolean | null | undefined;
};

/** What the stored history says of when a storage target fills (docs/history.md "Capacity forecast"). */
export type ForecastKind =
  /** The fitted line meets the capacity: `daysUntilFull` and `fullAt` say when. */
  | 'FULL_IN'
  /** Flat or shrinking, or full only beyond the horizon (default five years). */
  | 'NOT_GROWING'
  /** Fewer samples than the minimum (default 5), or spanning less than a day. */
  | 'TOO_LITTLE_HISTORY';

/** What a `HealthCheck` looks at (docs/schema.md "healthReport" gives each formula). */
export type HealthArea =
  /** Storage targets below the free-space thresholds. Figure: the least free share, percent. */
  | 'CAPACITY'
  /** Whether the upstream answered the report's reads. Figure: reads that failed. */
  | 'CONNECTIVITY'
  /** Commvault deduplication stores: Q&I time, offline partitions, free space. Figure: the slowest average Q&I, µs. */
  | 'DDB'
  /** Jobs started in the last 24 hours that FAILED or were KILLED. Figure: how many. */
  | 'FAILED_JOBS'
  /** Commvault MediaAgents, or a console's appliances, offline. Figure: how many are offline. */
  | 'MEDIA_AGENTS';

/** What a CommServe health condition is about (`anomalyType` of `GET /V4/AnomalousConditions`; OTHER for a value not known, see `typeText`). */
export type HealthConditionType =
  | 'ANOMALOUS_EVENT'
  | 'ANOMALOUS_RUNTIME'
  | 'HIGH_CPU_USAGE'
  | 'HIGH_MEMORY_USAGE'
  | 'OFFLINE_CLIENT'
  | 'OTHER';

/** What `controlJobs` does to each job. Consoles can only cancel (KILL); the other actions on a console job are NOT_SUPPORTED. */
export type JobAction =
  /** End an active job (status KILLED); on a console, cancel it. */
  | 'KILL'
  /** Suspend a running job (Commvault). */
  | 'PAUSE'
  /** Start the finished job again as a new job (`resubmittedJob`; Commvault). */
  | 'RESUBMIT'
  /** Continue a suspended job (Commvault). */
  | 'RESUME';

/** Running-or-queued versus finished jobs; the cheapest job filter (served by the upstream). */
export type JobCategory =
  | 'ACTIVE'
  | 'ALL'
  | 'FINISHED';

/** Which jobs `Query.jobs` returns; every condition given must hold. */
export type JobFilter = {
  /** Active or finished jobs only. Default ALL. */
  category?: JobCategory | null | undefined;
  /** A CommvaultClient global id. */
  client?: string | number | null | undefined;
  /** Product job types, e.g. `Backup`, `Restore`. Default: all types. */
  jobType?: Array<string> | null | undefined;
  /** Only jobs started at or after this time. */
  startedAfter?: string | null | undefined;
  /** Only jobs started before this time. */
  startedBefore?: string | null | undefined;
  status?: Array<JobStatus> | null | undefined;
  /** Upstream instance ids to ask. Default: every upstream you may see. */
  upstream?: Array<string | number> | null | undefined;
};

/** Normalised job state across products. */
export type JobStatus =
  | 'COMPLETED'
  /** Finished, with errors or warnings on some items. */
  | 'COMPLETED_WITH_ERRORS'
  | 'FAILED'
  | 'KILLED'
  /** Transitional or unknown states (e.g. kill pending); see the product-specific status text. */
  | 'OTHER'
  | 'PENDING'
  | 'RUNNING'
  | 'SUSPENDED'
  /** Waiting for resources; includes queued jobs. */
  | 'WAITING';

/** A CommServe licence's mode (`licenseMode` of `GET /V4/License`). */
export type LicenceMode =
  | 'DR_PRODUCTION'
  | 'EVALUATION'
  | 'OTHER'
  | 'PRODUCTION';

/** A MediaAgent's state as V4 reports it (UNKNOWN for a value not known). */
export type MediaAgentStatus =
  | 'MAINTENANCE'
  | 'OFFLINE'
  | 'ONLINE'
  | 'UNKNOWN';

/** Mount a console image (backup) on a host. */
export type MountBackupInput = {
  /** A BackupDrBackup global id. */
  backup: string | number;
  /** A BackupDrHost global id on the same console. */
  host: string | number;
  /** Send the same key again (same caller, within 24 h, same input) to get the first outcome back without a second upstream call; the same key with another input is BAD_USER_INPUT. */
  idempotencyKey?: string | null | undefined;
  /** The mount's label; default: a unique label the gateway makes. The mount job is found by it. */
  label?: string | null | undefined;
  /** Power the mounted VM on. */
  powerOnVm?: boolean | null | undefined;
};

/** What `runPlanJobOperation` does to jobs of one plan backup destination (storage policy copy). */
export type PlanJobOperationType =
  /** Copy the jobs again after DISALLOW_COPY. */
  | 'ALLOW_COPY'
  /** Delete the jobs from the copy. Needs `confirm: true`. */
  | 'DELETE'
  /** Do not copy these jobs to this copy. */
  | 'DISALLOW_COPY'
  /** Do not copy these jobs to this copy or the copies fed by it. */
  | 'DISALLOW_COPY_ALL'
  /** Drop a manual retention: the jobs age by the copy's rules again. Needs `confirm: true`. */
  | 'DO_NOT_RETAIN'
  /** Keep the jobs until `retainUntil` (or with no end date when it is absent). */
  | 'RETAIN';

/** Why a workload has no successful backup in the window. */
export type ProtectionGap =
  /** Backups ran and at least one failed or was killed; none succeeded. Look at the job errors. */
  | 'BACKUPS_FAILING'
  /** No backup failed or succeeded: none ran (or one is still running). Look at schedule, plan and client. */
  | 'NO_BACKUPS';

/** Which Commvault replication monitor a pair comes from. */
export type ReplicationKind =
  /** Continuous (block-level) replication: `GET /Replications/Monitors/continuous`. */
  | 'CONTINUOUS'
  /** Periodic (Live Sync) replication from backups: `GET /Replications/Monitors/streaming`. */
  | 'PERIODIC';

/** Which full backups an extended retention rule keeps: the first full of each hour, day, week, month, quarter, half year or year, or every full. */
export type RetainedFulls =
  | 'ALL_FULLS'
  | 'DAILY_FULLS'
  | 'HALF_YEARLY_FULLS'
  | 'HOURLY_FULLS'
  | 'MONTHLY_FULLS'
  /** A rule the graph does not model (advanced, grace or manual rules): shown, never written. */
  | 'OTHER'
  | 'QUARTERLY_FULLS'
  | 'WEEKLY_FULLS'
  | 'YEARLY_FULLS';

/** A retention change; a field left out keeps its value. */
export type RetentionInput = {
  /** Basic retention, cycles: storage policy copies only. */
  cycles?: number | null | undefined;
  dataAgingEnabled?: boolean | null | undefined;
  /** Basic retention, days (1 to 3650). */
  days?: number | null | undefined;
  /** Replaces every extended rule: 0 to 3 rules, each fulls kind once; [] removes them. */
  extended?: Array<ExtendedRetentionInput> | null | undefined;
  /** true: keep jobs with no end (instead of `days`). */
  indefinite?: boolean | null | undefined;
  /** Job-based retention, jobs kept (0 ends it): storage policy copies only. */
  jobs?: number | null | undefined;
};

/** Health of a monitored object. Storage: < 10 % free CRITICAL, < 20 % WARNING. DDB: average Q&I time > 2000 µs CRITICAL, > 1000 µs WARNING. */
export type Severity =
  | 'CRITICAL'
  | 'OK'
  | 'WARNING';

/** A change to a schedule; a field left out keeps its value, a pattern replaces the whole pattern. */
export type UpdateCommvaultScheduleInput = {
  backupLevel?: BackupLevel | null | undefined;
  name?: string | null | undefined;
  pattern?: CommvaultSchedulePatternInput | null | undefined;
};

/** Switch an SLA's schedules and expirations on or off. Only the fields given are sent (the console's PUT is incremental); an explicit null is refused. */
export type UpdateSlaInput = {
  /** Stop (true) or restart (false) its dedup-async copies. */
  dedupAsyncOff?: boolean | null | undefined;
  description?: string | null | undefined;
  /** Stop (true) or restart (false) expiring its images. */
  expirationOff?: boolean | null | undefined;
  /** Send the same key again (same caller, within 24 h, same input) to get the first outcome back without a second upstream call; the same key with another input is BAD_USER_INPUT. */
  idempotencyKey?: string | null | undefined;
  /** Stop (true) or restart (false) expiring its logs. */
  logExpirationOff?: boolean | null | undefined;
  /** Stop (true) or restart (false) its scheduled jobs; a logical group's SLA switches its members too. */
  scheduleOff?: boolean | null | undefined;
  /** A BackupDrSla global id. */
  sla: string | number;
};

/** The product behind an upstream instance. */
export type UpstreamKind =
  /** A Google Cloud Backup and DR management console. */
  | 'BACKUPDR'
  /** A Commvault CommServe (on-premises). */
  | 'COMMVAULT'
  /** A Commvault Cloud tenant (same API, strict rate limits). */
  | 'COMMVAULT_CLOUD';

/** A Commvault VM's protection status (`vmStatus` of `GET /VM`). */
export type VirtualMachineProtection =
  /** Its last backup completed with errors (vmStatus 4); still a recovery point. */
  | 'BACKED_UP_WITH_ERROR'
  /** Discovered on the hypervisor, not yet in a VM group (vmStatus 5). */
  | 'DISCOVERED'
  /** In no VM group that backs it up, or never backed up (vmStatus 2). */
  | 'NOT_PROTECTED'
  /** Its first backup is pending (vmStatus 3). */
  | 'PENDING'
  /** Backed up (vmStatus 1). */
  | 'PROTECTED';

/** Where an out-of-place restore creates the VM (VMware: the destination form the CommServe documents). */
export type VirtualMachineRestoreDestinationInput = {
  /** The datastore for its disks. */
  dataStore: string;
  /** The ESX host to create it on. */
  esxHost: string;
  /** The restored VM's name. */
  newName: string;
  /** The resource pool; default: the host's. */
  resourcePool?: string | null | undefined;
};

export type BackupApplicationMutationVariables = Exact<{
  input: BackupApplicationInput;
}>;


export type BackupApplicationMutation = { backupApplication: { jobFound: boolean, label: string, job: { id: string, consoleId: string, jobName: string | null, jobType: string | null, status: JobStatus, statusText: string | null, progress: number | null, policyName: string | null, startedAt: string | null } | null } };

export type BackupBackupsetMutationVariables = Exact<{
  backupset: string | number;
  level: BackupLevel;
  idempotencyKey?: string | null | undefined;
}>;


export type BackupBackupsetMutation = { backupBackupset: { backupset: string, jobIds: Array<number>, complete: boolean, subclients: Array<{ subclient: { id: string, name: string }, jobs: Array<{ id: string, jobId: number, status: JobStatus, backupLevel: string | null }>, error: { code: string, message: string } | null }> } };

export type BackupDdbMutationVariables = Exact<{
  store: string | number;
  idempotencyKey?: string | null | undefined;
}>;


export type BackupDdbMutation = { backupDdb: { store: { id: string, name: string }, subclients: Array<{ id: string, name: string, clientName: string | null }>, jobs: Array<{ id: string, jobId: number, status: JobStatus, startedAt: string | null }> } };

export type BackupSubclientMutationVariables = Exact<{
  subclient: string | number;
  level: BackupLevel;
  idempotencyKey?: string | null | undefined;
}>;


export type BackupSubclientMutation = { backupSubclient: { jobs: Array<{ id: string, jobId: number, status: JobStatus, backupLevel: string | null, percentComplete: number | null, phase: string | null, startedAt: string | null, subclient: { id: string, name: string } | null }> } };

export type BackupVirtualMachineMutationVariables = Exact<{
  input: BackupVirtualMachineInput;
}>;


export type BackupVirtualMachineMutation = { backupVirtualMachine: { jobs: Array<{ id: string, jobId: number, status: JobStatus, backupLevel: string | null, startedAt: string | null }> } };

export type BrowseDeletedFilesQueryVariables = Exact<{
  upstream: string | number;
  subclientId: number;
  path?: string | null | undefined;
  fromTime?: string | null | undefined;
  toTime?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type BrowseDeletedFilesQuery = { commvaultSubclient: { id: string, browse: { totalCount: number | null, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { path: string, name: string, isDirectory: boolean, isDeleted: boolean, sizeBytes: number | null, modifiedAt: string | null, backedUpAt: string | null } }> } } | null };

export type BrowseSubclientQueryVariables = Exact<{
  upstream: string | number;
  subclientId: number;
  path?: string | null | undefined;
  pointInTime?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type BrowseSubclientQuery = { commvaultSubclient: { id: string, name: string, browse: { totalCount: number | null, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { path: string, name: string, isDirectory: boolean, sizeBytes: number | null, modifiedAt: string | null, backedUpAt: string | null } }> } } | null };

export type CommServeHealthQueryVariables = Exact<{
  sinceHours?: number | null | undefined;
}>;


export type CommServeHealthQuery = { upstreams: Array<{ id: string, kind: UpstreamKind, commServe: { commCellId: number, name: string, hostName: string | null, version: string | null, servicePack: number | null, release: string | null, timeZone: string | null, licence: { edition: string | null, mode: LicenceMode | null, serialNumber: string | null, expiresAt: string | null } | null, registration: { oemName: string | null, registrationCode: string | null }, healthConditions: Array<{ at: string | null, type: HealthConditionType, typeText: string | null, description: string | null, clientName: string | null }>, activityControl: Array<{ activity: Activity, code: number, enabled: boolean, reEnableAt: string | null }>, disasterRecoveryBackup: { metadataFolder: string | null, copiesKept: number | null, storagePolicyName: string | null, lastJob: { id: string, jobId: number, status: JobStatus, startedAt: string | null, endedAt: string | null } | null } } | null }>, commvaultMediaAgents: Array<{ id: string, name: string, online: boolean, status: MediaAgentStatus | null, offlineReason: string | null, maintenanceMode: boolean | null, indexCachePath: string | null, upstream: { id: string } }>, commvaultDdbStores: Array<{ id: string, name: string, severity: Severity | null, sealedAt: string | null, partitions: Array<{ subStoreId: number, path: string | null, mediaAgentName: string | null, online: boolean | null, freeBytes: number | null, avgQiMicros: number | null, primaryEntries: number | null, offlineReason: string | null, lastBackupAt: string | null, severity: Severity | null }> | null, upstream: { id: string } }> };

export type CommvaultCapacityReportQueryVariables = Exact<{
  upstream?: string | number | null | undefined;
  since?: string | null | undefined;
  until?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  search?: string | null | undefined;
}>;


export type CommvaultCapacityReportQuery = { commvaultCapacityReport: { totalCount: number | null, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { clientId: number, name: string, protectedBytes: number, applicationBytes: number, mediaBytes: number, dedupeRatio: number | null, savingsPercent: number | null, successfulBackupCount: number, storagePools: Array<{ name: string }>, upstream: { id: string } } }> }, commvaultJobSummaryReport: Array<{ since: string, until: string, total: number, successCount: number, failedCount: number, activeCount: number, backupCount: number, dataProtectedBytes: number, dataWrittenBytes: number, averageDurationSeconds: number | null, averageBackupDurationSeconds: number | null, upstream: { id: string } }> };

export type CommvaultClientsQueryVariables = Exact<{
  upstream?: string | number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  search?: string | null | undefined;
}>;


export type CommvaultClientsQuery = { commvaultClients: { totalCount: number | null, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, clientId: number, name: string, hostName: string | null } }> } };

export type CommvaultPlanAgingQueryVariables = Exact<{
  plan: string | number;
}>;


export type CommvaultPlanAgingQuery = { node:
    | { name: string, backupDestinations: Array<{ id: string, name: string, retention: { days: number | null, extended: Array<{ fulls: RetainedFulls, days: number | null, indefinite: boolean }> }, agingSummary: { heldJobCount: number, eligibleApplicationBytes: number, eligibleDataWrittenBytes: number, eligibleJobs: Array<{ jobId: number, jobType: string | null, endedAt: string | null, dataWrittenBytes: number | null, subclient: { name: string } | null }> } }> | null }
    | Record<PropertyKey, never>
   | null };

export type CommvaultPlanPageQueryVariables = Exact<{
  plan: string | number;
}>;


export type CommvaultPlanPageQuery = { node:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { planId: number, name: string, rpoMinutes: number | null, status: string | null, id: string, storagePolicy: { id: string, storagePolicyId: number, name: string } | null, protectedEntities: Array<{ name: string, count: number }> | null, backupWindows: Array<{ daysOfWeek: Array<string>, startSeconds: number | null, endSeconds: number | null }> | null, fullBackupWindows: Array<{ daysOfWeek: Array<string>, startSeconds: number | null, endSeconds: number | null }> | null, rpoSchedules: Array<{ scheduleId: number | null, name: string | null, backupType: string | null, frequencyType: string | null, frequency: number | null, weeklyDays: Array<string>, startSeconds: number | null, timeZone: string | null, exceptDaysOfMonth: Array<number> }> | null, backupDestinations: Array<{ id: string, copyId: number, name: string, isDefault: boolean | null, isSnapCopy: boolean | null, isMirrorCopy: boolean | null, copyPrecedence: number | null, storageType: string | null, worm: boolean | null, storagePool: { id: number, name: string } | null, region: { id: number, name: string } | null, retention: { days: number | null, cycles: number | null, indefinite: boolean, jobBased: boolean, jobs: number | null, dataAgingEnabled: boolean | null, snapRecoveryPoints: number | null, extended: Array<{ rank: number, fulls: RetainedFulls, days: number | null, indefinite: boolean }> } }> | null }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };

export type ConsoleAppliancesQueryVariables = Exact<{
  upstream: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ConsoleAppliancesQuery = { backupDr: { applianceSummary: { total: number, reachable: number, unreachable: number, unreachableAppliances: Array<{ id: string, name: string | null }> } | null, appliances: { totalCount: number | null, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, consoleId: string, applianceId: string | null, name: string | null, version: string | null, status: string | null, reachable: boolean | null, stale: boolean | null, lastSyncAt: string | null, vdiskCount: number | null, vdiskLimit: number | null, vdiskColor: string | null, localSnapshotColor: string | null, localDedupColor: string | null, remoteProtectionColor: string | null, diskUse: { poolCount: number, capacityBytes: number | null, usedBytes: number | null, freePercent: number | null, unboundedUsedBytes: number | null } } }> } | null } | null };

export type ConsoleAuditLogQueryVariables = Exact<{
  upstream: string | number;
  since?: string | null | undefined;
  userName?: string | null | undefined;
  keyword?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ConsoleAuditLogQuery = { backupDr: { auditRecords: { totalCount: number | null, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, issuedAt: string | null, userName: string | null, command: string | null, component: string | null, status: number | null, privileged: boolean | null, ipAddress: string | null } }> } | null } | null };

export type ConsoleGroupsQueryVariables = Exact<{
  upstream: string | number;
  first?: number | null | undefined;
  members?: number | null | undefined;
}>;


export type ConsoleGroupsQuery = { backupDr: { logicalGroups: { totalCount: number | null, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string | null, memberCount: number | null, sla: { id: string } | null, members: { totalCount: number | null, edges: Array<{ node: { id: string, appName: string | null, appType: string | null } }> } | null } }> } | null, consistencyGroups: { totalCount: number | null, edges: Array<{ node: { id: string, groupName: string | null, memberCount: number | null, host: { id: string, hostName: string | null } | null, members: { totalCount: number | null, edges: Array<{ node: { id: string, appName: string | null, appType: string | null } }> } | null } }> } | null } | null };

export type ConsoleJobsQueryVariables = Exact<{
  upstream: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  since?: string | null | undefined;
}>;


export type ConsoleJobsQuery = { backupDr: { upstream: { id: string, kind: UpstreamKind }, jobs: { totalCount: number | null, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, consoleId: string, jobName: string | null, jobType: string | null, status: JobStatus, statusText: string | null, message: string | null, errorCode: string | null, startedAt: string | null, endedAt: string | null, application: { id: string, appName: string | null, appType: string | null, host: { id: string, hostName: string | null } | null, sla: { id: string, scheduleOff: boolean | null } | null } | null } }> } | null } | null };

export type ControlJobsMutationVariables = Exact<{
  jobs: Array<string | number> | string | number;
  action: JobAction;
  idempotencyKey?: string | null | undefined;
}>;


export type ControlJobsMutation = { controlJobs: { results: Array<{ jobId: string, ok: boolean, job:
        | { id: string, status: JobStatus }
        | { jobId: number, statusText: string | null, percentComplete: number | null, id: string, status: JobStatus }
       | null, resubmittedJob:
        | { id: string, status: JobStatus }
        | { jobId: number, id: string, status: JobStatus }
       | null, error: { code: string, message: string } | null }> } };

export type CreateScheduleMutationVariables = Exact<{
  input: CreateCommvaultScheduleInput;
  idempotencyKey?: string | null | undefined;
}>;


export type CreateScheduleMutation = { createCommvaultSchedule: { id: string | null, taskId: number, scheduleId: number | null, schedule: { name: string | null, backupLevel: string | null, enabled: boolean, frequency: CommvaultScheduleFrequency, description: string, timeZone: string, nextRuns: Array<{ at: string, local: string }> } | null } };

export type DashboardAlertsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type DashboardAlertsQuery = { alerts: { totalCount: number | null, edges: Array<{ node: { id: string, rule: string, severity: Severity, state: AlertState, message: string, raisedAt: string, upstream: { id: string } } }> } };

export type DashboardCapacityQueryVariables = Exact<{
  upstream?: string | number | null | undefined;
}>;


export type DashboardCapacityQuery = { storagePools: Array<
    | { id: string, name: string, capacityBytes: number | null, freeBytes: number | null, freePercent: number | null, severity: Severity | null, upstream: { id: string } }
    | { id: string, name: string, capacityBytes: number | null, freeBytes: number | null, freePercent: number | null, severity: Severity | null, upstream: { id: string } }
  > };

export type DashboardEstateQueryVariables = Exact<{
  since?: string | null | undefined;
  until?: string | null | undefined;
  days?: number | null | undefined;
}>;


export type DashboardEstateQuery = { upstreams: Array<{ id: string, kind: UpstreamKind }>, jobStatusSummary: { since: string, until: string, total: number, activeCount: number, successCount: number, failedCount: number, successPercent: number | null }, unprotectedWorkloads: Array<{ gap: ProtectionGap, failedBackupCount: number, lastSuccessfulBackupAt: string | null, lastJobStatus: JobStatus | null, workload:
      | { id: string, name: string, upstream: { id: string } }
      | { id: string, name: string, upstream: { id: string } }
      | { id: string, name: string, upstream: { id: string } }
      | { id: string, name: string, upstream: { id: string } }
     }> };

export type DashboardHealthQueryVariables = Exact<{
  until?: string | null | undefined;
}>;


export type DashboardHealthQuery = { healthReport: { status: Severity, since: string, until: string, checks: Array<{ area: HealthArea, status: Severity, figure: number | null, message: string, upstream: { id: string } }> } };

export type DashboardJobsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: JobFilter | null | undefined;
}>;


export type DashboardJobsQuery = { jobs: { totalCount: number | null, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node:
        | { id: string, status: JobStatus, jobType: string | null, startedAt: string | null, endedAt: string | null, sizeBytes: number | null, upstream: { id: string, kind: UpstreamKind } }
        | { jobId: number, backupLevel: string | null, percentComplete: number | null, id: string, status: JobStatus, jobType: string | null, startedAt: string | null, endedAt: string | null, sizeBytes: number | null, client: { id: string, name: string, hostName: string | null } | null, subclient: { id: string, name: string } | null, plan: { id: string, name: string } | null, storagePolicy: { id: string, name: string } | null, upstream: { id: string, kind: UpstreamKind } }
       }> } };

export type DashboardTrendsQueryVariables = Exact<{
  since: string;
}>;


export type DashboardTrendsQuery = { storagePools: Array<
    | { id: string, name: string, upstream: { id: string }, history: Array<{ at: string, usedBytes: number | null, capacityBytes: number | null }>, forecast: { kind: ForecastKind, daysUntilFull: number | null, samples: number } }
    | { id: string, name: string, upstream: { id: string }, history: Array<{ at: string, usedBytes: number | null, capacityBytes: number | null }>, forecast: { kind: ForecastKind, daysUntilFull: number | null, samples: number } }
  > };

export type DashboardUpstreamOutcomesQueryVariables = Exact<{
  upstream: string | number;
  since?: string | null | undefined;
  until?: string | null | undefined;
}>;


export type DashboardUpstreamOutcomesQuery = { jobStatusSummary: { total: number, activeCount: number, successCount: number, failedCount: number, successPercent: number | null, upstreams: Array<{ id: string }> } };

export type DeleteScheduleMutationVariables = Exact<{
  id: string | number;
  idempotencyKey?: string | null | undefined;
}>;


export type DeleteScheduleMutation = { deleteCommvaultSchedule: { id: string, taskId: number, scheduleId: number } };

export type DisableActivityMutationVariables = Exact<{
  upstream?: string | number | null | undefined;
  activity: Activity;
  idempotencyKey?: string | null | undefined;
}>;


export type DisableActivityMutation = { disableActivity: { activity: { activity: Activity, code: number, enabled: boolean, reEnableAt: string | null } | null } };

export type EnableActivityMutationVariables = Exact<{
  upstream?: string | number | null | undefined;
  activity: Activity;
  idempotencyKey?: string | null | undefined;
}>;


export type EnableActivityMutation = { enableActivity: { activity: { activity: Activity, code: number, enabled: boolean, reEnableAt: string | null } | null } };

export type EstateHealthQueryVariables = Exact<{
  upstream?: string | number | null | undefined;
  since?: string | null | undefined;
  until?: string | null | undefined;
  days?: number | null | undefined;
}>;


export type EstateHealthQuery = { jobStatusSummary: { since: string, until: string, total: number, activeCount: number, successCount: number, failedCount: number, successPercent: number | null, protectedBytes: number, byStatus: Array<{ status: JobStatus, count: number }>, byType: Array<{ jobType: string | null, total: number, failedCount: number, successPercent: number | null }>, upstreams: Array<{ id: string, kind: UpstreamKind }> }, unprotectedWorkloads: Array<{ gap: ProtectionGap, failedBackupCount: number, lastSuccessfulBackupAt: string | null, lastJobStatus: JobStatus | null, workload:
      | { id: string, name: string, upstream: { id: string } }
      | { clientId: number, hostName: string | null, id: string, name: string, upstream: { id: string } }
      | { id: string, name: string, upstream: { id: string } }
      | { id: string, name: string, upstream: { id: string } }
     }>, capacityAlerts: Array<
    | { id: string, name: string, severity: Severity | null, freePercent: number | null, freeBytes: number | null, capacityBytes: number | null, upstream: { id: string } }
    | { id: string, name: string, severity: Severity | null, freePercent: number | null, freeBytes: number | null, capacityBytes: number | null, upstream: { id: string } }
  >, ddbAlerts: Array<{ id: string, name: string, severity: Severity | null, avgQiMicros: number | null, freeBytes: number | null, upstream: { id: string } }> };

export type EstateHealthPageQueryVariables = Exact<{
  upstream?: string | number | null | undefined;
  until?: string | null | undefined;
  failures?: number | null | undefined;
}>;


export type EstateHealthPageQuery = { healthReport: { status: Severity, since: string, until: string, checks: Array<{ area: HealthArea, status: Severity, figure: number | null, message: string, upstream: { id: string, kind: UpstreamKind } }> }, jobStatusSummary: { since: string, until: string, total: number, failedCount: number, successPercent: number | null, byUpstream: Array<{ total: number, activeCount: number, successCount: number, failedCount: number, successPercent: number | null, upstream: { id: string } }>, failures: Array<
      | { id: string, status: JobStatus, jobType: string | null, startedAt: string | null, upstream: { id: string } }
      | { id: string, status: JobStatus, jobType: string | null, startedAt: string | null, upstream: { id: string } }
    > }, capacityAlerts: Array<
    | { id: string, name: string, severity: Severity | null, freePercent: number | null, upstream: { id: string } }
    | { id: string, name: string, severity: Severity | null, freePercent: number | null, upstream: { id: string } }
  > };

export type JobDetailQueryVariables = Exact<{
  upstream: string | number;
  jobId: number;
}>;


export type JobDetailQuery = { commvaultJob: { id: string, jobId: number, status: JobStatus, statusText: string | null, startedAt: string | null, endedAt: string | null, detail: { state: string | null, phase: string | null, attempts: number | null, failureReason: string | null, errorCode: string | null, delayReason: string | null, throughputGBPerHour: number | null, transferSeconds: number | null, filesCount: number | null, filesTransferred: number | null, skippedItems: number | null, applicationBytes: number | null, transferredBytes: number | null, writtenBytes: number | null, savingsPercent: number | null, startedBy: string | null, startedFrom: string | null, clientName: string | null, agentName: string | null, instanceName: string | null, backupsetName: string | null, subclientName: string | null, planName: string | null, virtualMachines: Array<{ name: string, uuid: string | null, statusCode: number | null, failureReason: string | null, sizeBytes: number | null }> } | null } | null };

export type JobProgressSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type JobProgressSubscription = { jobProgress:
    | { progress: number | null, id: string, status: JobStatus, startedAt: string | null, endedAt: string | null, upstream: { id: string } }
    | { jobId: number, percentComplete: number | null, phase: string | null, id: string, status: JobStatus, startedAt: string | null, endedAt: string | null, upstream: { id: string } }
   };

export type MountBackupMutationVariables = Exact<{
  input: MountBackupInput;
}>;


export type MountBackupMutation = { mountBackup: { jobFound: boolean, label: string, job: { id: string, consoleId: string, jobName: string | null, status: JobStatus, targetHost: string | null } | null, backup: { id: string, backupName: string | null, consistencyDate: string | null } | null } };

export type ProtectionSummaryQueryVariables = Exact<{
  upstream?: string | number | null | undefined;
  days?: number | null | undefined;
  staleAfterDays?: number | null | undefined;
}>;


export type ProtectionSummaryQuery = { protectionSummary: { totalCount: number, protectedCount: number, staleCount: number, unprotectedCount: number, protectedPercent: number | null, stale: Array<{ lastSuccessfulBackupAt: string, workload:
        | { id: string, name: string, hostName: string | null, upstream: { id: string } }
        | { id: string, name: string, hostName: string | null, upstream: { id: string } }
        | { id: string, name: string, hostName: string | null, upstream: { id: string } }
        | { id: string, name: string, hostName: string | null, upstream: { id: string } }
       }>, unprotected: Array<{ gap: ProtectionGap, failedBackupCount: number, workload:
        | { id: string, name: string, hostName: string | null, upstream: { id: string } }
        | { id: string, name: string, hostName: string | null, upstream: { id: string } }
        | { id: string, name: string, hostName: string | null, upstream: { id: string } }
        | { id: string, name: string, hostName: string | null, upstream: { id: string } }
       }> } };

export type RecentEventsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: EventFilter | null | undefined;
}>;


export type RecentEventsQuery = { events: { totalCount: number | null, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node:
        | { __typename: 'BackupDrEvent', appName: string | null, errorCode: string | null, id: string, occurredAt: string | null, severity: EventSeverity | null, status: EventStatus | null, message: string | null, upstream: { id: string, kind: UpstreamKind } }
        | { __typename: 'CommvaultEvent', subsystem: string | null, clientName: string | null, id: string, occurredAt: string | null, severity: EventSeverity, status: EventStatus | null, message: string | null, upstream: { id: string, kind: UpstreamKind } }
        | { __typename: 'CommvaultTriggeredAlert', criterion: string | null, severityText: string | null, id: string, occurredAt: string | null, severity: EventSeverity | null, status: EventStatus | null, message: string | null, upstream: { id: string, kind: UpstreamKind } }
       }> } };

export type ReplicationPageQueryVariables = Exact<{
  upstream?: string | number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  status?: Array<string> | string | null | undefined;
  kind?: ReplicationKind | null | undefined;
}>;


export type ReplicationPageQuery = { commvaultReplicationGroups: { totalCount: number | null, edges: Array<{ node: { id: string, name: string, replicationType: string | null, state: string | null, sourceName: string | null, destinationName: string | null, upstream: { id: string } } }> }, commvaultReplicationPairs: { totalCount: number | null, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, kind: ReplicationKind, groupName: string | null, destinationName: string | null, destinationHypervisorName: string | null, status: string | null, failoverStatus: string | null, lastReplicationAt: string | null, syncedTill: string | null, lagSeconds: number | null, upstream: { id: string } } }> } };

export type RestoreFilesMutationVariables = Exact<{
  subclient: string | number;
  paths: Array<string> | string;
  pointInTime?: string | null | undefined;
  inPlace?: boolean | null | undefined;
  destinationClient?: string | number | null | undefined;
  destinationPath?: string | null | undefined;
  overwrite?: boolean | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type RestoreFilesMutation = { restoreFiles: { jobs: Array<{ id: string, jobId: number, jobType: string | null, status: JobStatus, percentComplete: number | null, phase: string | null, startedAt: string | null, destinationClientName: string | null, subclient: { id: string, name: string } | null }> } };

export type RestoreVirtualMachineMutationVariables = Exact<{
  virtualMachine: string | number;
  inPlace?: boolean | null | undefined;
  destination?: VirtualMachineRestoreDestinationInput | null | undefined;
  powerOn?: boolean | null | undefined;
  backupJobId?: number | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type RestoreVirtualMachineMutation = { restoreVirtualMachine: { jobs: Array<{ id: string, jobId: number, jobType: string | null, status: JobStatus, percentComplete: number | null, destinationClientName: string | null, subclient: { id: string, name: string } | null }> } };

export type RunAuxCopyMutationVariables = Exact<{
  storagePolicy: string | number;
  copy?: string | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type RunAuxCopyMutation = { runAuxCopy: { jobs: Array<{ id: string, jobId: number, jobType: string | null, status: JobStatus, percentComplete: number | null, phase: string | null, startedAt: string | null, storagePolicy: { id: string, name: string } | null }> } };

export type RunDataAgingMutationVariables = Exact<{
  upstream?: string | number | null | undefined;
  copies?: Array<DataAgingCopyInput> | DataAgingCopyInput | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type RunDataAgingMutation = { runDataAging: { jobs: Array<{ id: string, jobId: number, jobType: string | null, status: JobStatus, percentComplete: number | null, phase: string | null, startedAt: string | null }> } };

export type RunDdbOperationMutationVariables = Exact<{
  store: string | number;
  operation: DdbOperation;
  idempotencyKey?: string | null | undefined;
}>;


export type RunDdbOperationMutation = { runDdbOperation: { ok: boolean, message: string | null, job: { id: string, jobId: number, status: JobStatus, jobType: string | null, phase: string | null } | null, store: { id: string, name: string, sealedAt: string | null } | null } };

export type RunDisasterRecoveryBackupMutationVariables = Exact<{
  upstream?: string | number | null | undefined;
  type?: DrBackupType | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type RunDisasterRecoveryBackupMutation = { runDisasterRecoveryBackup: { jobs: Array<{ id: string, jobId: number, status: JobStatus, jobType: string | null, percentComplete: number | null, phase: string | null, startedAt: string | null }> } };

export type RunPlanJobOperationMutationVariables = Exact<{
  storagePolicy: string | number;
  copyId: number;
  opType: PlanJobOperationType;
  jobs: Array<string | number> | string | number;
  retainUntil?: string | null | undefined;
  loadDependentJobs?: boolean | null | undefined;
  loadArchiverJobs?: boolean | null | undefined;
  confirm?: boolean | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type RunPlanJobOperationMutation = { runPlanJobOperation: { dependentJobsExist: boolean, archiverJobsExist: boolean, jobs: Array<{ jobId: number, status: string | null, jobType: string | null, startedAt: string | null, endedAt: string | null, applicationBytes: number | null, dataWrittenBytes: number | null, retainUntil: string | null, retainedBy: CommvaultRetainedBy | null, retentionReason: string | null, dataVerificationStatus: CommvaultDataVerificationStatus | null, lastVerifiedAt: string | null, copiedAt: string | null, requiredByJobIds: Array<number>, server: { id: number, name: string } | null, subclient: { id: number, name: string } | null }>, error: { code: string, message: string } | null } };

export type SchedulePageQueryVariables = Exact<{
  upstream: string | number;
  subclientId: number;
  runs?: number | null | undefined;
}>;


export type SchedulePageQuery = { commvaultSubclient: { id: string, name: string, clientName: string | null, backupsetName: string | null, schedules: Array<{ id: string, taskId: number, taskName: string | null, scheduleId: number, name: string | null, kind: CommvaultScheduleKind, backupLevel: string | null, enabled: boolean, frequency: CommvaultScheduleFrequency, description: string, timeZone: string, pattern: { freqType: number | null, freqInterval: number | null, freqRecurrenceFactor: number | null, freqRelativeInterval: number | null, freqSubdayInterval: number | null, activeStartDate: number | null, activeStartTime: number | null, activeEndDate: number | null, activeEndTime: number | null, activeEndOccurrence: number | null, timeZoneName: string | null, exceptDaysOfMonth: Array<number> }, nextRuns: Array<{ at: string, local: string }> }> | null } | null };

export type SetScheduleEnabledMutationVariables = Exact<{
  id: string | number;
  enabled: boolean;
  idempotencyKey?: string | null | undefined;
}>;


export type SetScheduleEnabledMutation = { setCommvaultScheduleEnabled: { id: string | null, schedule: { enabled: boolean } | null } };

export type StorageArraysQueryVariables = Exact<{
  upstream?: string | number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  search?: string | null | undefined;
  vendor?: string | null | undefined;
}>;


export type StorageArraysQuery = { commvaultStorageArrays: { totalCount: number | null, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, vendor: string | null, snapVendor: string | null, controlHost: string | null, description: string | null, upstream: { id: string }, accessNodes: Array<{ mediaAgentId: number, name: string, pruning: boolean | null }>, mediaAgents: Array<{ name: string, online: boolean }>, snapConfigurations: Array<{ name: string, value: string | null, enabled: boolean | null }> } }> } };

export type StorageCapacityQueryVariables = Exact<{
  upstream?: string | number | null | undefined;
}>;


export type StorageCapacityQuery = { storagePools: Array<
    | { id: string, name: string, capacityBytes: number | null, freeBytes: number | null, freePercent: number | null, severity: Severity | null }
    | { id: string, name: string, capacityBytes: number | null, freeBytes: number | null, freePercent: number | null, severity: Severity | null }
  > };

export type StorageRunoutQueryVariables = Exact<{
  upstream?: string | number | null | undefined;
}>;


export type StorageRunoutQuery = { storagePools: Array<
    | { id: string, name: string, freePercent: number | null, severity: Severity | null, estimatedRunoutDays: number | null, upstream: { id: string } }
    | { id: string, name: string, freePercent: number | null, severity: Severity | null, estimatedRunoutDays: number | null, upstream: { id: string } }
  > };

export type SubclientDetailQueryVariables = Exact<{
  upstream: string | number;
  subclientId: number;
}>;


export type SubclientDetailQuery = { commvaultSubclient: { id: string, name: string, clientName: string | null, appName: string | null, agentInstanceName: string | null, backupsetName: string | null, backupEnabled: boolean | null, contentPaths: Array<string>, filters: Array<string>, exceptions: Array<string>, streamCount: number | null, lastBackupAt: string | null, plan: { id: string, name: string } | null, storagePolicy: { id: string, name: string } | null } | null };

export type UpdateRetentionMutationVariables = Exact<{
  target: string | number;
  input: RetentionInput;
  dryRun?: boolean | null | undefined;
  confirmShorten?: boolean | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type UpdateRetentionMutation = { updateRetention: { target: string, applied: boolean, shortens: boolean, before: { days: number | null, cycles: number | null, indefinite: boolean, dataAgingEnabled: boolean | null, extended: Array<{ rank: number, fulls: RetainedFulls, days: number | null, indefinite: boolean }> }, after: { days: number | null, cycles: number | null, indefinite: boolean, dataAgingEnabled: boolean | null, extended: Array<{ rank: number, fulls: RetainedFulls, days: number | null, indefinite: boolean }> }, jobsEligibleForAging: Array<{ jobId: number, jobType: string | null, endedAt: string | null, applicationBytes: number | null, subclient: { id: number, name: string } | null }> } };

export type UpdateScheduleMutationVariables = Exact<{
  id: string | number;
  input: UpdateCommvaultScheduleInput;
  idempotencyKey?: string | null | undefined;
}>;


export type UpdateScheduleMutation = { updateCommvaultSchedule: { id: string | null, schedule: { name: string | null, backupLevel: string | null, frequency: CommvaultScheduleFrequency, description: string, nextRuns: Array<{ at: string, local: string }> } | null } };

export type UpdateSlaMutationVariables = Exact<{
  input: UpdateSlaInput;
}>;


export type UpdateSlaMutation = { updateSla: { sla: { id: string, consoleId: string, scheduleOff: boolean | null, expirationOff: boolean | null, logExpirationOff: boolean | null, dedupAsyncOff: boolean | null, modifiedAt: string | null } | null } };

export type UpdateSubclientContentMutationVariables = Exact<{
  subclient: string | number;
  operation: ContentOperation;
  content?: Array<string> | string | null | undefined;
  filters?: Array<string> | string | null | undefined;
  exceptions?: Array<string> | string | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type UpdateSubclientContentMutation = { updateSubclientContent: { operation: ContentOperation, contentPaths: Array<string>, filters: Array<string>, exceptions: Array<string>, subclient: { id: string, name: string } } };

export type VirtualMachinesPageQueryVariables = Exact<{
  upstream?: string | number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  search?: string | null | undefined;
  protection?: Array<VirtualMachineProtection> | VirtualMachineProtection | null | undefined;
}>;


export type VirtualMachinesPageQuery = { commvaultHypervisors: { totalCount: number | null, edges: Array<{ node: { id: string, name: string, vendor: string | null, version: string | null, retireStatus: string | null, vmCount: number, protectedVmCount: number, upstream: { id: string } } }> }, commvaultVirtualMachines: { totalCount: number | null, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, uuid: string | null, guestOs: string | null, hostName: string | null, protection: VirtualMachineProtection | null, lastBackupEndedAt: string | null, lastSuccessfulBackupAt: string | null, sizeBytes: number | null, vmGroupName: string | null, hypervisor: { name: string, vendor: string | null } | null, plan: { name: string } | null, upstream: { id: string } } }> } };


export const BackupApplicationDocument = {"__meta__":{"hash":"sha256:79e5e97d6ee55712e017e455e89de2cb3a17e6699d9561f192cf0e9ff769b387"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BackupApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BackupApplicationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"backupApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobFound"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"consoleId"}},{"kind":"Field","name":{"kind":"Name","value":"jobName"}},{"kind":"Field","name":{"kind":"Name","value":"jobType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusText"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"policyName"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}}]}}]}}]}}]} as unknown as DocumentNode<BackupApplicationMutation, BackupApplicationMutationVariables>;
export const BackupBackupsetDocument = {"__meta__":{"hash":"sha256:be7c04c6998e290facff18555d6682e474271ec20fa39c963305995913bd0210"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BackupBackupset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"backupset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"level"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BackupLevel"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"backupBackupset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"backupset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"backupset"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"level"},"value":{"kind":"Variable","name":{"kind":"Name","value":"level"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"backupset"}},{"kind":"Field","name":{"kind":"Name","value":"jobIds"}},{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"subclients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subclient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"jobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"backupLevel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BackupBackupsetMutation, BackupBackupsetMutationVariables>;
export const BackupDdbDocument = {"__meta__":{"hash":"sha256:874a8c5c50f185332fa892f6845d238ccc9a8a37bc82dad5d5101fa34081343b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BackupDdb"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"store"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"backupDdb"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"store"},"value":{"kind":"Variable","name":{"kind":"Name","value":"store"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"store"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subclients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"jobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}}]}}]}}]}}]} as unknown as DocumentNode<BackupDdbMutation, BackupDdbMutationVariables>;
export const BackupSubclientDocument = {"__meta__":{"hash":"sha256:c016e07984ca27015a0ce205d984d335c52ef7c8c9b57f24cca35dcf24fc372a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BackupSubclient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subclient"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"level"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BackupLevel"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"backupSubclient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"subclient"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subclient"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"level"},"value":{"kind":"Variable","name":{"kind":"Name","value":"level"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"backupLevel"}},{"kind":"Field","name":{"kind":"Name","value":"percentComplete"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"subclient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BackupSubclientMutation, BackupSubclientMutationVariables>;
export const BackupVirtualMachineDocument = {"__meta__":{"hash":"sha256:b46c98a889f6864426d8dea88a019ea86a7907278033db988c70ebb498f30ee3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BackupVirtualMachine"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BackupVirtualMachineInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"backupVirtualMachine"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"backupLevel"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}}]}}]}}]}}]} as unknown as DocumentNode<BackupVirtualMachineMutation, BackupVirtualMachineMutationVariables>;
export const BrowseDeletedFilesDocument = {"__meta__":{"hash":"sha256:65cff8c910a135465ba38d3f9d25f03623a698b09435337f6cac1b5b0a2a3208"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BrowseDeletedFiles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subclientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"path"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fromTime"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"toTime"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"commvaultSubclient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"upstream"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}}},{"kind":"Argument","name":{"kind":"Name","value":"subclientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subclientId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"browse"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"path"},"value":{"kind":"Variable","name":{"kind":"Name","value":"path"}}},{"kind":"Argument","name":{"kind":"Name","value":"fromTime"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fromTime"}}},{"kind":"Argument","name":{"kind":"Name","value":"toTime"},"value":{"kind":"Variable","name":{"kind":"Name","value":"toTime"}}},{"kind":"Argument","name":{"kind":"Name","value":"includeDeleted"},"value":{"kind":"BooleanValue","value":true}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isDirectory"}},{"kind":"Field","name":{"kind":"Name","value":"isDeleted"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"modifiedAt"}},{"kind":"Field","name":{"kind":"Name","value":"backedUpAt"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<BrowseDeletedFilesQuery, BrowseDeletedFilesQueryVariables>;
export const BrowseSubclientDocument = {"__meta__":{"hash":"sha256:caf07d7e6caa31c869d82fe68a50d0b300460e80a8132062cb5f21d65274e242"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BrowseSubclient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subclientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"path"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pointInTime"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"commvaultSubclient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"upstream"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}}},{"kind":"Argument","name":{"kind":"Name","value":"subclientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subclientId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"browse"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"path"},"value":{"kind":"Variable","name":{"kind":"Name","value":"path"}}},{"kind":"Argument","name":{"kind":"Name","value":"pointInTime"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pointInTime"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isDirectory"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"modifiedAt"}},{"kind":"Field","name":{"kind":"Name","value":"backedUpAt"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<BrowseSubclientQuery, BrowseSubclientQueryVariables>;
export const CommServeHealthDocument = {"__meta__":{"hash":"sha256:de000768f12b6742b1ee7d2793cfdfbfda5789873466e48ab67128973167a77b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CommServeHealth"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sinceHours"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"24"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upstreams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"commServe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"commCellId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"hostName"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"servicePack"}},{"kind":"Field","name":{"kind":"Name","value":"release"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"licence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edition"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"registration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"oemName"}},{"kind":"Field","name":{"kind":"Name","value":"registrationCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"healthConditions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sinceHours"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sinceHours"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"typeText"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activityControl"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activity"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"reEnableAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"disasterRecoveryBackup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metadataFolder"}},{"kind":"Field","name":{"kind":"Name","value":"copiesKept"}},{"kind":"Field","name":{"kind":"Name","value":"storagePolicyName"}},{"kind":"Field","name":{"kind":"Name","value":"lastJob"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"commvaultMediaAgents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"online"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"offlineReason"}},{"kind":"Field","name":{"kind":"Name","value":"maintenanceMode"}},{"kind":"Field","name":{"kind":"Name","value":"indexCachePath"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"commvaultDdbStores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"sealedAt"}},{"kind":"Field","name":{"kind":"Name","value":"partitions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subStoreId"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"mediaAgentName"}},{"kind":"Field","name":{"kind":"Name","value":"online"}},{"kind":"Field","name":{"kind":"Name","value":"freeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"avgQiMicros"}},{"kind":"Field","name":{"kind":"Name","value":"primaryEntries"}},{"kind":"Field","name":{"kind":"Name","value":"offlineReason"}},{"kind":"Field","name":{"kind":"Name","value":"lastBackupAt"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}}]}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<CommServeHealthQuery, CommServeHealthQueryVariables>;
export const CommvaultCapacityReportDocument = {"__meta__":{"hash":"sha256:fd0b48a4f36bb4d4407f8473dc720f61e3183a625a529e6be56a8b01157bfe82"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CommvaultCapacityReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"until"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"commvaultCapacityReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"upstream"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}}},{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"until"},"value":{"kind":"Variable","name":{"kind":"Name","value":"until"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"protectedBytes"}},{"kind":"Field","name":{"kind":"Name","value":"applicationBytes"}},{"kind":"Field","name":{"kind":"Name","value":"mediaBytes"}},{"kind":"Field","name":{"kind":"Name","value":"dedupeRatio"}},{"kind":"Field","name":{"kind":"Name","value":"savingsPercent"}},{"kind":"Field","name":{"kind":"Name","value":"successfulBackupCount"}},{"kind":"Field","name":{"kind":"Name","value":"storagePools"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"commvaultJobSummaryReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"upstream"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}}},{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"until"},"value":{"kind":"Variable","name":{"kind":"Name","value":"until"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"until"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"successCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}},{"kind":"Field","name":{"kind":"Name","value":"activeCount"}},{"kind":"Field","name":{"kind":"Name","value":"backupCount"}},{"kind":"Field","name":{"kind":"Name","value":"dataProtectedBytes"}},{"kind":"Field","name":{"kind":"Name","value":"dataWrittenBytes"}},{"kind":"Field","name":{"kind":"Name","value":"averageDurationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"averageBackupDurationSeconds"}}]}}]}}]} as unknown as DocumentNode<CommvaultCapacityReportQuery, CommvaultCapacityReportQueryVariables>;
export const CommvaultClientsDocument = {"__meta__":{"hash":"sha256:55343f60f052f764296c4d8b2c33e5a354113b3598977003f1fc1eb106b3aea9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CommvaultClients"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"commvaultClients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"upstream"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"hostName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CommvaultClientsQuery, CommvaultClientsQueryVariables>;
export const CommvaultPlanAgingDocument = {"__meta__":{"hash":"sha256:42cc3b4d00f8e541e0a660df3ec2b669b94a92d273df0ef85fb1fbb8e08dc33f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CommvaultPlanAging"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"plan"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"plan"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CommvaultPlan"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"backupDestinations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"retention"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"extended"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fulls"}},{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"indefinite"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"agingSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"heldJobCount"}},{"kind":"Field","name":{"kind":"Name","value":"eligibleApplicationBytes"}},{"kind":"Field","name":{"kind":"Name","value":"eligibleDataWrittenBytes"}},{"kind":"Field","name":{"kind":"Name","value":"eligibleJobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"jobType"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dataWrittenBytes"}},{"kind":"Field","name":{"kind":"Name","value":"subclient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CommvaultPlanAgingQuery, CommvaultPlanAgingQueryVariables>;
export const CommvaultPlanPageDocument = {"__meta__":{"hash":"sha256:8e305310dd7d85b7913e91b626ee776ee3118a3f6e2d019068408dbd9ad304e6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CommvaultPlanPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"plan"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"plan"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CommvaultPlan"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"rpoMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"storagePolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"storagePolicyId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"protectedEntities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"backupWindows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"daysOfWeek"}},{"kind":"Field","name":{"kind":"Name","value":"startSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"endSeconds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fullBackupWindows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"daysOfWeek"}},{"kind":"Field","name":{"kind":"Name","value":"startSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"endSeconds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rpoSchedules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scheduleId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"backupType"}},{"kind":"Field","name":{"kind":"Name","value":"frequencyType"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"weeklyDays"}},{"kind":"Field","name":{"kind":"Name","value":"startSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"exceptDaysOfMonth"}}]}},{"kind":"Field","name":{"kind":"Name","value":"backupDestinations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"copyId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"isSnapCopy"}},{"kind":"Field","name":{"kind":"Name","value":"isMirrorCopy"}},{"kind":"Field","name":{"kind":"Name","value":"copyPrecedence"}},{"kind":"Field","name":{"kind":"Name","value":"storageType"}},{"kind":"Field","name":{"kind":"Name","value":"worm"}},{"kind":"Field","name":{"kind":"Name","value":"storagePool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"retention"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"cycles"}},{"kind":"Field","name":{"kind":"Name","value":"indefinite"}},{"kind":"Field","name":{"kind":"Name","value":"jobBased"}},{"kind":"Field","name":{"kind":"Name","value":"jobs"}},{"kind":"Field","name":{"kind":"Name","value":"dataAgingEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"snapRecoveryPoints"}},{"kind":"Field","name":{"kind":"Name","value":"extended"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"fulls"}},{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"indefinite"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CommvaultPlanPageQuery, CommvaultPlanPageQueryVariables>;
export const ConsoleAppliancesDocument = {"__meta__":{"hash":"sha256:ad2ddb02557d5d3b1ec2a65fd597ef7577ebeb8dbb625e042b362b64bc5a6790"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleAppliances"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"backupDr"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"upstream"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applianceSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"reachable"}},{"kind":"Field","name":{"kind":"Name","value":"unreachable"}},{"kind":"Field","name":{"kind":"Name","value":"unreachableAppliances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"appliances"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"consoleId"}},{"kind":"Field","name":{"kind":"Name","value":"applianceId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reachable"}},{"kind":"Field","name":{"kind":"Name","value":"stale"}},{"kind":"Field","name":{"kind":"Name","value":"lastSyncAt"}},{"kind":"Field","name":{"kind":"Name","value":"vdiskCount"}},{"kind":"Field","name":{"kind":"Name","value":"vdiskLimit"}},{"kind":"Field","name":{"kind":"Name","value":"vdiskColor"}},{"kind":"Field","name":{"kind":"Name","value":"localSnapshotColor"}},{"kind":"Field","name":{"kind":"Name","value":"localDedupColor"}},{"kind":"Field","name":{"kind":"Name","value":"remoteProtectionColor"}},{"kind":"Field","name":{"kind":"Name","value":"diskUse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"poolCount"}},{"kind":"Field","name":{"kind":"Name","value":"capacityBytes"}},{"kind":"Field","name":{"kind":"Name","value":"usedBytes"}},{"kind":"Field","name":{"kind":"Name","value":"freePercent"}},{"kind":"Field","name":{"kind":"Name","value":"unboundedUsedBytes"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleAppliancesQuery, ConsoleAppliancesQueryVariables>;
export const ConsoleAuditLogDocument = {"__meta__":{"hash":"sha256:42a14f12b9d640446d3d530b4bfaf7681b7ebbfac028cd2698b9595e113184f5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleAuditLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userName"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"keyword"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"backupDr"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"upstream"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditRecords"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"userName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userName"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"keyword"},"value":{"kind":"Variable","name":{"kind":"Name","value":"keyword"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"userName"}},{"kind":"Field","name":{"kind":"Name","value":"command"}},{"kind":"Field","name":{"kind":"Name","value":"component"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"privileged"}},{"kind":"Field","name":{"kind":"Name","value":"ipAddress"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleAuditLogQuery, ConsoleAuditLogQueryVariables>;
export const ConsoleGroupsDocument = {"__meta__":{"hash":"sha256:050b22e2ca9b5931647fa85b46e97a8ba97a1b749b19543f37bdf27dd71c79b1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleGroups"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"members"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"backupDr"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"upstream"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logicalGroups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"sla"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"members"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"appName"}},{"kind":"Field","name":{"kind":"Name","value":"appType"}}]}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"consistencyGroups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hostName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"members"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"appName"}},{"kind":"Field","name":{"kind":"Name","value":"appType"}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleGroupsQuery, ConsoleGroupsQueryVariables>;
export const ConsoleJobsDocument = {"__meta__":{"hash":"sha256:9b45e935052a5880845c56e2cc8a763feffb7acf7e2a7d9607e4fadd1ce4f943"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleJobs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"100"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"backupDr"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"upstream"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"jobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"FAILED"}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"startedAfter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"consoleId"}},{"kind":"Field","name":{"kind":"Name","value":"jobName"}},{"kind":"Field","name":{"kind":"Name","value":"jobType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusText"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"appName"}},{"kind":"Field","name":{"kind":"Name","value":"appType"}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hostName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sla"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"scheduleOff"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleJobsQuery, ConsoleJobsQueryVariables>;
export const ControlJobsDocument = {"__meta__":{"hash":"sha256:e877b9faccfeecfcb7f5c0530e7a4f4d0227c6670d26df89cee0b5e22b64b17b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ControlJobs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"action"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JobAction"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"controlJobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"jobs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobs"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"action"},"value":{"kind":"Variable","name":{"kind":"Name","value":"action"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CommvaultJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"statusText"}},{"kind":"Field","name":{"kind":"Name","value":"percentComplete"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"resubmittedJob"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CommvaultJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ControlJobsMutation, ControlJobsMutationVariables>;
export const CreateScheduleDocument = {"__meta__":{"hash":"sha256:9d613e0dd083292f586d2620f7f6127dee0d63af0d70642ce24da5598f1bc36b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateSchedule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCommvaultScheduleInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCommvaultSchedule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"taskId"}},{"kind":"Field","name":{"kind":"Name","value":"scheduleId"}},{"kind":"Field","name":{"kind":"Name","value":"schedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"backupLevel"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"nextRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"count"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"local"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CreateScheduleMutation, CreateScheduleMutationVariables>;
export const DashboardAlertsDocument = {"__meta__":{"hash":"sha256:c9ac04750ba1a778137376b17c7076fd493041ecdeb32880389bb107a92fcf23"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardAlerts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"alerts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"state"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"OPEN"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"raisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardAlertsQuery, DashboardAlertsQueryVariables>;
export const DashboardCapacityDocument = {"__meta__":{"hash":"sha256:6c9671de32c2ad0a2e2cc7482ee3e2e9268b2541ce385d9e9fcb5b423c1c6808"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardCapacity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"storagePools"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"upstream"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"capacityBytes"}},{"kind":"Field","name":{"kind":"Name","value":"freeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"freePercent"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardCapacityQuery, DashboardCapacityQueryVariables>;
export const DashboardEstateDocument = {"__meta__":{"hash":"sha256:3bff1dc86a789bf0ba884e479c37cfdbaf592ded64f883bad8e77b588bc5444d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardEstate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"until"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"days"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"7"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upstreams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"jobStatusSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"until"},"value":{"kind":"Variable","name":{"kind":"Name","value":"until"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"until"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"activeCount"}},{"kind":"Field","name":{"kind":"Name","value":"successCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}},{"kind":"Field","name":{"kind":"Name","value":"successPercent"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unprotectedWorkloads"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"days"},"value":{"kind":"Variable","name":{"kind":"Name","value":"days"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gap"}},{"kind":"Field","name":{"kind":"Name","value":"failedBackupCount"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessfulBackupAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastJobStatus"}},{"kind":"Field","name":{"kind":"Name","value":"workload"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardEstateQuery, DashboardEstateQueryVariables>;
export const DashboardHealthDocument = {"__meta__":{"hash":"sha256:1ddfc5900ba5f052684a294ce562da8f3237f74fa77c0da6cff0773cc5491106"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardHealth"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"until"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"healthReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"until"},"value":{"kind":"Variable","name":{"kind":"Name","value":"until"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"until"}},{"kind":"Field","name":{"kind":"Name","value":"checks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"area"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"figure"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardHealthQuery, DashboardHealthQueryVariables>;
export const DashboardJobsDocument = {"__meta__":{"hash":"sha256:f75c9eed6f7fc86a53944d564f93e022983ab714d14a6c9ab33c137e7d033e33"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardJobs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"100"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"JobFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"jobType"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CommvaultJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"backupLevel"}},{"kind":"Field","name":{"kind":"Name","value":"percentComplete"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"hostName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subclient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"storagePolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardJobsQuery, DashboardJobsQueryVariables>;
export const DashboardTrendsDocument = {"__meta__":{"hash":"sha256:cc322e78387190065ffcfb9510491bc30f5cebd57d981e089e90224159068a0f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardTrends"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"storagePools"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"step"},"value":{"kind":"EnumValue","value":"DAY"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"usedBytes"}},{"kind":"Field","name":{"kind":"Name","value":"capacityBytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"forecast"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"daysUntilFull"}},{"kind":"Field","name":{"kind":"Name","value":"samples"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardTrendsQuery, DashboardTrendsQueryVariables>;
export const DashboardUpstreamOutcomesDocument = {"__meta__":{"hash":"sha256:869a503d741815f63488b1a79d6b982c57adde970401803efe1b5ba9c8babab2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardUpstreamOutcomes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"until"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobStatusSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"upstream"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}}},{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"until"},"value":{"kind":"Variable","name":{"kind":"Name","value":"until"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"activeCount"}},{"kind":"Field","name":{"kind":"Name","value":"successCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}},{"kind":"Field","name":{"kind":"Name","value":"successPercent"}},{"kind":"Field","name":{"kind":"Name","value":"upstreams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardUpstreamOutcomesQuery, DashboardUpstreamOutcomesQueryVariables>;
export const DeleteScheduleDocument = {"__meta__":{"hash":"sha256:8fc4d927495eb9d292f8ed29792645afd2bbb9be040d7017bbf3cde8ecb7725f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteSchedule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteCommvaultSchedule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"taskId"}},{"kind":"Field","name":{"kind":"Name","value":"scheduleId"}}]}}]}}]} as unknown as DocumentNode<DeleteScheduleMutation, DeleteScheduleMutationVariables>;
export const DisableActivityDocument = {"__meta__":{"hash":"sha256:8bb85952bd61a3a952167d289dde0c440e04c173e56343e0472d1e2cdc71bd97"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DisableActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"activity"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Activity"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disableActivity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"upstream"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"activity"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activity"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activity"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"reEnableAt"}}]}}]}}]}}]} as unknown as DocumentNode<DisableActivityMutation, DisableActivityMutationVariables>;
export const EnableActivityDocument = {"__meta__":{"hash":"sha256:0876149cc7783248ecc1f953d800dde338277d3d342c6e99f1ea7f623a5b2802"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnableActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"activity"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Activity"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enableActivity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"upstream"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"activity"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activity"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activity"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"reEnableAt"}}]}}]}}]}}]} as unknown as DocumentNode<EnableActivityMutation, EnableActivityMutationVariables>;
export const EstateHealthDocument = {"__meta__":{"hash":"sha256:fb1e28a7ef1d4116ee40436ba0733c8d800e4f1ef8323eaab761758995d7458b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EstateHealth"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"until"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"days"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"7"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobStatusSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"upstream"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}}},{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"until"},"value":{"kind":"Variable","name":{"kind":"Name","value":"until"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"until"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"activeCount"}},{"kind":"Field","name":{"kind":"Name","value":"successCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}},{"kind":"Field","name":{"kind":"Name","value":"successPercent"}},{"kind":"Field","name":{"kind":"Name","value":"protectedBytes"}},{"kind":"Field","name":{"kind":"Name","value":"byStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobType"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}},{"kind":"Field","name":{"kind":"Name","value":"successPercent"}}]}},{"kind":"Field","name":{"kind":"Name","value":"upstreams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"unprotectedWorkloads"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"upstream"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}}},{"kind":"Argument","name":{"kind":"Name","value":"days"},"value":{"kind":"Variable","name":{"kind":"Name","value":"days"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gap"}},{"kind":"Field","name":{"kind":"Name","value":"failedBackupCount"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessfulBackupAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastJobStatus"}},{"kind":"Field","name":{"kind":"Name","value":"workload"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CommvaultClient"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"hostName"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"capacityAlerts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"upstream"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"freePercent"}},{"kind":"Field","name":{"kind":"Name","value":"freeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"capacityBytes"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"ddbAlerts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"upstream"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"avgQiMicros"}},{"kind":"Field","name":{"kind":"Name","value":"freeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<EstateHealthQuery, EstateHealthQueryVariables>;
export const EstateHealthPageDocument = {"__meta__":{"hash":"sha256:0166372197a45c284c320449b56d3be1ef043953923ddd22136eae9d7291a086"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EstateHealthPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"until"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"failures"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"healthReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"upstream"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}}},{"kind":"Argument","name":{"kind":"Name","value":"until"},"value":{"kind":"Variable","name":{"kind":"Name","value":"until"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"until"}},{"kind":"Field","name":{"kind":"Name","value":"checks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"area"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"figure"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"jobStatusSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"upstream"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}}},{"kind":"Argument","name":{"kind":"Name","value":"until"},"value":{"kind":"Variable","name":{"kind":"Name","value":"until"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"until"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}},{"kind":"Field","name":{"kind":"Name","value":"successPercent"}},{"kind":"Field","name":{"kind":"Name","value":"byUpstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"activeCount"}},{"kind":"Field","name":{"kind":"Name","value":"successCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}},{"kind":"Field","name":{"kind":"Name","value":"successPercent"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"failures"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"jobType"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"capacityAlerts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"upstream"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"freePercent"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<EstateHealthPageQuery, EstateHealthPageQueryVariables>;
export const JobDetailDocument = {"__meta__":{"hash":"sha256:801b3ff6e1b21f57d145c90b81696b40c0fc7bb64a6e1bca7c203058ae3df19b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JobDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"commvaultJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"upstream"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}}},{"kind":"Argument","name":{"kind":"Name","value":"jobId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusText"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"detail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"delayReason"}},{"kind":"Field","name":{"kind":"Name","value":"throughputGBPerHour"}},{"kind":"Field","name":{"kind":"Name","value":"transferSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"filesCount"}},{"kind":"Field","name":{"kind":"Name","value":"filesTransferred"}},{"kind":"Field","name":{"kind":"Name","value":"skippedItems"}},{"kind":"Field","name":{"kind":"Name","value":"applicationBytes"}},{"kind":"Field","name":{"kind":"Name","value":"transferredBytes"}},{"kind":"Field","name":{"kind":"Name","value":"writtenBytes"}},{"kind":"Field","name":{"kind":"Name","value":"savingsPercent"}},{"kind":"Field","name":{"kind":"Name","value":"startedBy"}},{"kind":"Field","name":{"kind":"Name","value":"startedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}},{"kind":"Field","name":{"kind":"Name","value":"agentName"}},{"kind":"Field","name":{"kind":"Name","value":"instanceName"}},{"kind":"Field","name":{"kind":"Name","value":"backupsetName"}},{"kind":"Field","name":{"kind":"Name","value":"subclientName"}},{"kind":"Field","name":{"kind":"Name","value":"planName"}},{"kind":"Field","name":{"kind":"Name","value":"virtualMachines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"statusCode"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}}]}}]}}]}}]}}]} as unknown as DocumentNode<JobDetailQuery, JobDetailQueryVariables>;
export const JobProgressDocument = {"__meta__":{"hash":"sha256:9a8e0280f5ed02b24601b06026a1cb5a9683897fe4d34b16b3b77f93b840be2f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"JobProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CommvaultJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"percentComplete"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BackupDrJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"progress"}}]}}]}}]}}]} as unknown as DocumentNode<JobProgressSubscription, JobProgressSubscriptionVariables>;
export const MountBackupDocument = {"__meta__":{"hash":"sha256:dd30ce7568f731733c5020a77a15ec31c06c1f1f8d2a4e37c7f40d40e4984280"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MountBackup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MountBackupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mountBackup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobFound"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"consoleId"}},{"kind":"Field","name":{"kind":"Name","value":"jobName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"targetHost"}}]}},{"kind":"Field","name":{"kind":"Name","value":"backup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"backupName"}},{"kind":"Field","name":{"kind":"Name","value":"consistencyDate"}}]}}]}}]}}]} as unknown as DocumentNode<MountBackupMutation, MountBackupMutationVariables>;
export const ProtectionSummaryDocument = {"__meta__":{"hash":"sha256:5676c2301adc04d1f3cb1f4195e1539069be70593edeafaf617d6e0378c4f628"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProtectionSummary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"days"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"7"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"staleAfterDays"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"2"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"protectionSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"upstream"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}}},{"kind":"Argument","name":{"kind":"Name","value":"days"},"value":{"kind":"Variable","name":{"kind":"Name","value":"days"}}},{"kind":"Argument","name":{"kind":"Name","value":"staleAfterDays"},"value":{"kind":"Variable","name":{"kind":"Name","value":"staleAfterDays"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"protectedCount"}},{"kind":"Field","name":{"kind":"Name","value":"staleCount"}},{"kind":"Field","name":{"kind":"Name","value":"unprotectedCount"}},{"kind":"Field","name":{"kind":"Name","value":"protectedPercent"}},{"kind":"Field","name":{"kind":"Name","value":"stale"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lastSuccessfulBackupAt"}},{"kind":"Field","name":{"kind":"Name","value":"workload"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"hostName"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"unprotected"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gap"}},{"kind":"Field","name":{"kind":"Name","value":"failedBackupCount"}},{"kind":"Field","name":{"kind":"Name","value":"workload"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"hostName"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProtectionSummaryQuery, ProtectionSummaryQueryVariables>;
export const RecentEventsDocument = {"__meta__":{"hash":"sha256:26086abb47928adba95d0d1d3604826aa5e1f932c937bdb41eabecf588b8b875"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RecentEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EventFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CommvaultTriggeredAlert"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criterion"}},{"kind":"Field","name":{"kind":"Name","value":"severityText"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CommvaultEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subsystem"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BackupDrEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appName"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RecentEventsQuery, RecentEventsQueryVariables>;
export const ReplicationPageDocument = {"__meta__":{"hash":"sha256:cddb9a8ee00db4f997d8f783d1db04fa6a3af76c0314b2afdfa754ad4eeceb47"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReplicationPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReplicationKind"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"commvaultReplicationGroups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"upstream"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"replicationType"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"sourceName"}},{"kind":"Field","name":{"kind":"Name","value":"destinationName"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"commvaultReplicationPairs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"upstream"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"destinationName"}},{"kind":"Field","name":{"kind":"Name","value":"destinationHypervisorName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"failoverStatus"}},{"kind":"Field","name":{"kind":"Name","value":"lastReplicationAt"}},{"kind":"Field","name":{"kind":"Name","value":"syncedTill"}},{"kind":"Field","name":{"kind":"Name","value":"lagSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReplicationPageQuery, ReplicationPageQueryVariables>;
export const RestoreFilesDocument = {"__meta__":{"hash":"sha256:0844045a0eaaaf8ce7245b1584e6085c1b90b9f0f7c9fe533c92ea0d57c4063c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestoreFiles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subclient"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"paths"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pointInTime"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inPlace"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"destinationClient"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"destinationPath"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"overwrite"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restoreFiles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"subclient"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subclient"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"paths"},"value":{"kind":"Variable","name":{"kind":"Name","value":"paths"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"pointInTime"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pointInTime"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"inPlace"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inPlace"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"destinationClient"},"value":{"kind":"Variable","name":{"kind":"Name","value":"destinationClient"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"destinationPath"},"value":{"kind":"Variable","name":{"kind":"Name","value":"destinationPath"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"overwrite"},"value":{"kind":"Variable","name":{"kind":"Name","value":"overwrite"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"jobType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"percentComplete"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"destinationClientName"}},{"kind":"Field","name":{"kind":"Name","value":"subclient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RestoreFilesMutation, RestoreFilesMutationVariables>;
export const RestoreVirtualMachineDocument = {"__meta__":{"hash":"sha256:f0f82b975e67e84139abefe42a9c528ba9e4ff695176e599802cd0bf9db73033"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestoreVirtualMachine"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"virtualMachine"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inPlace"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}},"defaultValue":{"kind":"BooleanValue","value":true}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"destination"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"VirtualMachineRestoreDestinationInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"powerOn"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}},"defaultValue":{"kind":"BooleanValue","value":true}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"backupJobId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restoreVirtualMachine"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"virtualMachine"},"value":{"kind":"Variable","name":{"kind":"Name","value":"virtualMachine"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"inPlace"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inPlace"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"destination"},"value":{"kind":"Variable","name":{"kind":"Name","value":"destination"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"powerOn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"powerOn"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"backupJobId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"backupJobId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"jobType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"percentComplete"}},{"kind":"Field","name":{"kind":"Name","value":"destinationClientName"}},{"kind":"Field","name":{"kind":"Name","value":"subclient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RestoreVirtualMachineMutation, RestoreVirtualMachineMutationVariables>;
export const RunAuxCopyDocument = {"__meta__":{"hash":"sha256:285d4d5aba9275e36a950407d6d3b57584ecca226210690c7731434d5ba5a6ee"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RunAuxCopy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"storagePolicy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"copy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runAuxCopy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"storagePolicy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"storagePolicy"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"copy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"copy"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"jobType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"percentComplete"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"storagePolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RunAuxCopyMutation, RunAuxCopyMutationVariables>;
export const RunDataAgingDocument = {"__meta__":{"hash":"sha256:e4f6084c57c9d788ac1a6a2dfcb999a79c92009118c2f5d70031c25507fd6834"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RunDataAging"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"copies"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DataAgingCopyInput"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runDataAging"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"upstream"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"copies"},"value":{"kind":"Variable","name":{"kind":"Name","value":"copies"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"jobType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"percentComplete"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}}]}}]}}]}}]} as unknown as DocumentNode<RunDataAgingMutation, RunDataAgingMutationVariables>;
export const RunDdbOperationDocument = {"__meta__":{"hash":"sha256:4d22a833dee7b87885a43a564cf499be12242f62ea3ec6c708b22dcdc144d015"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RunDdbOperation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"store"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"operation"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DdbOperation"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runDdbOperation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"store"},"value":{"kind":"Variable","name":{"kind":"Name","value":"store"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"operation"},"value":{"kind":"Variable","name":{"kind":"Name","value":"operation"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"jobType"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}}]}},{"kind":"Field","name":{"kind":"Name","value":"store"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sealedAt"}}]}}]}}]}}]} as unknown as DocumentNode<RunDdbOperationMutation, RunDdbOperationMutationVariables>;
export const RunDisasterRecoveryBackupDocument = {"__meta__":{"hash":"sha256:885ea653d58af4af0b4d2872c393d2b10f3a8c0d57c1b385368186f8df9220cb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RunDisasterRecoveryBackup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"type"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DrBackupType"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runDisasterRecoveryBackup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"upstream"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"type"},"value":{"kind":"Variable","name":{"kind":"Name","value":"type"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"jobType"}},{"kind":"Field","name":{"kind":"Name","value":"percentComplete"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}}]}}]}}]}}]} as unknown as DocumentNode<RunDisasterRecoveryBackupMutation, RunDisasterRecoveryBackupMutationVariables>;
export const RunPlanJobOperationDocument = {"__meta__":{"hash":"sha256:0c7d2aea44794b8c3fcca9304a5bfdfb85cf9c63457724abd93bc91dc459f147"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RunPlanJobOperation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"storagePolicy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"copyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"opType"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PlanJobOperationType"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"retainUntil"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"loadDependentJobs"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"loadArchiverJobs"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"confirm"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runPlanJobOperation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"storagePolicy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"storagePolicy"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"copyId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"copyId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"opType"},"value":{"kind":"Variable","name":{"kind":"Name","value":"opType"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"jobs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobs"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"retainUntil"},"value":{"kind":"Variable","name":{"kind":"Name","value":"retainUntil"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"loadDependentJobs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"loadDependentJobs"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"loadArchiverJobs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"loadArchiverJobs"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"confirm"},"value":{"kind":"Variable","name":{"kind":"Name","value":"confirm"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dependentJobsExist"}},{"kind":"Field","name":{"kind":"Name","value":"archiverJobsExist"}},{"kind":"Field","name":{"kind":"Name","value":"jobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"jobType"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"applicationBytes"}},{"kind":"Field","name":{"kind":"Name","value":"dataWrittenBytes"}},{"kind":"Field","name":{"kind":"Name","value":"retainUntil"}},{"kind":"Field","name":{"kind":"Name","value":"retainedBy"}},{"kind":"Field","name":{"kind":"Name","value":"retentionReason"}},{"kind":"Field","name":{"kind":"Name","value":"dataVerificationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"lastVerifiedAt"}},{"kind":"Field","name":{"kind":"Name","value":"copiedAt"}},{"kind":"Field","name":{"kind":"Name","value":"requiredByJobIds"}},{"kind":"Field","name":{"kind":"Name","value":"server"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subclient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RunPlanJobOperationMutation, RunPlanJobOperationMutationVariables>;
export const SchedulePageDocument = {"__meta__":{"hash":"sha256:ff8e751c175cdcc1b14715c3c5518b7b59fe9cdab4d92422005421ac0ca8dcdb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchedulePage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subclientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runs"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"commvaultSubclient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"upstream"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}}},{"kind":"Argument","name":{"kind":"Name","value":"subclientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subclientId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}},{"kind":"Field","name":{"kind":"Name","value":"backupsetName"}},{"kind":"Field","name":{"kind":"Name","value":"schedules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"taskId"}},{"kind":"Field","name":{"kind":"Name","value":"taskName"}},{"kind":"Field","name":{"kind":"Name","value":"scheduleId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"backupLevel"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"pattern"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"freqType"}},{"kind":"Field","name":{"kind":"Name","value":"freqInterval"}},{"kind":"Field","name":{"kind":"Name","value":"freqRecurrenceFactor"}},{"kind":"Field","name":{"kind":"Name","value":"freqRelativeInterval"}},{"kind":"Field","name":{"kind":"Name","value":"freqSubdayInterval"}},{"kind":"Field","name":{"kind":"Name","value":"activeStartDate"}},{"kind":"Field","name":{"kind":"Name","value":"activeStartTime"}},{"kind":"Field","name":{"kind":"Name","value":"activeEndDate"}},{"kind":"Field","name":{"kind":"Name","value":"activeEndTime"}},{"kind":"Field","name":{"kind":"Name","value":"activeEndOccurrence"}},{"kind":"Field","name":{"kind":"Name","value":"timeZoneName"}},{"kind":"Field","name":{"kind":"Name","value":"exceptDaysOfMonth"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"count"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"local"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SchedulePageQuery, SchedulePageQueryVariables>;
export const SetScheduleEnabledDocument = {"__meta__":{"hash":"sha256:928bfdd281f53f176433ad9a58523ecb39c9721a9a7820da5bdc8d1302bb7568"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetScheduleEnabled"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"enabled"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setCommvaultScheduleEnabled"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"enabled"},"value":{"kind":"Variable","name":{"kind":"Name","value":"enabled"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"schedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]}}]}}]} as unknown as DocumentNode<SetScheduleEnabledMutation, SetScheduleEnabledMutationVariables>;
export const StorageArraysDocument = {"__meta__":{"hash":"sha256:4909401b2c2cfa563417209884e9f15ebe0436f4b096a3cb61b9fda21be76ab7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StorageArrays"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"vendor"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"commvaultStorageArrays"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"upstream"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"vendor"},"value":{"kind":"Variable","name":{"kind":"Name","value":"vendor"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"}},{"kind":"Field","name":{"kind":"Name","value":"snapVendor"}},{"kind":"Field","name":{"kind":"Name","value":"controlHost"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accessNodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mediaAgentId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"pruning"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mediaAgents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"online"}}]}},{"kind":"Field","name":{"kind":"Name","value":"snapConfigurations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<StorageArraysQuery, StorageArraysQueryVariables>;
export const StorageCapacityDocument = {"__meta__":{"hash":"sha256:174bffbb046e890b33c8a220428c32d8ca82db8250ef2bf5461d13eb7bfef910"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StorageCapacity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"storagePools"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"upstream"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"capacityBytes"}},{"kind":"Field","name":{"kind":"Name","value":"freeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"freePercent"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}}]}}]}}]} as unknown as DocumentNode<StorageCapacityQuery, StorageCapacityQueryVariables>;
export const StorageRunoutDocument = {"__meta__":{"hash":"sha256:d308b5ad987a6110296fb67b96db358c44df40a4cc8d1aeafda8d9add10bb970"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StorageRunout"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"storagePools"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"upstream"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"freePercent"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedRunoutDays"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<StorageRunoutQuery, StorageRunoutQueryVariables>;
export const SubclientDetailDocument = {"__meta__":{"hash":"sha256:eec32dc81215462be67670121637df381ec0521a95cdf7ba3807fa455e311d0e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SubclientDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subclientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"commvaultSubclient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"upstream"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}}},{"kind":"Argument","name":{"kind":"Name","value":"subclientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subclientId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}},{"kind":"Field","name":{"kind":"Name","value":"appName"}},{"kind":"Field","name":{"kind":"Name","value":"agentInstanceName"}},{"kind":"Field","name":{"kind":"Name","value":"backupsetName"}},{"kind":"Field","name":{"kind":"Name","value":"backupEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"contentPaths"}},{"kind":"Field","name":{"kind":"Name","value":"filters"}},{"kind":"Field","name":{"kind":"Name","value":"exceptions"}},{"kind":"Field","name":{"kind":"Name","value":"streamCount"}},{"kind":"Field","name":{"kind":"Name","value":"lastBackupAt"}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"storagePolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<SubclientDetailQuery, SubclientDetailQueryVariables>;
export const UpdateRetentionDocument = {"__meta__":{"hash":"sha256:7a3ac633b216dc9bea1465e8581a05d9ed272b3c2f66308945dbdc9c14d7d6c8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateRetention"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"target"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RetentionInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"confirmShorten"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateRetention"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"target"},"value":{"kind":"Variable","name":{"kind":"Name","value":"target"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}},{"kind":"Argument","name":{"kind":"Name","value":"confirmShorten"},"value":{"kind":"Variable","name":{"kind":"Name","value":"confirmShorten"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"shortens"}},{"kind":"Field","name":{"kind":"Name","value":"before"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"cycles"}},{"kind":"Field","name":{"kind":"Name","value":"indefinite"}},{"kind":"Field","name":{"kind":"Name","value":"dataAgingEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"extended"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"fulls"}},{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"indefinite"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"after"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"cycles"}},{"kind":"Field","name":{"kind":"Name","value":"indefinite"}},{"kind":"Field","name":{"kind":"Name","value":"dataAgingEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"extended"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"fulls"}},{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"indefinite"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"jobsEligibleForAging"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"jobType"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"applicationBytes"}},{"kind":"Field","name":{"kind":"Name","value":"subclient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<UpdateRetentionMutation, UpdateRetentionMutationVariables>;
export const UpdateScheduleDocument = {"__meta__":{"hash":"sha256:1faee089771eadfabc6c85bac1da1e7f02121fc32381fde9d0fb2562674a15b9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateSchedule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateCommvaultScheduleInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateCommvaultSchedule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"schedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"backupLevel"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"nextRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"count"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"local"}}]}}]}}]}}]}}]} as unknown as DocumentNode<UpdateScheduleMutation, UpdateScheduleMutationVariables>;
export const UpdateSlaDocument = {"__meta__":{"hash":"sha256:bbc09302ca43b2e6254e47d5aeb0489758765c1d01a433cdcf702b1ad54b02cb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateSla"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateSlaInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSla"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sla"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"consoleId"}},{"kind":"Field","name":{"kind":"Name","value":"scheduleOff"}},{"kind":"Field","name":{"kind":"Name","value":"expirationOff"}},{"kind":"Field","name":{"kind":"Name","value":"logExpirationOff"}},{"kind":"Field","name":{"kind":"Name","value":"dedupAsyncOff"}},{"kind":"Field","name":{"kind":"Name","value":"modifiedAt"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateSlaMutation, UpdateSlaMutationVariables>;
export const UpdateSubclientContentDocument = {"__meta__":{"hash":"sha256:8a4a26d02a497f33154d83f8ab3a15c915465e67d82ec588292f91e05d0515cd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateSubclientContent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subclient"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"operation"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ContentOperation"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"content"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filters"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"exceptions"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSubclientContent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"subclient"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subclient"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"operation"},"value":{"kind":"Variable","name":{"kind":"Name","value":"operation"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"content"},"value":{"kind":"Variable","name":{"kind":"Name","value":"content"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"filters"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filters"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"exceptions"},"value":{"kind":"Variable","name":{"kind":"Name","value":"exceptions"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"contentPaths"}},{"kind":"Field","name":{"kind":"Name","value":"filters"}},{"kind":"Field","name":{"kind":"Name","value":"exceptions"}},{"kind":"Field","name":{"kind":"Name","value":"subclient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateSubclientContentMutation, UpdateSubclientContentMutationVariables>;
export const VirtualMachinesPageDocument = {"__meta__":{"hash":"sha256:70cfedb8a067d85b1809e2fe01d55a24524789c0ee6e81667b8e8e2c2713139c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VirtualMachinesPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"protection"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"VirtualMachineProtection"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"commvaultHypervisors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"upstream"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"retireStatus"}},{"kind":"Field","name":{"kind":"Name","value":"vmCount"}},{"kind":"Field","name":{"kind":"Name","value":"protectedVmCount"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"commvaultVirtualMachines"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"upstream"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upstream"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"protection"},"value":{"kind":"Variable","name":{"kind":"Name","value":"protection"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"guestOs"}},{"kind":"Field","name":{"kind":"Name","value":"hostName"}},{"kind":"Field","name":{"kind":"Name","value":"protection"}},{"kind":"Field","name":{"kind":"Name","value":"lastBackupEndedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessfulBackupAt"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"hypervisor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vmGroupName"}},{"kind":"Field","name":{"kind":"Name","value":"upstream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<VirtualMachinesPageQuery, VirtualMachinesPageQueryVariables>;