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
import { level, type CostHint, type FieldCost, type FieldEnv, type Level, type ProductCostModel, type UpstreamCounts, type UpstreamGroup } from './hint-kinds.js';
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

/**
 * The upstream calls an operation is estimated to make, from the cost hints (hints.ts) and the page
 * sizes it asks for. Pure: it reads the document, the variables, the caller's upstreams and `now`.
 *
 * A selection on an interface or union is priced as its most expensive possible type: a list's items
 * are counted, not typed, so the bound is "every item is of the dearest kind". A sum would charge each
 * item for fragments of types it cannot be (a `node` with fragments for ten types, ten times).
 */
export function estimateCost(input: CostInput): number {
  const operation = getOperationAST(input.document, input.operationName ?? undefined);
  if (!operation) return 0;
  const root = input.schema.getRootType(operation.operation);
  if (!root) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of input.document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const reading: Reading = { schema: input.schema, fragments, variables: variablesOf(operation, input.variables) };
  const groups = new Map(input.upstreams.map((u) => [u.id, u.group]));
  const visible: Record<UpstreamGroup, number> = {};
  for (const u of input.upstreams) visible[u.group] = (visible[u.group] ?? 0) + 1;
  const walk = new Walk(reading, input.hints ?? hintsFor(input.products), {
    visible,
    products: input.products,
    groupOf: (id) => groups.get(id),
    pageSize: (first) => pageSizeOf(first, input.maxPageSize),
    now: input.now ?? Date.now(),
  });
  return Math.ceil(walk.objectCost(root, [operation.selectionSet], { items: 1, upstreams: visible }));
}

const hintTables = new WeakMap<readonly ProductCostModel[], Readonly<Record<string, CostHint>>>();

/** The merged table of a product list, made once per list. */
function hintsFor(products: readonly ProductCostModel[]): Readonly<Record<string, CostHint>> {
  let hints = hintTables.get(products);
  if (!hints) hintTables.set(products, (hints = costHintsOf(products)));
  return hints;
}

/** `first` as the resolvers take it (pagination.ts `pageSize`); one they would refuse is priced as the default. */
function pageSizeOf(first: unknown, maxPageSize: number): number {
  if (typeof first === 'number' && Number.isInteger(first) && first >= 1) return Math.min(first, maxPageSize);
  return Math.min(DEFAULT_PAGE_SIZE, maxPageSize);
}

type Shared = Omit<FieldEnv, 'args' | 'selects'>;

class Walk {
  constructor(
    private readonly reading: Reading,
    private readonly hints: Readonly<Record<string, CostHint>>,
    private readonly shared: Shared,
  ) {}

  /** Calls of a selection on objects of `type` (abstract: its dearest possible type). */
  cost(type: GraphQLOutputType, sets: readonly SelectionSetNode[], at: Level): number {
    const named = getNamedType(type);
    if (isObjectType(named)) return this.objectCost(named, sets, at);
    if (!isAbstractType(named)) return 0;
    let most = 0;
    for (const possible of this.reading.schema.getPossibleTypes(named)) most = Math.max(most, this.objectCost(possible, sets, at));
    return most;
  }

  objectCost(type: GraphQLObjectType, sets: readonly SelectionSetNode[], at: Level): number {
    let total = 0;
    // Fields of one object reading the same detail share its loader call: the dearest one pays.
    const sharedCalls = new Map<string, number>();
    for (const nodes of collectFields(this.reading, type, sets).values()) {
      const name = nodes[0].name.value;
      // Introspection and __typename never reach an upstream.
      if (name.startsWith('__')) continue;
      const def = type.getFields()[name];
      if (!def) continue;
      const subSets = nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
      const hint = hintOf(this.hints, type, def);
      const priced = hint ? hint(at, this.env(def, nodes[0], subSets)) : readFromParent(def, at);
      total += priced.calls;
      if (priced.shared && !at.holds?.has(priced.shared.key)) {
        sharedCalls.set(priced.shared.key, Math.max(sharedCalls.get(priced.shared.key) ?? 0, priced.shared.calls));
      }
      if (subSets.length > 0) total += this.cost(def.type, subSets, priced.child);
    }
    for (const calls of sharedCalls.values()) total += calls;
    return total;
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
