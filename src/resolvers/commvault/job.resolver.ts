import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { CommvaultClient } from '../../schema/commvault/client.type.js';
import { CommvaultJob } from '../../schema/commvault/job.type.js';
import { CommvaultPlan } from '../../schema/commvault/plan.type.js';
import { CommvaultStoragePolicy } from '../../schema/commvault/storage-policy.type.js';
import { CommvaultSubclient } from '../../schema/commvault/subclient.type.js';
import {
  presentClient,
  presentClientStub,
  presentJob,
  presentPlan,
  presentStoragePolicy,
  presentSubclient,
  upstreamOf,
} from './present.js';
import { commvaultLoaders, commvaultSource } from './sources.js';

/**
 * A job summary already embeds its subclient (with client, backupset, agent), storage policy and plan
 * by id and name, so those relations are built from the job itself; only `client` (host name etc.)
 * needs the client list, one cached `GET /Client` per instance per request (preloaded by `jobs`).
 */
@Resolver(() => CommvaultJob)
export class CommvaultJobResolver {
  @Query(() => CommvaultJob, { nullable: true, description: 'One job of one CommServe (`GET /Job/{id}`); null if unknown.' })
  async commvaultJob(
    @Arg('upstream', () => ID) upstream: string,
    @Arg('jobId', () => Int) jobId: number,
    @Ctx() ctx: GatewayContext,
  ): Promise<CommvaultJob | null> {
    const source = commvaultSource(ctx, upstream);
    const job = await source.getJob(jobId);
    return job && presentJob(upstreamOf(source), job);
  }

  @FieldResolver(() => CommvaultClient, { nullable: true })
  client(@Root() job: CommvaultJob, @Ctx() ctx: GatewayContext): CommvaultClient | null | Promise<CommvaultClient | null> {
    const { clientId, clientName } = job.record;
    if (clientId === null) return null;
    // Synchronous when the connection preloaded the page's clients (preloadClients).
    return commvaultLoaders(ctx).clientById.resolve({ instanceId: job.upstream.id, id: clientId }, (client) =>
      // A job can outlive its client's listing (deleted clients); it still names the client.
      client ? presentClient(job.upstream, client) : presentClientStub(job.upstream, clientId, clientName),
    );
  }

  @FieldResolver(() => CommvaultSubclient, { nullable: true })
  subclient(@Root() job: CommvaultJob): CommvaultSubclient | null {
    return job.record.subclient && presentSubclient(job.upstream, job.record.subclient);
  }

  @FieldResolver(() => CommvaultPlan, { nullable: true })
  plan(@Root() job: CommvaultJob): CommvaultPlan | null {
    return job.record.plan && presentPlan(job.upstream, job.record.plan);
  }

  @FieldResolver(() => CommvaultStoragePolicy, { nullable: true })
  storagePolicy(@Root() job: CommvaultJob): CommvaultStoragePolicy | null {
    return job.record.storagePolicy && presentStoragePolicy(job.upstream, job.record.storagePolicy);
  }
}
