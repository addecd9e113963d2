import type { GatewayContext } from '../../context.js';
import type { CommvaultSource } from '../../datasources/commvault/commvault-source.js';
import type { CvJob } from '../../datasources/commvault/model.js';
import type { IdKey } from '../../datasources/commvault/loaders.js';
import type { ClientIndex } from '../../datasources/commvault/mappers/client.js';
import { commvaultLoaders } from './sources.js';

/** A Commvault job of a page, with the instance it came from. */
export interface InstanceJob {
  instanceId: string;
  job: CvJob;
}

/**
 * Preloads the clients of a page of Commvault jobs, for a connection whose query selects each job's
 * `client`. The client list (`GET /Client`, the whole inventory, needing no ids) is asked for at once,
 * beside the job list: a cold page costs one round of upstream latency instead of two. Once the page is
 * known, `loadClients` settles its clients in the request's loader from that same list (no second
 * call, no batch), so every job's `client` field resolves synchronously instead of through a promise
 * per job (see SettledLoader).
 *
 * A client list that fails is not asked for again by the fields: its error is primed for the page's
 * keys on that instance, and each `client` field reports it with its own path.
 */
export function preloadClients(ctx: GatewayContext, sources: readonly CommvaultSource[]): {
  loadClients(jobs: readonly InstanceJob[]): Promise<void>;
} {
  // The list's lazy index: only the page's clients are mapped, not the whole inventory.
  const listed = new Map<string, Promise<ClientIndex | Error>>(
    sources.map((s) => [s.instanceId, s.clientIndex().catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))))]),
  );
  return {
    async loadClients(jobs) {
      const keys = new Map<string, IdKey[]>();
      for (const { instanceId, job } of jobs) {
        if (job.clientId === null || !listed.has(instanceId)) continue;
        const own = keys.get(instanceId) ?? [];
        own.push({ instanceId, id: job.clientId });
        keys.set(instanceId, own);
      }
      await Promise.all(
        [...keys].map(async ([instanceId, own]) => {
          const clients = await listed.get(instanceId);
          if (clients instanceof Error) for (const k of own) commvaultLoaders(ctx).clientById.prime(k, clients);
          // The list in hand answers the page: no second GET /Client, even when its answer is not cached (TTL 0).
          else if (clients) for (const k of own) commvaultLoaders(ctx).clientById.settle(k, clients.get(k.id));
        }),
      );
    },
  };
}
