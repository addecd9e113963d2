/**
 * The upstream groups a cost is counted over: one per product (its name), e.g. Commvault (CommServes and
 * Cloud tenants answer the same calls) and Backup and DR consoles.
 */
export type UpstreamGroup = string;
/** Upstreams per group; a group not named has none. */
export type UpstreamCounts = Readonly<Record<UpstreamGroup, number>>;

/**
 * Items a stored history list holds for the fields below it (a day of 15-minute readings); the store is
 * not an upstream, so reading it costs no call.
 */
export const HISTORY_ITEMS = 96;

/** How many upstreams of a group a count holds. */
export const countOf = (counts: UpstreamCounts, group: UpstreamGroup): number => counts[group] ?? 0;

/** All upstreams of a count. */
export function totalOf(counts: UpstreamCounts): number {
  let total = 0;
  for (const group in counts) total += counts[group] as number;
  return total;
}

/**
 * A product's part of the estimate (src/resolvers/product.ts): the hints of its own types' fields, and
 * its share of the unified fields, which loop over the products as their resolvers do.
 */
export interface ProductCostModel {
  /** The product's group (its name). */
  readonly group: UpstreamGroup;
  /** Estimated calls of its own fields, by `Type.field`. */
  readonly hints: Readonly<Record<string, CostHint>>;
  /** Calls per upstream of one unified `jobs` page (reads `env.args.filter`, `env.selects('totalCount')`). */
  jobsPage(env: FieldEnv): number;
  /** Whether a `filter.client` global id names one of its workloads (then only that upstream is asked). */
  ownsWorkload?(typeName: string): boolean;
  /** Calls per upstream of one unified `events` page (reads `env.selects('totalCount')`); absent: it has no events. */
  eventsPage?(env: FieldEnv): number;
  /** Calls per upstream of `storagePools`; absent: it lists none. */
  readonly storageTargets?: number;
  /** Calls per upstream of `capacityAlerts`; absent: it takes no part. */
  readonly capacityTargets?: number;
  /** Calls per upstream of `jobStatusSummary` (and `healthReport`'s last 24 h); absent: it takes no part. */
  jobsInWindow?(env: FieldEnv): number;
  /** Calls per upstream of `healthReport`'s MEDIA_AGENTS check; absent: it has none. */
  readonly backupInfrastructure?: number;
  /** Calls per upstream of `healthReport`'s DDB check; absent: it has none. */
  readonly ddbHealth?: number;
  /** Calls per upstream of `unprotectedWorkloads`; absent: it takes no part. */
  unprotectedWorkloads?(env: FieldEnv): number;
  /** How many of its unprotected workloads one call reads the backup history of (UnprotectedWorkload's history fields); absent: one each. */
  readonly workloadHistoryIdsPerCall?: number;
  /** Details an object fetched by `node` holds (see FieldCost.shared). */
  readonly nodeHolds?: readonly string[];
}

/** What the estimate knows of the objects at one level of the answer. */
export interface Level {
  /** How many objects, all parents together. */
  readonly items: number;
  /** How many upstream instances of each group they may come from, in all (batched calls go once to each). */
  readonly upstreams: UpstreamCounts;
  /** On a connection object: its page size, i.e. how many `edges` it holds. */
  readonly page?: number;
  /** Details these objects already carry (see `shared`), so fields reading them make no call. */
  readonly holds?: ReadonlySet<string>;
}

/** What a hint may read of the field it prices. */
export interface FieldEnv {
  /** The field's arguments with variables and argument defaults substituted; absent ones undefined. */
  readonly args: Readonly<Record<string, unknown>>;
  /** How many upstreams of each group the caller may see. */
  readonly visible: UpstreamCounts;
  /** The registered products' cost models. */
  readonly products: readonly ProductCostModel[];
  /** The group of an upstream the caller may see; undefined for any other id. */
  groupOf(id: string): UpstreamGroup | undefined;
  /** A connection's page size from its `first`, as the resolvers take it (default 20, at most server.maxPageSize). */
  pageSize(first: unknown): number;
  /** Whether the field's own selection names `field`, as the resolvers decide it (src/resolvers/selection.ts). */
  selects(field: string): boolean;
  /** Epoch ms, for time windows given relative to now. */
  readonly now: number;
}

export interface FieldCost {
  /** Upstream calls this field makes for all its parents together. */
  readonly calls: number;
  /**
   * Calls of a per-request loader that several fields of the same objects read (a detail record):
   * charged once per level under `key`, and not at all when the objects already hold that detail.
   */
  readonly shared?: { readonly key: string; readonly calls: number };
  /** The objects of the field's value, for its own selection. */
  readonly child: Level;
  /**
   * How `calls` split over the product groups, for a unified field whose products price it differently
   * (the budget check charges each group's upstreams their part). @default the hint's own product's
   * group, or for a unified field evenly over the upstreams of its objects
   */
  readonly byGroup?: Readonly<Record<UpstreamGroup, number>>;
}

/** A field's estimated upstream calls, given the objects it is selected on. */
export type CostHint = (parent: Level, env: FieldEnv) => FieldCost;

interface ChildOptions {
  /** Objects per parent (lists without `first`: an assumed size). @default 1 */
  items?: number;
  /** Details the field's objects arrive with (shared keys their fields need not load). */
  holds?: readonly string[];
}

const NONE: UpstreamCounts = {};

/**
 * A level of `items` objects from (at most) the given upstreams. Each object comes from one upstream,
 * so never more upstreams than objects, except for connection objects (`page`): one page merges several.
 */
export function level(items: number, upstreams: UpstreamCounts, holds?: ReadonlySet<string>, page?: number): Level {
  if (page !== undefined) return { items, upstreams, page, ...(holds ? { holds } : {}) };
  const capped: Record<UpstreamGroup, number> = {};
  for (const group in upstreams) capped[group] = Math.min(items, upstreams[group] as number);
  return holds ? { items, upstreams: capped, holds } : { items, upstreams: capped };
}

/** `holds` as the set levels carry, made once per hint. */
const heldSet = (holds: readonly string[] | undefined): ReadonlySet<string> | undefined =>
  holds && holds.length > 0 ? new Set(holds) : undefined;

const shareOf = (key: string | undefined, calls: number): Pick<FieldCost, 'calls' | 'shared'> =>
  key === undefined ? { calls } : { calls: 0, shared: { key, calls } };

/** Read from the parent object (or the config): no call. */
export function free(options: ChildOptions = {}): CostHint {
  const holds = heldSet(options.holds);
  return (parent) => ({ calls: 0, child: level(parent.items * (options.items ?? 1), parent.upstreams, holds) });
}

/**
 * A root list over every upstream of `over` the caller may see, or the one its `upstream` argument
 * names: `calls` per upstream asked (a number, or one computed from the arguments). `items: 'page'`
 * makes it a connection (one merged page of `first` edges); a number is the objects each upstream lists.
 */
export function fanOut(
  over: UpstreamGroup | 'all',
  options: Omit<ChildOptions, 'items'> & { calls?: number | ((env: FieldEnv) => number); items: 'page' | number },
): CostHint {
  const holds = heldSet(options.holds);
  return (parent, env) => {
    const asked = askedUpstreams(over, env);
    const perUpstream = typeof options.calls === 'function' ? options.calls(env) : (options.calls ?? 1);
    const counted = totalOf(asked);
    const calls = parent.items * perUpstream * counted;
    if (options.items === 'page') return { calls, child: level(parent.items, asked, holds, env.pageSize(env.args.first)) };
    return { calls, child: level(parent.items * options.items * counted, asked, holds) };
  };
}

/** The upstreams a root list asks: the one named by its `upstream` argument, else every one of its group. */
export function askedUpstreams(over: UpstreamGroup | 'all', env: FieldEnv): UpstreamCounts {
  const named = env.args.upstream;
  if (typeof named === 'string') {
    const group = env.groupOf(named);
    // An id the caller cannot see is BAD_USER_INPUT before any call.
    if (!group || (over !== 'all' && group !== over)) return NONE;
    return { ...NONE, [group]: 1 };
  }
  return over === 'all' ? env.visible : { [over]: countOf(env.visible, over) };
}

/**
 * `calls` per parent object: `eachKey` loaders, detail endpoints, lists scoped to the parent. With
 * `items: 'page'` the field is a connection per parent (`first` edges each); `totalCount` adds that
 * many calls per parent when selected (a console HEAD). `shares` names the detail record several
 * fields of the object load through one loader.
 */
export function perParent(
  calls: number,
  options: Omit<ChildOptions, 'items'> & { items?: number | 'page'; shares?: string; totalCount?: number } = {},
): CostHint {
  const holds = heldSet(options.holds);
  return (parent, env) => {
    const heads = options.totalCount && env.selects('totalCount') ? options.totalCount : 0;
    const cost = shareOf(options.shares, parent.items * (calls + heads));
    if (options.items === 'page') return { ...cost, child: level(parent.items, parent.upstreams, holds, env.pageSize(env.args.first)) };
    return { ...cost, child: level(parent.items * (options.items ?? 1), parent.upstreams, holds) };
  };
}

/**
 * `calls` per upstream instance the parents come from, however many parents: loaders answered by one
 * cached list per instance, or by id unions (one call per instance per `idsPerCall` ids).
 */
export function batched(
  group: UpstreamGroup,
  options: ChildOptions & { calls?: number; shares?: string; idsPerCall?: number } = {},
): CostHint {
  const holds = heldSet(options.holds);
  return (parent) => {
    const upstreams = countOf(parent.upstreams, group);
    let batches = Math.min(parent.items, upstreams);
    // An id-union loader sends at most `idsPerCall` ids in one call.
    if (options.idsPerCall && upstreams > 0) batches = Math.max(batches, Math.ceil(parent.items / options.idsPerCall));
    return {
      ...shareOf(options.shares, batches * (options.calls ?? 1)),
      child: level(parent.items * (options.items ?? 1), parent.upstreams, holds),
    };
  };
}

/**
 * A field that first reads a shared detail (`first`, priced with its `shares` key) and then makes
 * calls of its own (`then`, whose objects are the field's value).
 */
export function after(first: CostHint, then: CostHint): CostHint {
  return (parent, env) => {
    const before = first(parent, env);
    const own = then(parent, env);
    return { calls: before.calls + own.calls, ...(before.shared ? { shared: before.shared } : {}), child: own.child };
  };
}
