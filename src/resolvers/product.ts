import type { GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../context.js';
import type { EventConditions, JobConditions } from '../datasources/domain.js';
import type { UpstreamProduct } from '../datasources/product.js';
import type { UpstreamSource } from '../datasources/upstream-source.js';
import type { BackupInfrastructure, DdbFacts } from '../monitoring/health.js';
import type { TimeWindow } from '../monitoring/window.js';
import type { InstancePage } from '../paging/fan-out.js';
import type { JobPosition } from '../paging/job-order.js';
import type { MergeablePage } from '../paging/position-fan-out.js';
import type { ProductCostModel } from '../plugins/cost/hint-kinds.js';
import type { BackupEvent } from '../schema/unified/backup-event.type.js';
import type { JobAction } from '../schema/unified/job-action.enum.js';
import type { Job } from '../schema/unified/job.type.js';
import type { Node } from '../schema/unified/node.type.js';
import type { StorageTarget } from '../schema/unified/storage-target.type.js';
import type { ProtectionSummaryPart } from '../schema/unified/protection-summary.type.js';
import type { UnprotectedWorkload } from '../schema/unified/unprotected-workload.type.js';
import type { GlobalIdParts } from '../util/global-id.js';
import type { LiveJobRead } from '../subscriptions/live-job.js';

/** What a unified job list asks for, in the graph's terms: each product turns it into its own upstream calls. */
export type UnifiedJobSearch = JobConditions;

/** One product's streams of a unified job list, in the list's order (src/paging/job-order.ts), paged by position. */
export interface ProductJobs<S> {
  /** The source's jobs after `after` (null: from the start), `first` at least when it has them; `hint` as the cursor kept it. */
  fetch(source: S, after: JobPosition | null, first: number, hint: number | undefined): Promise<MergeablePage<Job>>;
  /** A job's place in the list. */
  positionOf(job: Job, source: S): JobPosition;
  /**
   * Called before the page is answered with the sources of this product that have jobs on it (e.g. to
   * hold relations preloaded beside the page for its fields).
   */
  settle?(sources: ReadonlySet<S>): void;
}

/** One product's stream of the unified `events` list: one page per source from an offset, newest first. */
export interface ProductEvents<S> {
  fetch(source: S, offset: number, first: number): Promise<InstancePage<BackupEvent>>;
}

/** A job list narrowed to one workload (a client filter): the product owning it says which source and search. */
export interface NarrowedJobs<S> {
  source: S;
  jobs: ProductJobs<S>;
}

/** One job of `controlJobs`, its id already checked; nothing is sent until `run`. */
export interface ControllableJob {
  /** The upstream holding the job. */
  readonly instanceId: string;
  /**
   * Carries the action out on this job: the job after it, and the new job of a RESUBMIT.
   * @throws GatewayError this job's failure (NOT_FOUND, UPSTREAM_ERROR, UPSTREAM_UNCERTAIN, NOT_SUPPORTED…); the other jobs go on.
   */
  run(action: JobAction): Promise<{ job: Job | null; resubmittedJob: Job | null }>;
}

/**
 * The graph half of a product (Commvault; Backup and DR; …), registered once in src/products.ts. The
 * unified fields (`jobs`, `storagePools`, `node`, the monitoring fields), the schema build and the cost
 * limit loop over the registered products and never name one. Optional parts are the ones a product
 * may not have (a product without DDBs or capacity figures): it is then left out of that field.
 */
export interface GraphProduct<S extends UpstreamSource = UpstreamSource> {
  /** The datasource half: kinds served, sources. */
  readonly upstreams: UpstreamProduct<S>;
  /** type-graphql resolver classes of the product's own types and root fields. */
  readonly resolvers: readonly Function[];
  /** Its object types that implement an interface, so each is in the schema even where no field names it. */
  readonly types: readonly Function[];
  /** The product's part of the cost estimate: its fields' hints and its share of the unified fields. */
  readonly cost: ProductCostModel;
  /** Its streams of the unified `jobs` list over `sources` (`wantTotal`: `totalCount` is selected). */
  jobs(ctx: GatewayContext, info: GraphQLResolveInfo, sources: readonly S[], search: UnifiedJobSearch, wantTotal: boolean): ProductJobs<S>;
  /**
   * The unified `jobs` list narrowed to one of its workloads, named by global id (`filter.client`).
   * @throws BAD_USER_INPUT when the id names none of its workloads.
   */
  jobsOfWorkload?(ctx: GatewayContext, info: GraphQLResolveInfo, search: UnifiedJobSearch, workloadId: string): NarrowedJobs<S>;
  /**
   * Its stream of the unified `events` list over one source: a page from an offset, newest first, with
   * how many match (`wantTotal`: `totalCount` is selected). Absent: the product has no events.
   */
  events?(search: EventConditions, wantTotal: boolean): ProductEvents<S>;
  /** Every storage target of one upstream (`storagePools`). */
  storageTargets?(ctx: GatewayContext, source: S): Promise<readonly StorageTarget[]>;
  /** The storage targets `capacityAlerts` and `healthReport`'s CAPACITY check weigh. */
  capacityTargets?(ctx: GatewayContext, source: S): Promise<readonly StorageTarget[]>;
  /**
   * Every job started in the window on one upstream (`jobStatusSummary`, `healthReport`): exactly the jobs
   * its `jobs` streams list for `windowConditions(window)` (src/monitoring/job-conditions.ts).
   */
  jobsInWindow?(ctx: GatewayContext, source: S, window: TimeWindow): Promise<readonly Job[]>;
  /** The machines that move its backups, online or not (`healthReport`'s MEDIA_AGENTS check). */
  backupInfrastructure?(ctx: GatewayContext, source: S): Promise<BackupInfrastructure>;
  /** Its deduplication stores with their partitions (`healthReport`'s DDB check). */
  ddbHealth?(ctx: GatewayContext, source: S): Promise<readonly DdbFacts[]>;
  /**
   * Workloads of one upstream without a successful backup started since `cutoff`, ordered by name (docs/schema.md,
   * "Protected workloads", gives each product's rule and upstream calls).
   */
  unprotectedWorkloads?(ctx: GatewayContext, source: S, cutoff: Date): Promise<UnprotectedWorkload[]>;
  /**
   * The same workloads split three ways for `protectionSummary`: unprotected as `unprotectedWorkloads` has
   * them, the others protected or, when their newest successful backup started before `staleCutoff`, stale.
   * Present exactly when `unprotectedWorkloads` is.
   */
  protectionSummary?(ctx: GatewayContext, source: S, cutoff: Date, staleCutoff: Date): Promise<ProtectionSummaryPart>;
  /**
   * One of its jobs for `controlJobs`, by the parts of its global id; undefined when the type is not one
   * of its job types. Nothing is sent yet: every id of the list is checked before any action.
   * @throws BAD_USER_INPUT for one of its job types with a malformed local id or an upstream the caller cannot use.
   */
  controlJob?(ctx: GatewayContext, job: GlobalIdParts): ControllableJob | undefined;
  /**
   * One of its objects by the parts of a global id, on an upstream of this product the caller may see;
   * null when there is no such object (an unknown type or id reads the same).
   */
  node(ctx: GatewayContext, instanceId: string, typeName: string, localId: string): Promise<Node | null>;
  /**
   * One of its jobs read fresh for `Subscription.jobProgress`, by the parts of its global id; null when the
   * type is none of its job types or the id cannot name one. Absent: the product's jobs have no live progress.
   */
  liveJob?(ctx: GatewayContext, instanceId: string, typeName: string, localId: string): LiveJobRead | null;
}
