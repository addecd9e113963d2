import { MAX_CONTROLLED_JOBS } from '../../mutations/control-limits.js';
import { fromGlobalId } from '../../util/global-id.js';
import { HISTORY_ITEMS, countOf, free, perParent, totalOf, level, type CostHint, type FieldEnv, type ProductCostModel, type UpstreamCounts } from './hint-kinds.js';

/**
 * Sizes the estimate assumes for unified lists the upstreams size (no `first`). Each product states its
 * own in its cost model (src/resolvers/<product>/cost.ts).
 */
export const ASSUMED = {
  /** Storage targets of one upstream (demo: 5 pools, 12 console disk pools). */
  storagePools: 15,
  /** Workloads without a successful backup in the window (demo: 14). */
  unprotectedWorkloads: 25,
  /** Checks of one upstream in `healthReport` (five areas at most). */
  healthChecks: 5,
  /** Any other list read from its parent. */
  OTHER_LIST: 10,
} as const;


/** The shared detail records of the unified objects (see FieldCost.shared). */
const DETAIL = { backupHistory: 'workload backup history' } as const;

const modelOf = (env: FieldEnv, group: string): ProductCostModel | undefined => env.products.find((p) => p.group === group);

/** `Query.jobs` asks every upstream the caller may see, or those in `filter.upstream`; a workload (`filter.client`) narrows it to its own. */
function jobsUpstreams(env: FieldEnv): UpstreamCounts {
  const filter = (env.args.filter ?? {}) as { upstream?: unknown; client?: unknown };
  let counts: UpstreamCounts = env.visible;
  if (Array.isArray(filter.upstream) && filter.upstream.length > 0) {
    const named: Record<string, number> = {};
    for (const id of new Set(filter.upstream.filter((id): id is string => typeof id === 'string'))) {
      const group = env.groupOf(id);
      if (group) named[group] = (named[group] ?? 0) + 1;
    }
    counts = named;
  }
  if (typeof filter.client !== 'string') return counts;
  // A workload lives on one upstream of one product. An id that names none is refused by the resolver
  // before any call; until then the bound is one upstream of each product that has workloads.
  let parts;
  try {
    parts = fromGlobalId(filter.client);
  } catch {
    parts = undefined;
  }
  const group = parts && env.groupOf(parts.instanceId);
  const owner = group ? modelOf(env, group) : undefined;
  if (parts && owner?.ownsWorkload?.(parts.typeName)) return { [owner.group]: Math.min(1, countOf(counts, owner.group)) };
  const bound: Record<string, number> = {};
  for (const model of env.products) if (model.ownsWorkload) bound[model.group] = Math.min(1, countOf(counts, model.group));
  return bound;
}

/** The unified job list: per upstream asked, what its product says one page costs (`jobsPage`). */
const unifiedJobs: CostHint = (parent, env) => {
  const asked = jobsUpstreams(env);
  let perPage = 0;
  const byGroup: Record<string, number> = {};
  for (const model of env.products) {
    const calls = countOf(asked, model.group) * model.jobsPage(env);
    byGroup[model.group] = parent.items * calls;
    perPage += calls;
  }
  return { calls: parent.items * perPage, byGroup, child: { items: parent.items, upstreams: asked, page: env.pageSize(env.args.first) } };
};

/** `Query.events` asks every upstream the caller may see, or those in `filter.upstream`, of the products that have events. */
const unifiedEvents: CostHint = (parent, env) => {
  const filter = (env.args.filter ?? {}) as { upstream?: unknown };
  const named = Array.isArray(filter.upstream) && filter.upstream.length > 0 ? new Set(filter.upstream.filter((id): id is string => typeof id === 'string')) : undefined;
  const asked: Record<string, number> = {};
  const byGroup: Record<string, number> = {};
  let calls = 0;
  for (const model of env.products) {
    if (!model.eventsPage) continue;
    const count = named ? [...named].filter((id) => env.groupOf(id) === model.group).length : countOf(env.visible, model.group);
    if (count === 0) continue;
    asked[model.group] = count;
    byGroup[model.group] = parent.items * count * model.eventsPage(env);
    calls += byGroup[model.group] as number;
  }
  return { calls, byGroup, child: { items: parent.items, upstreams: asked, page: env.pageSize(env.args.first) } };
};

/**
 * A root list over the products that take part in it (`perUpstream` defined), each upstream asked
 * (every one the caller may see, or the one its `upstream` argument names) costing what its product says;
 * `items` objects per upstream asked.
 */
function productFanOut(perUpstream: (model: ProductCostModel, env: FieldEnv) => number | undefined, items: number): CostHint {
  return (parent, env) => {
    const named = env.args.upstream;
    const asked: Record<string, number> = {};
    const byGroup: Record<string, number> = {};
    let calls = 0;
    for (const model of env.products) {
      const per = perUpstream(model, env);
      if (per === undefined) continue;
      const count = typeof named === 'string' ? (env.groupOf(named) === model.group ? 1 : 0) : countOf(env.visible, model.group);
      if (count === 0) continue;
      asked[model.group] = count;
      byGroup[model.group] = parent.items * count * per;
      calls += count * per;
    }
    return { calls: parent.items * calls, byGroup, child: level(parent.items * items * totalOf(asked), asked) };
  };
}

/**
 * `controlJobs`, per job: the action and the job read back (a console's cancel answers the job itself), and
 * for RESUBMIT the new job's read. Ids not known yet: the most allowed. Any upstream the caller sees may hold them.
 */
const controlJobs: CostHint = (_parent, env) => {
  const input = env.args.input as { jobs?: unknown; action?: unknown } | undefined;
  // A list the resolver refuses (empty, or over the most allowed) makes no call: BAD_USER_INPUT, not a budget refusal.
  if (Array.isArray(input?.jobs) && (input.jobs.length === 0 || input.jobs.length > MAX_CONTROLLED_JOBS)) return { calls: 0, child: level(0, env.visible) };
  const jobs = Array.isArray(input?.jobs) ? input.jobs.length : MAX_CONTROLLED_JOBS;
  const perJob = input?.action === 'RESUBMIT' ? 3 : 2;
  return { calls: jobs * perJob, child: level(jobs, env.visible) };
};

/**
 * The history fields of `unprotectedWorkloads`, one shared read: per upstream of each product, one call per
 * workload, or one per `workloadHistoryIdsPerCall` workloads where the product batches them.
 */
const workloadHistory: CostHint = (parent, env) => {
  const upstreams = totalOf(parent.upstreams);
  let calls = 0;
  for (const model of env.products) {
    const count = countOf(parent.upstreams, model.group);
    if (count === 0) continue;
    // The workloads spread evenly over the upstreams they come from.
    const perUpstream = parent.items / upstreams;
    const per = model.workloadHistoryIdsPerCall;
    calls += count * (per ? Math.ceil(perUpstream / per) : Math.ceil(perUpstream));
  }
  return { calls: 0, shared: { key: DETAIL.backupHistory, calls }, child: level(parent.items, parent.upstreams) };
};

/** `Query.node`: a loader or detail call for the id's type; the object holds what that product's node fetch keeps. */
const node: CostHint = (parent, env) => perParent(1, { holds: env.products.flatMap((p) => p.nodeHolds ?? []) })(parent, env);

/**
 * Estimated upstream calls of the unified fields, which loop over the registered products as their
 * resolvers do. Each product adds the hints of its own fields (its `ProductCostModel.hints`);
 * test/unit/cost-hints.test.ts keeps the merged table and the schema in step both ways.
 *
 * Logins and console OPTIONS metadata are not counted: they are once per session or per hour, not per
 * request. A loader is per request, so a relation batched through it is one call for the whole parent
 * list, not one per item.
 */
export const UNIFIED_COST_HINTS: Readonly<Record<string, CostHint>> = {
  'Query.upstreams': free({ items: ASSUMED.OTHER_LIST }),
  'Query.node': node,
  // Each event of a job's progress is one read of the job, shared by every subscriber (src/subscriptions);
  // priced as the first event, which is what the subscribe costs before anything is shared.
  'Subscription.jobProgress': node,
  'Query.jobs': unifiedJobs,
  'Query.events': unifiedEvents,
  'Query.storagePools': productFanOut((m) => m.storageTargets, ASSUMED.storagePools),
  'Query.capacityAlerts': productFanOut((m) => m.capacityTargets, ASSUMED.storagePools),
  'Query.jobStatusSummary': productFanOut((m, env) => m.jobsInWindow?.(env), 1),
  'Query.unprotectedWorkloads': productFanOut((m, env) => m.unprotectedWorkloads?.(env), ASSUMED.unprotectedWorkloads),
  // The same reads as `unprotectedWorkloads`, per upstream; its lists hold the assumed workloads.
  'Query.protectionSummary': productFanOut((m, env) => m.unprotectedWorkloads?.(env), ASSUMED.unprotectedWorkloads),
  // Every product takes part (CONNECTIVITY needs no call of its own); its reads are those of the other fields.
  'Query.healthReport': productFanOut(
    (m, env) => (m.capacityTargets ?? 0) + (m.jobsInWindow?.(env) ?? 0) + (m.backupInfrastructure ?? 0) + (m.ddbHealth ?? 0),
    ASSUMED.healthChecks,
  ),
  // Read from the summary's own jobs.
  'JobStatusSummary.failures': free({ items: ASSUMED.OTHER_LIST }),
  'Mutation.controlJobs': controlJobs,
  // The workloads' backup history, shared by the three fields.
  'UnprotectedWorkload.lastSuccessfulBackupAt': workloadHistory,
  'UnprotectedWorkload.lastJobStatus': workloadHistory,
  'UnprotectedWorkload.lastJob': workloadHistory,
  // The gateway's history store (docs/history.md): no upstream call.
  'Upstream.historySource': free(),
  // From the configuration: no upstream call.
  'Upstream.tlsVerification': free(),
  'Query.jobHistory': free({ items: ASSUMED.OTHER_LIST }),
  'Query.healthReports': free({ items: HISTORY_ITEMS }),
  'Query.capacityForecast': free(),
  'Query.alerts': free({ items: ASSUMED.OTHER_LIST }),
  'Mutation.acknowledgeAlert': free(),
  'Subscription.alertRaised': free(),
};

/** The whole table: the unified fields and every product's own. */
export function costHintsOf(products: readonly ProductCostModel[]): Readonly<Record<string, CostHint>> {
  return Object.assign({}, UNIFIED_COST_HINTS, ...products.map((p) => p.hints));
}
