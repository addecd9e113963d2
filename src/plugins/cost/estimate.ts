import {
  getNamedType,
  getOperationAST,
  isAbstractType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../../paging/pagination.js';
import { level, totalOf, type CostHint, type FieldCost, type FieldEnv, type Level, type ProductCostModel, type UpstreamCounts, type UpstreamGroup } from './hint-kinds.js';
import { ASSUMED, costHintsOf } from './hints.js';
import { argumentsOf, collectFields, namesField, variablesOf, type Reading } from './selections.js';

export interface CostInput {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  /** The request's variables, as sent. */
  variables?: Readonly<Record<string, unknown>>;
  /** The upstreams the caller may see, with their group. */
  upstreams: ReadonlyArray<{ id: string; group: UpstreamGroup }>;
  /** `server.maxPageSize`: the resolvers refuse a larger `first`, so none is priced above it. */
  maxPageSize: number;
  /** @default Date.now() */
  now?: number;
  /** The registered products' cost models (src/products.ts). */
  products: readonly ProductCostModel[];
  /** @default the unified hints and every product's (costHintsOf) */
  hints?: Readonly<Record<string, CostHint>>;
}

/** One upstream's estimated share of an operation's calls, by the bucket they spend from. */
export interface UpstreamCalls {
  /** The upstream's configured id. */
  id: string;
  read: number;
  write: number;
}

/** An operation's estimate: all calls, and each upstream's share (only those with calls). */
export interface CostBreakdown {
  total: number;
  upstreams: readonly UpstreamCalls[];
}

/**
 * The upstream calls an operation is estimated to make, from the cost hints (hints.ts) and the page
 * sizes it asks for. Pure: it reads the document, the variables, the caller's upstreams and `now`.
 *
 * A selection on an interface or union is priced as its most expensive possible type: a list's items
 * are counted, not typed, so the bound is "every item is of the dearest kind". A sum would charge each
 * item for fragments of types it cannot be (a `node` with fragments for ten types, ten times).
 */
export function estimateCost(input: CostInput): number {
  return estimateCostBreakdown(input).total;
}

/**
 * `estimateCost`, with each upstream's share of the calls by read and write (the budget check compares
 * them with each upstream's bucket). A field's calls go to its product's group (a unified field's split
 * as its hint says, else evenly over the upstreams of its objects) and, within a group, evenly over the
 * upstreams its objects come from: a fan-out over three CommServes charges each a third. Calls of a
 * Mutation root field are writes, everything else reads. The upstreams charged are the group's visible
 * ones, or only those the operation names (an `upstream` argument or a global id) when it names any.
 */
export function estimateCostBreakdown(input: CostInput): CostBreakdown {
  const operation = getOperationAST(input.document, input.operationName ?? undefined);
  if (!operation) return NOTHING;
  const root = input.schema.getRootType(operation.operation);
  if (!root) return NOTHING;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of input.document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const reading: Reading = { schema: input.schema, fragments, variables: variablesOf(operation, input.variables) };
  const groups = new Map(input.upstreams.map((u) => [u.id, u.group]));
  const visible: Record<UpstreamGroup, number> = {};
  for (const u of input.upstreams) visible[u.group] = (visible[u.group] ?? 0) + 1;
  const named = new Set<string>();
  const walk = new Walk(reading, input.hints ?? hintsFor(input.products), groupsOfHints(input.products), {
    visible,
    products: input.products,
    groupOf: (id) => {
      const group = groups.get(id);
      if (group !== undefined) named.add(id);
      return group;
    },
    pageSize: (first) => pageSizeOf(first, input.maxPageSize),
    now: input.now ?? Date.now(),
  });
  const tally = walk.objectCost(root, [operation.selectionSet], { items: 1, upstreams: visible });
  return { total: Math.ceil(tally.total), upstreams: perUpstream(tally.shares, input.upstreams, named) };
}

const NOTHING: CostBreakdown = { total: 0, upstreams: [] };

/** Each charged upstream's calls: the group's share per upstream, on its named upstreams or else all of its visible ones. */
function perUpstream(shares: GroupShares, upstreams: CostInput['upstreams'], named: ReadonlySet<string>): UpstreamCalls[] {
  const out: UpstreamCalls[] = [];
  for (const [group, share] of shares) {
    const read = Math.max(0, Math.ceil(share.read - 1e-9));
    const write = Math.max(0, Math.ceil(share.write - 1e-9));
    if (read <= 0 && write <= 0) continue;
    const ofGroup = upstreams.filter((u) => u.group === group);
    const narrowed = ofGroup.filter((u) => named.has(u.id));
    for (const u of narrowed.length > 0 ? narrowed : ofGroup) out.push({ id: u.id, read, write });
  }
  return out;
}

const hintTables = new WeakMap<readonly ProductCostModel[], Readonly<Record<string, CostHint>>>();

/** The merged table of a product list, made once per list. */
function hintsFor(products: readonly ProductCostModel[]): Readonly<Record<string, CostHint>> {
  let hints = hintTables.get(products);
  if (!hints) hintTables.set(products, (hints = costHintsOf(products)));
  return hints;
}

const hintGroups = new WeakMap<readonly ProductCostModel[], ReadonlyMap<CostHint, UpstreamGroup>>();

/** Which product's table each product hint comes from, made once per list: its calls go to that group. */
function groupsOfHints(products: readonly ProductCostModel[]): ReadonlyMap<CostHint, UpstreamGroup> {
  let groups = hintGroups.get(products);
  if (!groups) {
    const made = new Map<CostHint, UpstreamGroup>();
    for (const p of products) for (const hint of Object.values(p.hints)) made.set(hint, p.group);
    hintGroups.set(products, (groups = made));
  }
  return groups;
}

/** `first` as the resolvers take it (pagination.ts `pageSize`); one they would refuse is priced as the default. */
function pageSizeOf(first: unknown, maxPageSize: number): number {
  if (typeof first === 'number' && Number.isInteger(first) && first >= 1) return Math.min(first, maxPageSize);
  return Math.min(DEFAULT_PAGE_SIZE, maxPageSize);
}

type Shared = Omit<FieldEnv, 'args' | 'selects'>;

/** Per group: one upstream's share of the calls, by access. */
type GroupShares = Map<UpstreamGroup, { read: number; write: number }>;

/** What a selection costs: all its calls, and their shares per upstream of each group. */
interface Tally {
  total: number;
  shares: GroupShares;
}

function addShare(shares: GroupShares, group: UpstreamGroup, access: 'read' | 'write', calls: number): void {
  let share = shares.get(group);
  if (!share) shares.set(group, (share = { read: 0, write: 0 }));
  share[access] += calls;
}

function addShares(into: GroupShares, from: GroupShares): void {
  for (const [group, share] of from) {
    addShare(into, group, 'read', share.read);
    addShare(into, group, 'write', share.write);
  }
}

/** A field's priced calls, kept until the shared ones are settled (only the dearest reader of a detail pays). */
interface Priced {
  calls: number;
  cost: FieldCost;
  hint: CostHint;
  parent: Level;
}

class Walk {
  constructor(
    private readonly reading: Reading,
    private readonly hints: Readonly<Record<string, CostHint>>,
    private readonly hintGroups: ReadonlyMap<CostHint, UpstreamGroup>,
    private readonly shared: Shared,
  ) {}

  /** Calls of a selection on objects of `type` (abstract: its dearest possible type, and per group the dearest share). */
  cost(type: GraphQLOutputType, sets: readonly SelectionSetNode[], at: Level): Tally {
    const named = getNamedType(type);
    if (isObjectType(named)) return this.objectCost(named, sets, at);
    if (!isAbstractType(named)) return { total: 0, shares: new Map() };
    const most: Tally = { total: 0, shares: new Map() };
    for (const possible of this.reading.schema.getPossibleTypes(named)) {
      const tally = this.objectCost(possible, sets, at);
      most.total = Math.max(most.total, tally.total);
      for (const [group, share] of tally.shares) {
        const known = most.shares.get(group);
        if (!known) most.shares.set(group, { ...share });
        else {
          known.read = Math.max(known.read, share.read);
          known.write = Math.max(known.write, share.write);
        }
      }
    }
    return most;
  }

  objectCost(type: GraphQLObjectType, sets: readonly SelectionSetNode[], at: Level): Tally {
    const tally: Tally = { total: 0, shares: new Map() };
    const access = type === this.reading.schema.getMutationType() ? 'write' : 'read';
    // Fields of one object reading the same detail share its loader call: the dearest one pays.
    const sharedCalls = new Map<string, Priced>();
    for (const nodes of collectFields(this.reading, type, sets).values()) {
      const name = nodes[0].name.value;
      // Introspection and __typename never reach an upstream.
      if (name.startsWith('__')) continue;
      const def = type.getFields()[name];
      if (!def) continue;
      const subSets = nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
      const hint = hintOf(this.hints, type, def);
      const priced = hint ? hint(at, this.env(def, nodes[0], subSets)) : readFromParent(def, at);
      if (hint && priced.calls > 0) this.charge(tally, { calls: priced.calls, cost: priced, hint, parent: at }, access);
      if (hint && priced.shared && !at.holds?.has(priced.shared.key)) {
        const known = sharedCalls.get(priced.shared.key);
        if (!known || priced.shared.calls > known.calls) sharedCalls.set(priced.shared.key, { calls: priced.shared.calls, cost: priced, hint, parent: at });
      }
      if (subSets.length > 0) {
        const sub = this.cost(def.type, subSets, priced.child);
        tally.total += sub.total;
        addShares(tally.shares, sub.shares);
      }
    }
    for (const priced of sharedCalls.values()) this.charge(tally, priced, access);
    return tally;
  }

  /**
   * Adds a field's calls to the tally: to its product's group (or as its hint split them, or evenly over
   * the upstreams of its objects), each upstream of the group charged its part.
   */
  private charge(tally: Tally, priced: Priced, access: 'read' | 'write'): void {
    tally.total += priced.calls;
    const { child } = priced.cost;
    const countIn = (group: UpstreamGroup): number => Math.max(1, child.upstreams[group] ?? priced.parent.upstreams[group] ?? 1);
    const byGroup = priced.cost.byGroup;
    if (byGroup) {
      for (const group in byGroup) addShare(tally.shares, group, access, (byGroup[group] as number) / countIn(group));
      return;
    }
    const group = this.hintGroups.get(priced.hint);
    if (group !== undefined) {
      addShare(tally.shares, group, access, priced.calls / countIn(group));
      return;
    }
    const over = totalOf(child.upstreams) > 0 ? child.upstreams : priced.parent.upstreams;
    const upstreams = totalOf(over);
    for (const g in over) if ((over[g] as number) > 0) addShare(tally.shares, g, access, priced.calls / Math.max(1, upstreams));
  }

  private env(def: GraphQLField<unknown, unknown>, node: FieldNode, subSets: readonly SelectionSetNode[]): FieldEnv {
    return new FieldReading(this.reading, this.shared, def, node, subSets);
  }
}

/** A field's FieldEnv; its arguments are read only if its hint asks (most fields are read from the parent). */
class FieldReading implements FieldEnv {
  readonly visible: UpstreamCounts;
  readonly products: readonly ProductCostModel[];
  readonly now: number;
  private read?: Record<string, unknown>;

  constructor(
    private readonly reading: Reading,
    private readonly shared: Shared,
    private readonly def: GraphQLField<unknown, unknown>,
    private readonly node: FieldNode,
    private readonly subSets: readonly SelectionSetNode[],
  ) {
    this.visible = shared.visible;
    this.products = shared.products;
    this.now = shared.now;
  }

  get args(): Record<string, unknown> {
    return (this.read ??= argumentsOf(this.reading, this.def, this.node));
  }

  groupOf(id: string): UpstreamGroup | undefined {
    return this.shared.groupOf(id);
  }

  pageSize(first: unknown): number {
    return this.shared.pageSize(first);
  }

  selects(field: string): boolean {
    return namesField(this.reading, this.subSets, field);
  }
}

/** Hints by field object (each object type has its own), so a lookup builds no `Type.field` string. */
const byField = new WeakMap<Readonly<Record<string, CostHint>>, WeakMap<GraphQLField<unknown, unknown>, CostHint | null>>();

function hintOf(hints: Readonly<Record<string, CostHint>>, type: GraphQLObjectType, def: GraphQLField<unknown, unknown>): CostHint | null {
  let fields = byField.get(hints);
  if (!fields) byField.set(hints, (fields = new WeakMap()));
  let hint = fields.get(def);
  if (hint === undefined) fields.set(def, (hint = hints[`${type.name}.${def.name}`] ?? null));
  return hint;
}

/**
 * A field without a hint reads its parent: no call. A list holds its connection's page when it is a
 * connection's `edges`, else an assumed number of items.
 */
function readFromParent(def: GraphQLField<unknown, unknown>, parent: Level): FieldCost {
  const type = isNonNullType(def.type) ? def.type.ofType : def.type;
  const items = isListType(type) ? parent.items * (parent.page ?? ASSUMED.OTHER_LIST) : parent.items;
  return { calls: 0, child: level(items, parent.upstreams) };
}
