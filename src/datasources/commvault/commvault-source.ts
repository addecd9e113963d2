import { hostname } from 'node:os';
import type { CacheClass } from '../../config/schema.js';
import { ErrorCode } from '../../errors/codes.js';
import { GatewayError, isGatewayError } from '../../errors/gateway-error.js';
import type { RawBody, UpstreamRequest, UpstreamResponse } from '../pipeline/types.js';
import { vmRestoreBody, type VmRestoreRequest } from './vm-restore-request.js';
import { UpstreamSource, type UpstreamSourceOptions } from '../upstream-source.js';
import { browseRequest, findRequest } from './browse-request.js';
import { hasBrowseResult, toBrowsePage } from './mappers/browse.js';
import { toAgents, toBackupsets, toClientIndex, toClients, type ClientIndex } from './mappers/client.js';
import { toDdbEngines, toDdbStore } from './mappers/ddb.js';
import { toDdbBackupSubclients } from './mappers/ddb-backup.js';
import { findCommvaultError, genericHttpError, type CommvaultBodyError } from './mappers/errors.js';
import { toAlertDefinitions, toAlertRules, toTriggeredAlerts } from './mappers/alert.js';
import { toEvents } from './mappers/event.js';
import { toJobPage } from './mappers/job.js';
import { toJobsByIndex, type JobsByIndex } from './mappers/jobs-by-index.js';
import { toLibraries, toLibraryDetail } from './mappers/library.js';
import { MappedOnce } from '../mapped-once.js';
import { upstreamRef, type UpstreamRef } from '../record.js';
import { COMMVAULT_KINDS } from './kinds.js';
import { lockStateFromLogin, tokenFromLogin } from './mappers/login.js';
import { toMediaAgentDetail, toMediaAgents } from './mappers/media-agent.js';
import { toPlans } from './mappers/plan.js';
import { toStoragePolicies, toStoragePolicyDetail } from './mappers/storage-policy.js';
import { toStoragePoolDetail, toStoragePools } from './mappers/storage-pool.js';
import { toServers } from './mappers/server.js';
import { toCloudStorageDetail, toDiskStorageDetail } from './mappers/storage-detail.js';
import { toSubclients } from './mappers/subclient.js';
import { toAgentInstances } from './mappers/instance.js';
import { toHypervisors, toVirtualMachines } from './mappers/virtualization.js';
import { toJobDetail } from './mappers/job-detail.js';
import type { CvHypervisor, CvVirtualMachine } from './virtualization-model.js';
import type { CvReplicationGroup, CvReplicationPair, CvStorageArray, CvStorageArrayDetail } from './arrays-replication-model.js';
import { toContinuousPairs, toReplicationGroups, toStorageArrayDetail, toStorageArrays, toStreamingPairs } from './mappers/arrays-replication.js';
import type { JobDetailRecord } from '../job-detail.js';
import { toStartedJobIds, unknownObjectAsNotFound } from './mappers/task.js';
import type { CvDdbOperationOutcome, CvPlanCopyJob, CvPlanJobOperationResult } from './admin-model.js';
import {
  ddbOperationMessage, drBackupBody, planJobOperationsBody,
  type CvDdbOperation, type CvDdbTarget, type CvDrBackupType, type CvPlanJobOperation,
} from './admin-requests.js';
import { toCommCellId, toDdbOperationOutcome } from './mappers/admin-answers.js';
import { toPlanCopyJob, toPlanJobOperationResult } from './mappers/plan-job-operations.js';
import { toPlanBackupDestinations, toStoragePolicyCopyDetail } from './mappers/retention.js';
import { toPlanProperties, toRawRpoSchedules, toServerPlan, withRpoExceptions } from './mappers/server-plan.js';
import { field, int, list } from './mappers/read.js';
import { toSchedules, toScheduleTask } from './mappers/schedule.js';
import type { CvSchedule, CvScheduleOwner, CvScheduleTask, CvScheduleWrite } from './schedule-model.js';
import type { CvPlanBackupDestination, CvPlanProperties, CvServerPlan, CvStoragePolicyCopyDetail } from './protection-model.js';
import type { CvActivityControl, CvCommServe, CvDrBackupSettings, CvHealthCondition, CvLicence, CvRegistration } from './commserve-model.js';
import {
  clientActivityBody, toClientActivityOf, toCommCellActivityControl, toCommServe, toDrBackupSettings, toHealthConditions, toLicence, toRegistration,
} from './mappers/commserve.js';
import { EventSeverity } from '../domain.js';
import {
  type BrowseOptions,
  type CvAgent,
  type CvAgentInstance,
  type CvAlertDefinition,
  type CvAlertRule,
  type CvBrowseEntity,
  type CvBrowsePage,
  type CvBackupset,
  type CvClient,
  type CvDdbStore,
  type CvEvent,
  type CvJob,
  type CvJobPage,
  type CvLibrary,
  type CvMediaAgent,
  type CvMediaAgentDetail,
  type CvPlan,
  type CvServer,
  type CvStorageDetail,
  type CvStoragePolicy,
  type CvStoragePool,
  type CvSubclient,
  type CvTriggeredAlert,
  type ListEventsOptions,
  type ListJobsOptions,
} from './model.js';

/** `backupLevel` as `POST /Subclient/{id}/action/backup` takes it (docs/upstreams/commvault.md §3.7). */
export type CvBackupLevel = 'Full' | 'Incremental' | 'Differential' | 'Synthetic_full';

/** `backupLevel` as `POST /V4/VirtualMachines/{uuid}/backup` takes it (docs/upstreams/commvault.md, "Virtualisation"). */
export type CvVmBackupLevel = 'FULL' | 'INCREMENTAL' | 'DIFFERENTIAL' | 'SYNTHETIC_FULL';

/** VMs read by one `GET /VM`: the largest page a CommServe is seen to send (`pageSize` 10000). */
export const VM_LIST_LIMIT = 10_000;

/** What `POST /Job/{id}/action/…` can do. */
export type CvJobAction = 'pause' | 'resume' | 'kill' | 'resubmit';

/** One write's request and the cache tags it makes stale. */
interface WriteOptions {
  /** @default 'POST' */
  method?: 'POST' | 'PUT';
  query?: Record<string, string>;
  body?: unknown;
  /** A body sent as given (XML) instead of `body`. */
  rawBody?: RawBody;
  /** Cache tags of this instance to drop once the upstream took the write. @default ['jobs'] */
  invalidates?: string[];
}

export interface CommvaultSourceOptions extends UpstreamSourceOptions {
  /** Which Commvault product the instance is; both speak the same API. */
  kind: 'commvault' | 'commvault-cloud';
  username: string;
  password: string;
  /**
   * Sent with `/Login`; Commvault ties token renewal to it. One per gateway host.
   * @default `backup-graph-<hostname>`
   */
  deviceId?: string;
  /**
   * Commvault Cloud MSP: the tenant company every call acts for, sent as `operatorcompanyid`
   * (docs/upstreams/commvault-cloud-msp.md). @default none (the user's own company)
   */
  operatorCompanyId?: number;
}

/** The list of `GET /Client` kept as bytes in a large answer (ClientIndex reads ids from them). */
const CLIENT_LIST_LAZY: ReadonlySet<string> = new Set(['clientProperties']);
/** The jobs of `GET /Job` kept as bytes (JobsByIndex reads their places from them; a merged page keeps few). */
const JOB_LIST_LAZY: ReadonlySet<string> = new Set(['jobs']);

/** Commvault's job type number of a backup (`jobTypeList` of `POST /Jobs`, docs/upstreams/commvault.md). */
const BACKUP_OP_TYPE = 4;
/** The metric route of browse and find, also how errorFromResponse knows a browse answer. */
const BROWSE_ROUTE = 'POST /DoBrowse';

/** `POST /Login` mode for a username/password login (cvpysdk). */
const LOGIN_MODE = 4;

/** The qoperation message cvpysdk uses to list DDB engines (stores) with their policy and copy. */
const DDB_ENGINES_REQUEST = {
  EVGui_DDBEnginesReq: {
    filterOptions: { propertyLevel: 1 },
    storagepolicy: { storagePolicyId: 0 },
    spCopy: { copyId: 0, storagePolicyId: 0 },
    store: { type: 115 },
    flags: 0,
  },
};

/** The qoperation resource: its name holds a space, and request paths go to undici as given. */
const QOPERATION_PATH = '/QCommand/qoperation%20execute';
const QOPERATION_ROUTE = 'POST /QCommand/qoperation execute';
/** Cache tag of the subclient reads (listing and detail), which a content change makes stale. */
const SUBCLIENTS_TAG = 'subclients';
/** Cache tag of the reads that show activity control (the CommCell's and, in client details, a client's). */
const ACTIVITY_TAG = 'activityControl';
/** `jobFilter` name of the CommServe's DR backup jobs (docs/upstreams/commvault.md §11.5). */
const DR_BACKUP_JOB_TYPE = 'DR Backup';
/** Health conditions are asked from a time floored to this step (seconds), so a window reads one cached answer. */
const CONDITIONS_STEP_S = 600;
const PLAN_JOB_OPERATIONS_ROUTE = 'POST /V4/Plan/BackupDestination/JobOperations';
/** Cache tag of every schedule read; schedule changes drop it. */
const SCHEDULES_TAG = 'schedules';
/** `task.taskType` of a schedule policy (docs/upstreams/commvault-schedules.md §1). */
const POLICY_TASK_TYPE = 4;

/** Which schedules `GET /Schedules` lists: a client's, narrowed to an agent, backup set or subclient. */
export interface CvScheduleFilter {
  clientId: number;
  applicationId?: number;
  backupsetId?: number;
  subclientId?: number;
}

/**
 * Routes whose HTTP 200 answer carries its `error` beside the result (docs/upstreams/commvault.md §10.3):
 * the mapper reports it with the jobs the operation did handle, instead of the whole call failing.
 */
const RESULT_WITH_ERROR_ROUTES: ReadonlySet<string> = new Set([PLAN_JOB_OPERATIONS_ROUTE]);

function withoutNestedError(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([key]) => key.toLowerCase() !== 'error'));
}

const SEVERITY_SWITCHES: ReadonlyArray<[EventSeverity, string]> = [
  [EventSeverity.INFORMATION, 'showInfo'],
  [EventSeverity.MINOR, 'showMinor'],
  [EventSeverity.MAJOR, 'showMajor'],
  [EventSeverity.CRITICAL, 'showCritical'],
];

/**
 * One Commvault CommServe (or Commvault Cloud tenant: same API) as one upstream identity sees it.
 * Long-lived: built once per (instance, identity) by the SourceRegistry, it keeps the login session.
 * Methods are named after Commvault resources and return mapped domain objects, never raw JSON.
 *
 * Every call names a cache class (TTL from config) and a route label for metrics.
 */
export class CommvaultSource extends UpstreamSource {
  readonly kind: 'commvault' | 'commvault-cloud';
  /** The instance as every record this source returns names it (shared, frozen). */
  readonly upstream: UpstreamRef;
  private readonly username: string;
  private readonly password: string;
  private readonly deviceId: string;
  private readonly operatorCompanyId: number | undefined;
  /**
   * Mapped job pages by the (frozen, cached) answer they came from: a gateway-filtered job list reads
   * the same cached window pages for every page it serves, and they need mapping only once.
   */
  private readonly mapped = new MappedOnce();

  constructor(options: CommvaultSourceOptions) {
    super(options);
    this.kind = options.kind;
    this.upstream = upstreamRef(options.instanceId, COMMVAULT_KINDS[options.kind].graphKind);
    this.username = options.username;
    this.password = options.password;
    this.deviceId = options.deviceId ?? `backup-graph-${hostname()}`;
    this.operatorCompanyId = options.operatorCompanyId;
  }

  // ── hooks ────────────────────────────────────────────────────────────────────────────────────

  protected override async authenticate(): Promise<Record<string, string>> {
    const body = await this.sessionCall('/Login', {
      username: this.username,
      password: Buffer.from(this.password, 'utf8').toString('base64'),
      mode: LOGIN_MODE,
      deviceId: this.deviceId,
    });
    const token = tokenFromLogin(body);
    if (token) return { Authtoken: token };
    const found = findCommvaultError(body);
    const { locked } = lockStateFromLogin(body);
    throw this.upstreamError(
      { code: found?.code, message: `Login failed: ${found?.message ?? 'no token in the answer'}${locked ? ' (account locked)' : ''}` },
      200,
    );
  }

  /**
   * `POST /RenewLoginToken` with the current token and the Login's deviceId → `{token}`; a refusal is
   * `{error: {errorCode, errLogMessage}}` (docs/upstreams/commvault.md §2.4). Like Login, never retried.
   * SAML tokens are not renewable: those log in again (docs/upstreams/commvault.md, "Upstream access").
   */
  protected override async renewSession(headers: Record<string, string>): Promise<Record<string, string>> {
    // A SAML token cannot be renewed (cvpysdk refuses to try): a new login is the renewal.
    if (headers.Authtoken?.startsWith('SAML ')) return this.authenticate();
    const body = await this.sessionCall('/RenewLoginToken', { sessionId: headers.Authtoken, deviceId: this.deviceId }, headers);
    const token = tokenFromLogin(body);
    if (token) return { Authtoken: token };
    throw this.upstreamError({ message: 'Token renewal answered no token' }, 200);
  }

  /**
   * Login and renewal: sent without the session they make (`authenticated: false`: no re-login on 401),
   * never retried, and their errors scrubbed of the password.
   */
  private async sessionCall(path: string, body: unknown, headers?: Record<string, string>): Promise<unknown> {
    try {
      return await this.post(path, { authenticated: false, access: 'write', route: `POST ${path}`, headers, body });
    } catch (error) {
      throw this.scrubbed(error);
    }
  }

  protected override async logout(headers: Record<string, string>): Promise<void> {
    // Sent with the session's own headers and `authenticated: false`, so a 401 here (already expired)
    // does not make the pipeline log in again just to log out.
    await this.post('/Logout', { authenticated: false, access: 'write', route: 'POST /Logout', headers });
  }

  /**
   * Commvault answers XML unless asked for JSON (docs/upstreams/commvault.md §1.3). A tenant of an MSP
   * service account names its company on every call, the login included, so the service counts the call
   * in that tenant's budget (docs/upstreams/commvault-cloud-msp.md).
   */
  protected override willSendRequest(req: UpstreamRequest): UpstreamRequest {
    const tenant: Record<string, string> = this.operatorCompanyId === undefined ? {} : { operatorcompanyid: String(this.operatorCompanyId) };
    return { ...req, headers: { Accept: 'application/json', ...tenant, ...req.headers } };
  }

  /**
   * Commvault hides most failures in HTTP 200 bodies; every shape of docs/upstreams/commvault.md §7 is read by
   * `findCommvaultError`. 401 (re-login), 429 (rate limit) and 5xx (retry) are the pipeline's to handle.
   */
  override errorFromResponse(res: UpstreamResponse, req: UpstreamRequest): GatewayError | undefined {
    if (res.status === 401 || res.status === 429 || res.status >= 500) return undefined;
    // There the nested `error` is part of the result (the mapper reads it); any other error shape still counts.
    const carried = res.status < 400 && req.route !== undefined && RESULT_WITH_ERROR_ROUTES.has(req.route);
    const found = findCommvaultError(carried ? withoutNestedError(res.body) : res.body);
    if (found) return this.upstreamError(found, res.status);
    if (res.status >= 400) return this.upstreamError(genericHttpError(res.status), res.status);
    // `{}` to a browse is cvpysdk's "index not ready" (docs/upstreams/commvault.md §4.4): an error, so it is not cached.
    if (req.route === BROWSE_ROUTE && !hasBrowseResult(res.body)) {
      return this.upstreamError({ message: 'The CommServe answered the browse without a result (its index may not be ready yet)' }, res.status);
    }
    return undefined;
  }

  // ── jobs ─────────────────────────────────────────────────────────────────────────────────────

  /**
   * `GET /Job` with paging in the `limit`/`offset` request headers. Without `jobTypes` an empty
   * `jobFilter=` is sent, because an omitted `jobFilter` means "backup jobs only" to Commvault.
   */
  async listJobs(options: ListJobsOptions): Promise<CvJobPage> {
    return this.mapped.map(await this.getJobList(options), toJobPage, this.upstream);
  }

  /**
   * The same `GET /Job` answer (the same call, cache entry and in-flight call as listJobs), its jobs
   * mapped only when asked for: for a merge that keeps few of them (the unified list's first page).
   */
  async listJobsByIndex(options: ListJobsOptions, merge: { keepsFew: boolean }): Promise<JobsByIndex> {
    return this.mapped.map(await this.getJobList(options, merge.keepsFew), toJobsByIndex, this.upstream);
  }

  /**
   * `keepsFew`: the caller keeps few of the jobs (a page merged from several upstreams), so the list is
   * kept as bytes and each job parsed when mapped (JOB_LIST_LAZY). A page that shows every job it reads
   * parses them all at once: reading each job's place from its bytes first cost such a page ~1 ms of CPU
   * (docs/performance.md). Either shape serves every reader of the answer.
   */
  private getJobList(options: ListJobsOptions, keepsFew = false): Promise<unknown> {
    return this.get('/Job', {
      query: {
        clientId: options.clientId,
        jobCategory: options.category,
        completedJobLookupTime: options.lookupSeconds,
        jobFilter: options.jobTypes && options.jobTypes.length > 0 ? options.jobTypes.join(',') : '',
      },
      headers: { limit: String(options.limit), offset: String(options.offset) },
      // Lists that can hold active jobs change by the second; only finished-only lists keep longer.
      cacheClass: options.category === 'Finished' ? 'jobsFinished' : 'jobsRunning',
      tags: ['jobs'],
      route: 'GET /Job',
      ...(keepsFew ? { lazyLists: JOB_LIST_LAZY } : {}),
    });
  }

  /**
   * `POST /Jobs` (the JobController list form): finished backup jobs of several clients in one call,
   * newest job id first, paged by `pagingConfig`. A read, though a POST: cached and retried as one.
   */
  async listFinishedBackupsOfClients(clientIds: readonly number[], page: { limit: number; offset: number }): Promise<CvJobPage> {
    const body = await this.post('/Jobs', {
      access: 'read',
      body: {
        scope: 1,
        // 2 = finished jobs only; an active job is not a successful backup yet.
        category: 2,
        pagingConfig: { sortDirection: 1, sortField: 'jobId', offset: page.offset, limit: page.limit },
        jobFilter: { showAgedJobs: false, hideAdminJobs: false, clientList: clientIds.map((clientId) => ({ clientId })), jobTypeList: [BACKUP_OP_TYPE] },
      },
      cacheClass: 'jobsFinished',
      tags: ['jobs'],
      route: 'POST /Jobs',
    });
    return this.mapped.map(body, toJobPage, this.upstream);
  }

  /**
   * `GET /Job/{id}`; null when the CommServe does not know the job (it answers 200 with total 0).
   * `fresh`: not read from nor stored in the response cache (live progress polls see the job as it is now).
   */
  async getJob(jobId: number, options: { fresh?: boolean } = {}): Promise<CvJob | null> {
    const body = await this.get(`/Job/${jobId}`, { cacheClass: options.fresh ? undefined : 'jobsRunning', tags: ['jobs'], route: 'GET /Job/{id}' });
    return this.mapped.map(body, toJobPage, this.upstream).items.find((j) => j.jobId === jobId) ?? null;
  }

  // ── job control and on-demand backup (writes: never retried, cached or coalesced) ───────────

  /**
   * `POST /Subclient/{id}/action/backup?backupLevel=`: the ids of the jobs it started. An unknown
   * subclient is NOT_FOUND; other refusals UPSTREAM_ERROR; no readable answer UPSTREAM_UNCERTAIN.
   * `invalidates`: the cache tags the backup changes (default `jobs`; a DDB Backup also `ddb`).
   */
  async startSubclientBackup(subclientId: number, level: CvBackupLevel, options: { invalidates?: string[] } = {}): Promise<number[]> {
    const body = await this.write(`/Subclient/${subclientId}/action/backup`, 'POST /Subclient/{id}/action/backup', { query: { backupLevel: level }, invalidates: options.invalidates });
    return toStartedJobIds(body);
  }

  /**
   * `POST /Job/{id}/action/pause|resume|kill`, or `/Job/{id}/action/Resubmit` (capital R, docs/upstreams/commvault.md
   * §3.7), which answers the new job's ids. Refusals ("Job [1] is already completed.") are UPSTREAM_ERROR
   * with Commvault's own message; an unknown job is NOT_FOUND.
   */
  async controlJob(jobId: number, action: CvJobAction): Promise<{ resubmittedJobIds: number[] }> {
    const verb = action === 'resubmit' ? 'Resubmit' : action;
    const body = await this.write(`/Job/${jobId}/action/${verb}`, `POST /Job/{id}/action/${verb}`);
    return { resubmittedJobIds: action === 'resubmit' ? toStartedJobIds(body) : [] };
  }

  // ── administrative operations (docs/upstreams/commvault.md §10; writes like the above) ─────

  /** `POST /CommServ/DRBackup`: the ids of the DR backup job it started. */
  async runDrBackup(type: CvDrBackupType, compress: boolean): Promise<number[]> {
    const body = await this.write('/CommServ/DRBackup', 'POST /CommServ/DRBackup', { body: drBackupBody(type, compress) });
    return toStartedJobIds(body);
  }

  /**
   * One DDB operation as a `POST /QCommand/qoperation execute` message: the job it started, or none
   * (seal). Drops the cached job lists and every DDB read (store list, details, pool details).
   */
  async runDdbOperation(operation: CvDdbOperation, store: CvDdbTarget): Promise<CvDdbOperationOutcome> {
    const body = await this.write(QOPERATION_PATH, QOPERATION_ROUTE, { body: ddbOperationMessage(operation, store), invalidates: ['jobs', 'ddb'] });
    return toDdbOperationOutcome(body);
  }

  /**
   * `POST /V4/Plan/BackupDestination/JobOperations`: delete, retain or (dis)allow copying jobs of one
   * plan backup destination (storage policy copy). Its 404 `{errorMessage, errorCode}` (unknown policy or
   * copy) is NOT_FOUND. Jobs change (retention, deletion), so cached job reads are dropped.
   */
  async runPlanJobOperations(op: CvPlanJobOperation): Promise<CvPlanJobOperationResult> {
    let body: unknown;
    try {
      body = await this.write('/V4/Plan/BackupDestination/JobOperations', PLAN_JOB_OPERATIONS_ROUTE, { body: planJobOperationsBody(op) });
    } catch (error) {
      if (isGatewayError(error) && error.code === ErrorCode.UPSTREAM_ERROR && error.upstream?.status === 404) {
        throw new GatewayError(ErrorCode.NOT_FOUND, error.message, { upstream: error.upstream, upstreamCode: error.upstreamCode });
      }
      throw error;
    }
    return toPlanJobOperationResult(body);
  }

  /** `GET /CommServ`: the CommCell id V4 operations name the CommServe by; null when the answer lacks it. */
  async getCommCellId(): Promise<number | null> {
    return toCommCellId(await this.get('/CommServ', { cacheClass: 'inventory', route: 'GET /CommServ' }));
  }

  // ── the CommServe itself (docs/upstreams/commvault.md §11) ─────────────────────────────────────

  /** `GET /CommServ`: name, host, version and time zone; null when the answer names no CommCell. */
  async getCommServe(): Promise<CvCommServe | null> {
    return this.mapped.map(await this.get('/CommServ', { cacheClass: 'inventory', route: 'GET /CommServ' }), toCommServe, this.upstream);
  }

  /** `GET /V4/License`; null where V4 answers 404 (a service pack without it). */
  async getLicence(): Promise<CvLicence | null> {
    return this.v4Detail('/V4/License', 'GET /V4/License', toLicence, { cacheClass: 'inventory' });
  }

  /** `GET /CommcellRegistrationInformation` (V1). */
  async getRegistration(): Promise<CvRegistration> {
    return toRegistration(await this.get('/CommcellRegistrationInformation', { cacheClass: 'inventory', route: 'GET /CommcellRegistrationInformation' }));
  }

  /**
   * `GET /V4/AnomalousConditions?fromTime=` (Unix seconds, sent as a string): what the CommServe reports
   * about itself and its clients (high CPU or memory use, offline clients, anomalous runtimes).
   * `fromTime` is floored to CONDITIONS_STEP_S so that repeated asks share one cache entry; the caller
   * drops conditions older than it asked for.
   */
  async listHealthConditions(since: Date): Promise<CvHealthCondition[]> {
    const sinceS = Math.floor(since.getTime() / 1000);
    const fromTime = String(sinceS - (sinceS % CONDITIONS_STEP_S));
    const body = await this.get('/V4/AnomalousConditions', { query: { fromTime }, cacheClass: 'events', route: 'GET /V4/AnomalousConditions' });
    return this.mapped.map(body, toHealthConditions).filter((c) => c.at === null || c.at.getTime() >= since.getTime());
  }

  /** `GET /V4/CommCell/ActivityControl`: each activity enabled or not. Tagged so a toggle drops it. */
  async getActivityControl(): Promise<CvActivityControl[]> {
    const body = await this.get('/V4/CommCell/ActivityControl', { cacheClass: 'inventory', tags: [ACTIVITY_TAG], route: 'GET /V4/CommCell/ActivityControl' });
    return this.mapped.map(body, toCommCellActivityControl);
  }

  /**
   * `POST /CommCell/ActivityControl/{activityType}/Action/{Enable|Disable}`, no body → `{errorCode: 0}`
   * (cvpysdk's call). Drops the cached activity control and client details, which show it.
   */
  async setCommCellActivity(code: number, enable: boolean): Promise<void> {
    const action = enable ? 'Enable' : 'Disable';
    await this.write(`/CommCell/ActivityControl/${code}/Action/${action}`, `POST /CommCell/ActivityControl/{type}/Action/${action}`, {
      invalidates: [ACTIVITY_TAG],
    });
  }

  /** `GET /Commcell/DRBackup/Properties`: where DR backups go and how many are kept. */
  async getDrBackupSettings(): Promise<CvDrBackupSettings> {
    const body = await this.get('/Commcell/DRBackup/Properties', { cacheClass: 'inventory', route: 'GET /Commcell/DRBackup/Properties' });
    return toDrBackupSettings(body, this.upstream);
  }

  /**
   * The newest DR backup job, running or finished: `GET /Job?jobFilter=DR Backup`, one job. There is no
   * DR backup status read (docs/upstreams/commvault.md §11.5); the job list is where its outcome shows.
   */
  async lastDrBackupJob(): Promise<CvJob | null> {
    const page = await this.listJobs({ jobTypes: [DR_BACKUP_JOB_TYPE], category: 'All', limit: 1, offset: 0 });
    return page.items[0] ?? null;
  }

  /**
   * `POST /CreateTask` with a `taskInfo` message (restore, aux copy, data aging: built by
   * task-requests.ts): the ids of the jobs it started, none when the CommServe only scheduled the task
   * (`{taskId}` alone, docs/upstreams/commvault.md §3.8). A refusal naming an unknown object is NOT_FOUND.
   */
  async createTask(taskRequest: unknown): Promise<number[]> {
    const body = await this.write('/CreateTask', 'POST /CreateTask', { body: taskRequest });
    return toStartedJobIds(body);
  }

  /**
   * One write, then the cached reads it changes dropped (by default tag `jobs`: job lists and details),
   * so a read right after shows the new state. Also after UPSTREAM_UNCERTAIN: the write may have run.
   */
  private async write(path: string, route: string, options: WriteOptions = {}): Promise<unknown> {
    const tags = options.invalidates ?? ['jobs'];
    try {
      const send = options.method === 'PUT' ? this.put.bind(this) : this.post.bind(this);
      const body = await send(path, { access: 'write', query: options.query, body: options.body, rawBody: options.rawBody, route });
      await this.pipeline.invalidate(this.instanceId, tags);
      return body;
    } catch (error) {
      if (isGatewayError(error) && error.code === ErrorCode.UPSTREAM_UNCERTAIN) await this.pipeline.invalidate(this.instanceId, tags);
      throw unknownObjectAsNotFound(error);
    }
  }

  // ── clients, agents, backupsets, subclients ─────────────────────────────────────────────────

  /**
   * `GET /Client`: every client, once per TTL; loaders pick single clients out of it. A large inventory
   * stays bytes until a client is read (CLIENT_LIST_LAZY): a page needs a few of its clients.
   */
  async listClients(): Promise<CvClient[]> {
    return this.mapped.map(await this.clientList(), toClients, this.upstream);
  }

  /** The same `GET /Client` answer by id, each client mapped when first looked up (a page's clients, not the list). */
  async clientIndex(): Promise<ClientIndex> {
    return this.mapped.map(await this.clientList(), toClientIndex, this.upstream);
  }

  private clientList(): Promise<unknown> {
    return this.get('/Client', { cacheClass: 'inventory', route: 'GET /Client', lazyLists: CLIENT_LIST_LAZY });
  }

  async getClient(clientId: number): Promise<CvClient | null> {
    return this.mapped.map(await this.clientDetail(clientId), toClients, this.upstream).find((c) => c.clientId === clientId) ?? null;
  }

  /** A client's activity control (backup, restore, data aging) from `GET /Client/{id}`: the same cached answer as getClient. */
  async getClientActivityControl(clientId: number): Promise<CvActivityControl[] | null> {
    return toClientActivityOf(await this.clientDetail(clientId), clientId);
  }

  /**
   * `POST /Client/{id}` with the client's `clientActivityControl` (cvpysdk's body, docs/upstreams/commvault.md §11.4):
   * enables or disables one activity of one client. Drops the cached client details and activity control.
   */
  async setClientActivity(client: { clientId: number; name: string }, code: number, enable: boolean): Promise<void> {
    await this.write(`/Client/${client.clientId}`, 'POST /Client/{id}', { body: clientActivityBody(client.name, code, enable), invalidates: [ACTIVITY_TAG] });
  }

  /** `GET /Client/{id}` (an array of one), tagged: its activity control changes with the toggles. */
  private clientDetail(clientId: number): Promise<unknown> {
    return this.get(`/Client/${clientId}`, { cacheClass: 'inventory', tags: [ACTIVITY_TAG], route: 'GET /Client/{id}' });
  }

  async listAgents(clientId: number): Promise<CvAgent[]> {
    const body = await this.get('/Agent', { query: { clientId }, cacheClass: 'inventory', route: 'GET /Agent' });
    return toAgents(body, clientId, this.upstream);
  }

  async listBackupsets(clientId: number): Promise<CvBackupset[]> {
    const body = await this.get('/Backupset', {
      query: { clientId, propertyLevel: 10 },
      cacheClass: 'inventory',
      route: 'GET /Backupset',
    });
    return toBackupsets(body, clientId, this.upstream);
  }

  /** `GET /Instance?clientId=`: the agents' instances of one client (docs/upstreams/commvault-subclients.md §2). */
  async listAgentInstances(clientId: number): Promise<CvAgentInstance[]> {
    const body = await this.get('/Instance', { query: { clientId }, cacheClass: 'inventory', route: 'GET /Instance' });
    return toAgentInstances(body, clientId, this.upstream);
  }

  /** `GET /Subclient?clientId=`, the one request both subclient readers share (so one cache entry serves both). */
  private getSubclientList(clientId: number): Promise<unknown> {
    return this.get('/Subclient', { query: { clientId }, cacheClass: 'inventory', tags: [SUBCLIENTS_TAG], route: 'GET /Subclient' });
  }

  /** `GET /Subclient?clientId=`; tagged `subclients`: a content change shows in it. */
  async listSubclients(clientId: number): Promise<CvSubclient[]> {
    const body = await this.getSubclientList(clientId);
    return this.mapped.map(body, toSubclients, this.upstream);
  }

  /**
   * The client's DDB Backup subclients (docs/upstreams/commvault-aging.md §2): the same `GET /Subclient?clientId=`
   * answer as listSubclients (one cache entry), read for the DDB flag.
   */
  async listDdbBackupSubclients(clientId: number): Promise<CvSubclient[]> {
    const body = await this.getSubclientList(clientId);
    return this.mapped.map(body, toDdbBackupSubclients, this.upstream);
  }

  /**
   * `GET /Subclient/{id}` (an array of one): the subclient's full properties, content with filters and
   * exceptions among them. `fresh`: read past the cache (a content change works from what is).
   */
  async getSubclient(subclientId: number, options: { fresh?: boolean } = {}): Promise<CvSubclient | null> {
    const body = await this.get(`/Subclient/${subclientId}`, {
      cacheClass: options.fresh ? undefined : 'inventory',
      tags: [SUBCLIENTS_TAG],
      route: 'GET /Subclient/{id}',
    });
    return this.mapped.map(body, toSubclients, this.upstream).find((s) => s.subclientId === subclientId) ?? null;
  }

  /**
   * `POST /Subclient/{id}` with a content change (subclient-content.ts): answered `{response: [{errorCode,
   * errorString}]}` or `{errorCode, errorMessage}`, both read by findCommvaultError; an unknown subclient
   * is NOT_FOUND. Drops every cached subclient read, so the next one shows the change.
   */
  async updateSubclient(subclientId: number, body: Record<string, unknown>): Promise<void> {
    await this.write(`/Subclient/${subclientId}`, 'POST /Subclient/{id}', { body, invalidates: [SUBCLIENTS_TAG] });
  }

  /**
   * `GET /V4/Servers?showOnlyInfrastructureMachines=0`: every server with its installed agents, in one
   * call (the V1 way to learn a client's agents is one `GET /Agent` per client). Without the `=0` the
   * answer holds only the CommServe and MediaAgents.
   */
  async listServers(): Promise<CvServer[]> {
    const body = await this.get('/V4/Servers', {
      query: { showOnlyInfrastructureMachines: 0 },
      cacheClass: 'inventory',
      route: 'GET /V4/Servers',
    });
    return toServers(body);
  }

  // ── storage ──────────────────────────────────────────────────────────────────────────────────

  async listMediaAgents(): Promise<CvMediaAgent[]> {
    return this.mapped.map(await this.get('/V2/MediaAgents', { cacheClass: 'inventory', route: 'GET /V2/MediaAgents' }), toMediaAgents, this.upstream);
  }

  /** `GET /V4/mediaAgent/{id}`: status with maintenance, offline reason, index cache; null when V4 does not know it (404). */
  async getMediaAgentDetail(mediaAgentId: number): Promise<CvMediaAgentDetail | null> {
    return this.v4Detail(`/V4/mediaAgent/${mediaAgentId}`, 'GET /V4/mediaAgent/{id}', toMediaAgentDetail, { cacheClass: 'inventory' });
  }

  /**
   * `GET /StoragePool` (V1) rather than `GET /V4/Storage/Disk` + `GET /V4/Storage/Cloud`: one call
   * lists disk and cloud pools together (cloud told apart by `libraryVendorType`), it exists on every
   * service pack (V4 storage only on newer ones) and carries the same MB capacities.
   */
  async listStoragePools(): Promise<CvStoragePool[]> {
    return this.mapped.map(await this.get('/StoragePool', { cacheClass: 'capacity', route: 'GET /StoragePool' }), toStoragePools, this.upstream);
  }

  /** `GET /StoragePool/{id}`: the pool with its DDB stores. */
  async getStoragePool(storagePoolId: number): Promise<CvStoragePool | null> {
    // Tagged `ddb`: the detail lists the pool's DDB stores, which DDB operations change.
    const body = await this.get(`/StoragePool/${storagePoolId}`, { cacheClass: 'capacity', tags: ['ddb'], route: 'GET /StoragePool/{id}' });
    return this.mapped.map(body, toStoragePoolDetail, this.upstream);
  }

  /** `GET /V4/Storage/Disk/{id}`: dedupe savings, backup locations, associated plans. Null when unknown (V4 answers 404). */
  async getDiskStorage(storagePoolId: number): Promise<CvStorageDetail | null> {
    return this.v4Detail(`/V4/Storage/Disk/${storagePoolId}`, 'GET /V4/Storage/Disk/{id}', toDiskStorageDetail);
  }

  /** `GET /V4/Storage/Cloud/{id}`: as getDiskStorage, for cloud storage (buckets as backup locations). */
  async getCloudStorage(storagePoolId: number): Promise<CvStorageDetail | null> {
    return this.v4Detail(`/V4/Storage/Cloud/${storagePoolId}`, 'GET /V4/Storage/Cloud/{id}', toCloudStorageDetail);
  }

  async listLibraries(): Promise<CvLibrary[]> {
    return this.mapped.map(await this.get('/Library', { cacheClass: 'inventory', route: 'GET /Library' }), toLibraries, this.upstream);
  }

  /** `GET /Library/{id}`: mount paths with their space. */
  async getLibrary(libraryId: number): Promise<CvLibrary | null> {
    const body = await this.get(`/Library/${libraryId}`, { cacheClass: 'capacity', route: 'GET /Library/{id}' });
    return toLibraryDetail(body, libraryId, this.upstream);
  }

  async listStoragePolicies(): Promise<CvStoragePolicy[]> {
    return this.mapped.map(await this.get('/StoragePolicy', { cacheClass: 'inventory', route: 'GET /StoragePolicy' }), toStoragePolicies, this.upstream);
  }

  /** `GET /StoragePolicy/{id}`: the policy's copies. `name` fills in when the answer omits it. */
  async getStoragePolicy(storagePolicyId: number, name?: string): Promise<CvStoragePolicy> {
    const body = await this.get(`/StoragePolicy/${storagePolicyId}`, {
      cacheClass: 'inventory',
      // Its copies show their retention days, which a retention change sets.
      tags: ['plans'],
      route: 'GET /StoragePolicy/{id}',
    });
    return toStoragePolicyDetail(body, { storagePolicyId, name }, this.upstream);
  }

  /** DDB stores via the qoperation cvpysdk uses (no REST list exists); a read, so cached and retried. */
  async listDdbStores(): Promise<CvDdbStore[]> {
    const body = await this.post(QOPERATION_PATH, {
      body: DDB_ENGINES_REQUEST,
      access: 'read',
      cacheClass: 'capacity',
      tags: ['ddb'],
      route: QOPERATION_ROUTE,
    });
    return this.mapped.map(body, toDdbEngines, this.upstream);
  }

  /** `GET /DDBInformation/{id}`: the store with its partitions (free space, Q&I time). */
  async getDdbStore(storeId: number): Promise<CvDdbStore | null> {
    const body = await this.get(`/DDBInformation/${storeId}`, { cacheClass: 'capacity', tags: ['ddb'], route: 'GET /DDBInformation/{id}' });
    return toDdbStore(body, storeId, this.upstream);
  }

  // ── plans, events ────────────────────────────────────────────────────────────────────────────

  /** `GET /V2/Plan`; tagged `plans`: a retention change shows in its copies. */
  async listPlans(): Promise<CvPlan[]> {
    return this.mapped.map(await this.get('/V2/Plan', { cacheClass: 'inventory', tags: ['plans'], route: 'GET /V2/Plan' }), toPlans, this.upstream);
  }

  // ── plans in detail and retention (docs/upstreams/commvault.md §12); reads tagged `plans` ──────

  /** `GET /V2/Plan/{id}?propertyLevel=30` (cvpysdk's level): storage policy, schedule policy, workloads. Null when unknown. */
  async getPlanProperties(planId: number): Promise<CvPlanProperties | null> {
    const body = await this.get(`/V2/Plan/${planId}`, { query: { propertyLevel: 30 }, cacheClass: 'inventory', tags: ['plans'], route: 'GET /V2/Plan/{id}' });
    return toPlanProperties(body, planId);
  }

  /** `GET /V4/ServerPlan/{id}`: windows, RPO schedules, SLA, protected entities. Null when unknown (404). */
  async getServerPlan(planId: number): Promise<CvServerPlan | null> {
    return this.v4Detail(`/V4/ServerPlan/${planId}`, 'GET /V4/ServerPlan/{id}', (body) => toServerPlan(body, planId), { cacheClass: 'inventory', tags: ['plans'] });
  }

  /**
   * `GET /V4/ServerPlan/{id}/BackupDestinations` (lower-case `backupdestinations` in the answer): the
   * plan's copies with their retention. `fresh`: read past the cache (a change compares with what is).
   */
  async listPlanBackupDestinations(planId: number, options: { fresh?: boolean } = {}): Promise<CvPlanBackupDestination[] | null> {
    return this.v4Detail(
      `/V4/ServerPlan/${planId}/BackupDestinations`,
      'GET /V4/ServerPlan/{id}/BackupDestinations',
      (body) => toPlanBackupDestinations(body, planId, this.instanceId),
      { cacheClass: options.fresh ? undefined : 'inventory', tags: ['plans'] },
    );
  }

  /** `GET /V2/StoragePolicy/{id}/Copy/{copyId}`: a legacy copy's full retention; null when unknown. `fresh` as above. */
  async getStoragePolicyCopy(storagePolicyId: number, copyId: number, options: { fresh?: boolean } = {}): Promise<CvStoragePolicyCopyDetail | null> {
    try {
      const body = await this.get(`/V2/StoragePolicy/${storagePolicyId}/Copy/${copyId}`, {
        cacheClass: options.fresh ? undefined : 'inventory',
        tags: ['plans'],
        route: 'GET /V2/StoragePolicy/{id}/Copy/{copyId}',
      });
      return toStoragePolicyCopyDetail(body, storagePolicyId, copyId);
    } catch (error) {
      if (isGatewayError(error) && error.upstream?.status === 404) return null;
      throw unknownObjectAsNotFound(error);
    }
  }

  /**
   * `GET /V4/Plan/BackupDestination/{copyId}/Jobs`: the jobs on one copy with their retention state,
   * sent without filters (docs/upstreams/commvault.md §12.7). Tagged `jobs` and `plans`: backups, job
   * operations, aging runs and retention changes all change it.
   */
  async listCopyJobs(copyId: number): Promise<CvPlanCopyJob[]> {
    const body = await this.get(`/V4/Plan/BackupDestination/${copyId}/Jobs`, {
      cacheClass: 'jobsFinished',
      tags: ['jobs', 'plans'],
      route: 'GET /V4/Plan/BackupDestination/{id}/Jobs',
    });
    return list(field(body, 'jobs'))
      .map(toPlanCopyJob)
      .filter((j): j is CvPlanCopyJob => j !== null);
  }

  /**
   * `PUT /V4/ServerPlan/{planId}/BackupDestination/{copyId}` with the flat retention keys
   * (retention-change.ts). A destination the answer lists under `failedDestinations` is UPSTREAM_ERROR;
   * V4's 404 is NOT_FOUND. Drops every cached plan read.
   */
  async updatePlanDestinationRetention(planId: number, copyId: number, body: Record<string, unknown>): Promise<void> {
    const answer = await this.v4Write(`/V4/ServerPlan/${planId}/BackupDestination/${copyId}`, 'PUT /V4/ServerPlan/{id}/BackupDestination/{copyId}', body);
    const failed = list(field(answer, 'failedDestinations'));
    if (failed.length > 0) {
      throw new GatewayError(ErrorCode.UPSTREAM_ERROR, `The CommServe did not change backup destination ${copyId}`, { upstream: { instance: this.instanceId, status: 200 } });
    }
  }

  /** `PUT /V2/StoragePolicy/{id}/Copy/{copyId}` with the whole copy (retention-change.ts). Drops every cached plan read. */
  async updateStoragePolicyCopy(storagePolicyId: number, copyId: number, body: Record<string, unknown>): Promise<void> {
    await this.v4Write(`/V2/StoragePolicy/${storagePolicyId}/Copy/${copyId}`, 'PUT /V2/StoragePolicy/{id}/Copy/{copyId}', body);
  }

  /** A PUT whose 404 means an unknown object. */
  private async v4Write(path: string, route: string, body: Record<string, unknown>, invalidates: string[] = ['plans']): Promise<unknown> {
    try {
      return await this.write(path, route, { method: 'PUT', body, invalidates });
    } catch (error) {
      if (isGatewayError(error) && error.code === ErrorCode.UPSTREAM_ERROR && error.upstream?.status === 404) {
        throw new GatewayError(ErrorCode.NOT_FOUND, error.message, { upstream: error.upstream, upstreamCode: error.upstreamCode });
      }
      throw error;
    }
  }

  /** `GET /Events` (unpaged upstream); severities map to the `showX=false` switches. */
  async listEvents(options: ListEventsOptions = {}): Promise<CvEvent[]> {
    const query: Record<string, string | number | undefined> = {
      clientId: options.clientId,
      jobId: options.jobId,
      fromTime: options.fromTime ? Math.floor(options.fromTime.getTime() / 1000) : undefined,
      toTime: options.toTime ? Math.ceil(options.toTime.getTime() / 1000) : undefined,
    };
    if (options.severities) {
      for (const [severity, name] of SEVERITY_SWITCHES) if (!options.severities.includes(severity)) query[name] = 'false';
    }
    return this.mapped.map(await this.get('/Events', { query, cacheClass: 'events', route: 'GET /Events' }), toEvents, this.upstream);
  }

  async getEvent(eventId: number): Promise<CvEvent | null> {
    const body = await this.get(`/Events/${eventId}`, { cacheClass: 'events', route: 'GET /Events/{id}' });
    return this.mapped.map(body, toEvents, this.upstream).find((e) => e.eventId === eventId) ?? null;
  }

  // ── alerts ───────────────────────────────────────────────────────────────────────────────────

  /** `GET /AlertRule`: every alert rule (V1 does not say which are enabled: listAlertDefinitions does). */
  async listAlertRules(): Promise<CvAlertRule[]> {
    return this.mapped.map(await this.get('/AlertRule', { cacheClass: 'inventory', route: 'GET /AlertRule' }), toAlertRules, this.upstream);
  }

  /** `GET /V4/AlertDefinitions`: the rules as V4 shows them, with `enabled`. */
  async listAlertDefinitions(): Promise<CvAlertDefinition[]> {
    return this.mapped.map(await this.get('/V4/AlertDefinitions', { cacheClass: 'inventory', route: 'GET /V4/AlertDefinitions' }), toAlertDefinitions);
  }

  /** `GET /V4/TriggeredAlerts`: every alert raised (V4 is unpaged), newest first as the CommServe sends them. */
  async listTriggeredAlerts(): Promise<CvTriggeredAlert[]> {
    return this.mapped.map(await this.get('/V4/TriggeredAlerts', { cacheClass: 'events', route: 'GET /V4/TriggeredAlerts' }), toTriggeredAlerts, this.upstream);
  }

  // ── browse and find (reads of the backed-up data) ────────────────────────────────────────────

  /**
   * `POST /DoBrowse` with `opType` 0: the files and folders directly in `options.path` of the
   * subclient's backups as of `pointInTime`, one page. A read, so cached and retried; `jobsFinished`
   * because what a browse shows changes as backups finish. An unknown subclient is NOT_FOUND.
   */
  async browseSubclient(entity: CvBrowseEntity, options: BrowseOptions): Promise<CvBrowsePage> {
    return this.doBrowse(browseRequest(entity, options));
  }

  /** `POST /DoBrowse` with `opType` 1: names matching `pattern` at any depth below `options.path` (see browseSubclient). */
  async findInSubclient(entity: CvBrowseEntity, pattern: string, options: BrowseOptions): Promise<CvBrowsePage> {
    return this.doBrowse(findRequest(entity, pattern, options));
  }

  private async doBrowse(body: unknown): Promise<CvBrowsePage> {
    try {
      const answer = await this.post('/DoBrowse', { body, access: 'read', cacheClass: 'jobsFinished', tags: ['jobs'], route: BROWSE_ROUTE });
      return this.mapped.map(answer, toBrowsePage);
    } catch (error) {
      throw unknownObjectAsNotFound(error);
    }
  }

  // ── virtualisation and job detail (docs/upstreams/commvault.md, "Virtualisation", "Job detail") ──

  /** `GET /V4/Hypervisor`: every hypervisor (virtualisation pseudo-client) in one unpaged call. */
  async listHypervisors(): Promise<CvHypervisor[]> {
    return this.mapped.map(await this.get('/V4/Hypervisor', { cacheClass: 'inventory', route: 'GET /V4/Hypervisor' }), toHypervisors, this.upstream);
  }

  /**
   * `GET /VM?status=0` (all VMs) as one page of VM_LIST_LIMIT: `PagingInfo: 0,<n>` reads the same under
   * both meanings sources give the header (page number or start record). Tagged `jobs`: a VM backup
   * changes its last backup.
   */
  async listVirtualMachines(): Promise<CvVirtualMachine[]> {
    const body = await this.get('/VM', {
      query: { status: 0 },
      headers: { PagingInfo: `0,${VM_LIST_LIMIT}` },
      cacheClass: 'inventory',
      tags: ['jobs'],
      route: 'GET /VM',
    });
    return this.mapped.map(body, toVirtualMachines, this.upstream);
  }

  /**
   * `POST /JobDetails` `{jobId, showAttempt: true}`: one job's phases, reasons, throughput and VM
   * results. A read, though a POST; kept for the finished-job TTL once the job has finished.
   */
  async getJobDetail(jobId: number, finished: boolean): Promise<JobDetailRecord | null> {
    try {
      const body = await this.post('/JobDetails', {
        access: 'read',
        body: { jobId, showAttempt: true },
        cacheClass: finished ? 'jobsFinished' : 'jobsRunning',
        tags: ['jobs'],
        route: 'POST /JobDetails',
      });
      return this.mapped.map(body, toJobDetail);
    } catch (error) {
      throw unknownObjectAsNotFound(error);
    }
  }

  /**
   * `POST /V4/VirtualMachines/{uuid}/backup?backupLevel=` → `{taskId, jobIds}`: the ids of the jobs it
   * started. A write: never retried; job lists and the VM list are dropped once it is taken.
   */
  async startVirtualMachineBackup(uuid: string, level: CvVmBackupLevel): Promise<number[]> {
    const body = await this.write(`/V4/VirtualMachines/${encodeURIComponent(uuid)}/backup`, 'POST /V4/VirtualMachines/{uuid}/backup', { query: { backupLevel: level } });
    return toStartedJobIds(body);
  }

  // ── schedules (docs/upstreams/commvault-schedules.md); reads tagged `schedules` ────────────────

  /**
   * `GET /Schedules` filtered as cvpysdk filters it: `clientId`, then `apptypeId`, `backupsetId`,
   * `subclientId` (lower-case `apptypeId` as the docs spell it). Every subtask of every task listed.
   */
  async listSchedules(filter: CvScheduleFilter): Promise<CvSchedule[]> {
    const body = await this.get('/Schedules', {
      query: { clientId: filter.clientId, apptypeId: filter.applicationId, backupsetId: filter.backupsetId, subclientId: filter.subclientId },
      cacheClass: 'inventory',
      tags: [SCHEDULES_TAG],
      route: 'GET /Schedules',
    });
    return this.mapped.map(body, toSchedules, this.upstream);
  }

  /** `GET /Schedules/{taskId}`: the task with its associations and options; null when unknown. `fresh`: past the cache (a change re-sends it). */
  async getScheduleTask(taskId: number, options: { fresh?: boolean } = {}): Promise<CvScheduleTask | null> {
    const body = await this.get(`/Schedules/${taskId}`, {
      cacheClass: options.fresh ? undefined : 'inventory',
      tags: [SCHEDULES_TAG],
      route: 'GET /Schedules/{taskId}',
    });
    return toScheduleTask(body, this.upstream);
  }

  /** `GET /SchedulePolicy/{taskId}`: a schedule policy (a plan's data schedules); null when unknown. `fresh` as above. */
  async getSchedulePolicy(taskId: number, options: { fresh?: boolean } = {}): Promise<CvScheduleTask | null> {
    const body = await this.get(`/SchedulePolicy/${taskId}`, {
      cacheClass: options.fresh ? undefined : 'inventory',
      tags: [SCHEDULES_TAG, 'plans'],
      route: 'GET /SchedulePolicy/{taskId}',
    });
    return toScheduleTask(body, this.upstream);
  }

  /**
   * The RPO's schedules of `GET /V4/ServerPlan/{id}` as received (a change re-sends one); null when the
   * plan is unknown or not a server plan. `fresh`: past the cache.
   */
  async getPlanRpoSchedules(planId: number, options: { fresh?: boolean } = {}): Promise<Array<Record<string, unknown>> | null> {
    return this.v4Detail(`/V4/ServerPlan/${planId}`, 'GET /V4/ServerPlan/{id}', toRawRpoSchedules, { cacheClass: options.fresh ? undefined : 'inventory', tags: ['plans'] });
  }

  /**
   * The plan whose legacy detail names schedule policy `policyId` (`schedule.task`), or null: reads the
   * cached plan list and each plan's cached detail until one names it (docs/upstreams/commvault-schedules.md
   * §7, §10).
   */
  async planOfSchedulePolicy(policyId: number): Promise<number | null> {
    for await (const planId of this.plansNamingSchedulePolicy(policyId)) return planId;
    return null;
  }

  /** Each plan whose legacy detail names schedule policy `policyId`, read one plan at a time from the cached list and details. */
  private async *plansNamingSchedulePolicy(policyId: number): AsyncGenerator<number> {
    for (const plan of await this.listPlans()) {
      if ((await this.getPlanProperties(plan.planId))?.schedulePolicy?.id === policyId) yield plan.planId;
    }
  }

  /**
   * A plan's schedules: its schedule policy's (`GET /SchedulePolicy/{policyId}`), each pattern given the
   * weekdays of the month it skips, which only the plan's V4 read carries (docs/upstreams/commvault-schedules.md
   * §10). Null when the CommServe has no such policy. `fresh`: both read past the cache.
   */
  async getPlanSchedules(planId: number, policyId: number, options: { fresh?: boolean } = {}): Promise<CvSchedule[] | null> {
    const [policy, rpo] = await Promise.all([this.getSchedulePolicy(policyId, options), this.getPlanRpoSchedules(planId, options)]);
    return policy ? withRpoExceptions(policy.schedules, rpo ?? []) : null;
  }

  /**
   * Where schedule `taskId.scheduleId` lives, read past the cache (a change re-sends what it reads):
   * a schedule task's own; else a schedule policy's — a plan's when a plan's legacy detail names the
   * policy (`schedule.task`) and its V4 RPO lists the schedule (`policyId`, `scheduleId`), another
   * policy's otherwise (docs/upstreams/commvault-schedules.md §7). Null when the CommServe has no such
   * schedule. Finding the plan reads the cached plan list and each plan's cached detail until one names
   * the policy.
   */
  async locateSchedule(taskId: number, scheduleId: number): Promise<CvScheduleOwner | null> {
    const task = await this.getScheduleTask(taskId, { fresh: true });
    const own = task?.schedules.find((s) => s.scheduleId === scheduleId);
    if (task && own && own.taskType !== POLICY_TASK_TYPE) return { kind: 'task', schedule: own, task };
    const policy = own ? task : await this.getSchedulePolicy(taskId, { fresh: true });
    const schedule = policy?.schedules.find((s) => s.scheduleId === scheduleId);
    if (!policy || !schedule) return null;
    for await (const planId of this.plansNamingSchedulePolicy(taskId)) {
      const rpo = (await this.getPlanRpoSchedules(planId, { fresh: true })) ?? [];
      const rpoSchedule = rpo.find((s) => int(field(s, 'scheduleId')) === scheduleId && (int(field(s, 'policyId')) ?? taskId) === taskId);
      if (rpoSchedule) return { kind: 'plan', schedule, planId, rpoSchedule };
    }
    return { kind: 'policy', schedule, task: policy };
  }

  /**
   * Sends a schedule change where its owner takes it: a task message to `POST /QCommand/qoperation
   * execute`, the plan's `PUT /V4/ServerPlan/{id}/RPO`, or a policy's `PUT /Task`. Drops cached schedule
   * and plan reads (also after an uncertain outcome). V4's 404 is NOT_FOUND.
   */
  async sendScheduleWrite(write: CvScheduleWrite): Promise<void> {
    switch (write.kind) {
      case 'taskMessage':
        return this.sendScheduleMessage(write.body);
      case 'planRpo':
        await this.v4Write(`/V4/ServerPlan/${write.planId}/RPO`, 'PUT /V4/ServerPlan/{id}/RPO', write.body, ['plans', SCHEDULES_TAG]);
        return;
      case 'policy':
        await this.write('/Task', 'PUT /Task', { method: 'PUT', body: write.body, invalidates: [SCHEDULES_TAG, 'plans'] });
        return;
    }
  }

  /** `POST /CreateTask` with a schedule task (`taskType` 2) → `{taskId}`: the new task's id. Drops cached schedule reads. */
  async createScheduleTask(taskRequest: unknown): Promise<number> {
    return this.createScheduleTaskAt('/CreateTask', 'POST /CreateTask', taskRequest);
  }

  /** `POST /Task` with a schedule policy (`taskType` 4) → `{taskId}`: the new policy's id (cvpysdk `SchedulePolicies.add`). Drops cached schedule reads. */
  async createSchedulePolicy(policyRequest: unknown): Promise<number> {
    return this.createScheduleTaskAt('/Task', 'POST /Task', policyRequest);
  }

  private async createScheduleTaskAt(path: string, route: string, request: unknown): Promise<number> {
    const body = await this.write(path, route, { body: request, invalidates: [SCHEDULES_TAG] });
    const taskId = int(field(body, 'taskId'));
    if (taskId === null) {
      throw new GatewayError(ErrorCode.UPSTREAM_UNCERTAIN, 'The CommServe took the schedule but named no task id', { upstream: { instance: this.instanceId, status: 200 } });
    }
    return taskId;
  }

  /** A task message (`TMMsg_ModifyTaskReq`, `TMMsg_TaskOperationReq`) to `POST /QCommand/qoperation execute`. Drops cached schedule reads. */
  async sendScheduleMessage(message: unknown): Promise<void> {
    await this.write(QOPERATION_PATH, QOPERATION_ROUTE, { body: message, invalidates: [SCHEDULES_TAG] });
  }

  /** `POST /Schedules/task/Action/Enable|Disable` with the plain-text body `taskId=N` (the docs' and cvpysdk's form): the whole task. */
  async setScheduleTaskEnabled(taskId: number, enabled: boolean): Promise<void> {
    const action = enabled ? 'Enable' : 'Disable';
    await this.write(`/Schedules/task/Action/${action}`, `POST /Schedules/task/Action/${action}`, { rawBody: { text: `taskId=${taskId}`, contentType: 'text/plain' }, invalidates: [SCHEDULES_TAG] });
  }

  /**
   * `POST /v2/vsa/vm/{guid}/recover` with the XML `VMRestoreReq` (docs/upstreams/commvault-vm-restore.md) →
   * `{taskId, jobIds}`: the restore job it started. A write: never retried; job lists and the VM list are dropped.
   */
  async startVirtualMachineRestore(guid: string, request: VmRestoreRequest): Promise<number[]> {
    const body = await this.write(`/v2/vsa/vm/${encodeURIComponent(guid)}/recover`, 'POST /v2/vsa/vm/{guid}/recover', { rawBody: vmRestoreBody(request) });
    return toStartedJobIds(body);
  }

  // ── storage arrays and replication (docs/upstreams/commvault-arrays-replication.md) ──────────

  /** `GET /V4/StorageArrays`: every IntelliSnap array in one unpaged call (no status or capacity exists for arrays). */
  async listStorageArrays(): Promise<CvStorageArray[]> {
    return this.mapped.map(await this.get('/V4/StorageArrays', { cacheClass: 'inventory', route: 'GET /V4/StorageArrays' }), toStorageArrays, this.upstream);
  }

  /** `GET /V4/StorageArrays/{id}`: vendor, access nodes and snap configurations; null when unknown (404). */
  async getStorageArray(arrayId: number): Promise<CvStorageArrayDetail | null> {
    return this.v4Detail(`/V4/StorageArrays/${arrayId}`, 'GET /V4/StorageArrays/{id}', toStorageArrayDetail, { cacheClass: 'inventory' });
  }

  /** `GET /V4/ReplicationGroup` (singular): every replication group in one unpaged call. */
  async listReplicationGroups(): Promise<CvReplicationGroup[]> {
    const body = await this.get('/V4/ReplicationGroup', { cacheClass: 'inventory', route: 'GET /V4/ReplicationGroup' });
    return this.mapped.map(body, toReplicationGroups, this.upstream);
  }

  /**
   * Every replication pair: `GET /Replications/Monitors/streaming?subclientId=0` (periodic, Live Sync) and
   * `GET /Replications/Monitors/continuous` (BLR), in parallel; there is no pair list of its own
   * (`/V4/ReplicationPairs` does not exist). Periodic first, each monitor in its own order. Cached briefly
   * (`events` class) and tagged `jobs`: sync state and lag move with backups and replication jobs.
   */
  async listReplicationPairs(): Promise<CvReplicationPair[]> {
    const [streaming, continuous] = await Promise.all([
      this.get('/Replications/Monitors/streaming', {
        query: { subclientId: 0 },
        cacheClass: 'events',
        tags: ['jobs'],
        route: 'GET /Replications/Monitors/streaming',
      }),
      this.get('/Replications/Monitors/continuous', { cacheClass: 'events', tags: ['jobs'], route: 'GET /Replications/Monitors/continuous' }),
    ]);
    return [...this.mapped.map(streaming, toStreamingPairs, this.upstream), ...this.mapped.map(continuous, toContinuousPairs, this.upstream)];
  }

  // ── helpers ──────────────────────────────────────────────────────────────────────────────────

  /** V4 details answer 404 `{errorMessage, errorCode}` for an id they do not hold: that is "no such object". */
  private async v4Detail<T>(
    path: string,
    route: string,
    map: (body: unknown, upstream: UpstreamRef) => T | null,
    cache: { cacheClass?: CacheClass; tags?: string[] } = { cacheClass: 'capacity' },
  ): Promise<T | null> {
    try {
      return map(await this.get(path, { ...cache, route }), this.upstream);
    } catch (error) {
      if (isGatewayError(error) && error.upstream?.status === 404) return null;
      throw error;
    }
  }

  private upstreamError(found: CommvaultBodyError, status: number): GatewayError {
    return new GatewayError(ErrorCode.UPSTREAM_ERROR, this.scrub(found.message), {
      upstream: { instance: this.instanceId, status },
      upstreamCode: found.code,
    });
  }

  /** Errors from the login call must never carry the password, plain or base64 (messages reach clients). */
  private scrubbed(error: unknown): unknown {
    if (!isGatewayError(error) || this.scrub(error.message) === error.message) return error;
    return new GatewayError(error.code, this.scrub(error.message), {
      upstream: error.upstream,
      upstreamCode: error.upstreamCode,
      retryAfterMs: error.retryAfterMs,
    });
  }

  private scrub(message: string): string {
    if (this.password.length === 0) return message;
    const b64 = Buffer.from(this.password, 'utf8').toString('base64');
    return message.split(this.password).join('***').split(b64).join('***');
  }
}
