import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { CvClient } from '../../datasources/commvault/model.js';
import { CommvaultClient } from '../../schema/commvault/client.type.js';
import { commvaultLoaders } from './sources.js';

/**
 * The client fields `GET /Client` (the list every client record comes from) leaves out, each loaded
 * only when selected: OS name and version from the V4 server list (one call per CommServe for all the
 * clients of the request), the description from `GET /Client/{id}` (one call per client: no list
 * carries it). A record that already holds a value (made from the detail or from V4) costs no call.
 */
@Resolver(() => CommvaultClient)
export class CommvaultClientDetailResolver {
  @FieldResolver(() => String, { nullable: true })
  async osName(@Root() client: CvClient, @Ctx() ctx: GatewayContext): Promise<string | null> {
    if (client.osName !== null) return client.osName;
    return (await serverOf(client, ctx))?.osName ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  async version(@Root() client: CvClient, @Ctx() ctx: GatewayContext): Promise<string | null> {
    if (client.version !== null) return client.version;
    return (await serverOf(client, ctx))?.version ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  async description(@Root() client: CvClient, @Ctx() ctx: GatewayContext): Promise<string | null> {
    if (client.description !== null) return client.description;
    const detail = await commvaultLoaders(ctx).clientDetailById.load({ instanceId: client.upstream.id, id: client.clientId });
    return detail?.description ?? null;
  }
}

function serverOf(client: CvClient, ctx: GatewayContext) {
  return commvaultLoaders(ctx).serverByClientId.load({ instanceId: client.upstream.id, id: client.clientId });
}
