import type { GatewayContext } from '../../context.js';
import type { CommvaultSource } from '../../datasources/commvault/commvault-source.js';
import type { ClientIndex } from '../../datasources/commvault/mappers/client.js';

/**
 * Preloads the clients of a page of Commvault jobs, for a connection whose query selects each job's
 * `client`. The client list (`GET /Client`, the whole inventory, needing no ids) is asked for beside the
 * job list, just after it (`ask`): a cold page costs one round of upstream latency instead of two, and
 * the job list, whose decoding and mapping is the larger part of the page's own work, is on its way
 * first, so an upstream that answers in order sends it while the client list is still being built.
 * Once the page is known, `holdLists` keeps the lists of the CommServes on it for the rest of the
 * request (pageClientList), and each job's `client` field reads its client there: synchronously when
 * the list is in (a warm page: no promise, key, closure or map entry per job, docs/performance.md), on
 * the list's arrival when it is still on its way (a cold page: the page's other fields, its cursors,
 * ids and dates, are made meanwhile instead of after it).
 *
 * A client list that fails is not asked for again by the fields: its error is held in the list's place,
 * and each `client` field of that CommServe's jobs reports it with its own path.
 */
export function preloadClients(ctx: GatewayContext): {
  /** Asks for the CommServe's client list, once per request. */
  ask(source: CommvaultSource): void;
  /** Holds the lists of the page's CommServes for its fields; waits for none of them. */
  holdLists(onPage: ReadonlySet<CommvaultSource>): void;
} {
  // The list's lazy index: only the page's clients are mapped, not the whole inventory.
  const listed = new Map<CommvaultSource, HeldList>();
  const ask = (source: CommvaultSource): HeldList => {
    let list = listed.get(source);
    if (list === undefined) {
      list = new HeldList(source.clientIndex());
      listed.set(source, list);
    }
    return list;
  };
  return {
    ask(source) {
      ask(source);
    },
    holdLists(onPage) {
      const held = pageClientLists(ctx);
      // The list in hand answers the page: no second GET /Client, even when its answer is not cached (TTL 0).
      for (const source of onPage) held.set(source.instanceId, ask(source));
    },
  };
}

/** One CommServe's client list as a request holds it: its index (or the error it failed with) once in. */
class HeldList {
  settled: ClientIndex | Error | undefined;
  readonly arrival: Promise<ClientIndex | Error>;

  constructor(list: Promise<ClientIndex>) {
    this.arrival = list.then(
      (index) => (this.settled = index),
      (e: unknown) => (this.settled = e instanceof Error ? e : new Error(String(e))),
    );
  }
}

const LISTS = Symbol('commvault page client lists');
const makeLists = (): Map<string, HeldList> => new Map();

/** This request's client lists held for its job pages, by CommServe id (see preloadClients). */
function pageClientLists(ctx: GatewayContext): Map<string, HeldList> {
  return ctx.perRequest(LISTS, makeLists);
}

/**
 * The client list a job page of this request holds for a CommServe: its index or the error it failed
 * with when it is in, its arrival while it is on its way, or undefined when no page of this request
 * holds one (the field then asks its loader).
 */
export function pageClientList(ctx: GatewayContext, instanceId: string): ClientIndex | Error | Promise<ClientIndex | Error> | undefined {
  const list = pageClientLists(ctx).get(instanceId);
  return list === undefined ? undefined : (list.settled ?? list.arrival);
}
