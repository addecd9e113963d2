import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { clientStub, type ClientIndex } from '../../datasources/commvault/mappers/client.js';
import type { CvClient, CvJob } from '../../datasources/commvault/model.js';
import { CommvaultClient } from '../../schema/commvault/client.type.js';
import { CommvaultJob } from '../../schema/commvault/job.type.js';
import { pageClientList } from './preload-clients.js';
import { commvaultLoaders, commvaultSource } from './sources.js';

/**
 * A job summary already embeds its subclient (with client, backupset, agent), storage policy and plan
 * by id and name, so those relations are fields of the record (src/schema/commvault/job.type.ts); only
 * `client` (host name etc.) needs the client list, one cached `GET /Client` per instance per request
 * (held for the page by `jobs`).
 */
@Resolver(() => CommvaultJob)
export class CommvaultJobResolver {
  @Query(() => CommvaultJob, { nullable: true, description: 'One job of one CommServe (`GET /Job/{id}`); null if unknown.' })
  async commvaultJob(
    @Arg('upstream', () => ID) upstream: string,
    @Arg('jobId', () => Int) jobId: number,
    @Ctx() ctx: GatewayContext,
  ): Promise<CvJob | null> {
    return commvaultSource(ctx, upstream).getJob(jobId);
  }

  @FieldResolver(() => CommvaultClient, { nullable: true })
  client(@Root() job: CvJob, @Ctx() ctx: GatewayContext): CvClient | null | Promise<CvClient | null> {
    const { clientId } = job;
    if (clientId === null) return null;
    // Synchronous when the connection holds its CommServe's client list in hand (preloadClients).
    const held = pageClientList(ctx, job.upstream.id);
    if (held === undefined) return commvaultLoaders(ctx).clientById.load({ instanceId: job.upstream.id, id: clientId }).then((client) => client ?? stubOf(job, clientId));
    if (held instanceof Promise) return held.then((list) => clientIn(list, job, clientId));
    return clientIn(held, job, clientId);
  }
}

/** The job's client in its CommServe's list; the list's error if it failed. */
function clientIn(list: ClientIndex | Error, job: CvJob, clientId: number): CvClient {
  if (list instanceof Error) throw list;
  return list.get(clientId) ?? stubOf(job, clientId);
}

/** A job can outlive its client's listing (deleted clients); it still names the client. */
function stubOf(job: CvJob, clientId: number): CvClient {
  return clientStub(job.upstream, clientId, job.clientName);
}
