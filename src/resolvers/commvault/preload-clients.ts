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
 * request (pageClientList), and each job's `client` field reads its client there, synchronously: no
 * promise per job, and no key, closure or map entry per job either (a hundred of each on a warm page,
 * docs/performance.md).
 *
 * A client list that fails is not asked for again by the fields: its error is held in the list's place,
 * and each `client` field of that CommServe's jobs reports it with its own path.
 */
export function preloadClients(ctx: GatewayContext): {
  /** Asks for the CommServe's client list, once per request. */
  ask(source: CommvaultSource): void;
  holdLists(onPage: ReadonlySet<CommvaultSource>): Promise<void>;
} {
  // The list's lazy index: only the page's clients are mapped, not the whole inventory.
  const listed = new Map<CommvaultSource, Promise<ClientIndex | Error>>();
  const ask = (source: CommvaultSource): Promise<ClientIndex | Error> => {
    let list = listed.get(source);
    if (list === undefined) {
      list = source.clientIndex().catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
      listed.set(source, list);
    }
    return list;
  };
  return {
    ask(source) {
      void ask(source);
    },
    async holdLists(onPage) {
      const held = pageClientLists(ctx);
      await Promise.all(
        [...onPage].map(async (source) => {
          // The list in hand answers the page: no second GET /Client, even when its answer is not cached (TTL 0).
          held.set(source.instanceId, await ask(source));
        }),
      );
    },
  };
}

const LISTS = Symbol('commvault page client lists');
const makeLists = (): Map<string, ClientIndex | Error> => new Map();

/** This request's client lists held for its job pages, by CommServe id (see preloadClients). */
function pageClientLists(ctx: GatewayContext): Map<string, ClientIndex | Error> {
  return ctx.perRequest(LISTS, makeLists);
}

/**
 * The client list a job page of this request holds for a CommServe: its index, the error it failed
 * with, or undefined when no page of this request holds one (the field then asks its loader).
 */
export function pageClientList(ctx: GatewayContext, instanceId: string): ClientIndex | Error | undefined {
  return pageClientLists(ctx).get(instanceId);
}
