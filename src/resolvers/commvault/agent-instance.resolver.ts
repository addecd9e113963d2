import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { CvAgent, CvAgentInstance, CvBackupset, CvClient, CvSubclient } from '../../datasources/commvault/model.js';
import { CommvaultAgent } from '../../schema/commvault/agent.type.js';
import { CommvaultAgentInstance } from '../../schema/commvault/agent-instance.type.js';
import { CommvaultBackupset } from '../../schema/commvault/backupset.type.js';
import { CommvaultClient } from '../../schema/commvault/client.type.js';
import { CommvaultSubclient } from '../../schema/commvault/subclient.type.js';
import { commvaultLoaders } from './sources.js';

/**
 * The levels between a client and its subclients: agent → instance → backup set → subclient
 * (docs/upstreams/commvault-subclients.md §2). Each level is one cached listing per client
 * (`GET /Instance`, `GET /Backupset`, `GET /Subclient`), filtered here by the parent's ids.
 */
@Resolver(() => CommvaultClient)
export class CommvaultClientInstancesResolver {
  @FieldResolver(() => [CommvaultAgentInstance], { nullable: true, description: 'Every agent\'s instances on this client (`GET /Instance?clientId=`).' })
  instances(@Root() client: CvClient, @Ctx() ctx: GatewayContext): Promise<CvAgentInstance[]> {
    return commvaultLoaders(ctx).instancesByClientId.load({ instanceId: client.upstream.id, id: client.clientId });
  }
}

@Resolver(() => CommvaultAgent)
export class CommvaultAgentInstancesResolver {
  @FieldResolver(() => [CommvaultAgentInstance], { nullable: true, description: 'This agent\'s instances (`GET /Instance?clientId=`, by application id).' })
  async instances(@Root() agent: CvAgent, @Ctx() ctx: GatewayContext): Promise<CvAgentInstance[]> {
    const all = await commvaultLoaders(ctx).instancesByClientId.load({ instanceId: agent.upstream.id, id: agent.clientId });
    return all.filter((i) => i.applicationId === agent.applicationId);
  }
}

@Resolver(() => CommvaultAgentInstance)
export class CommvaultAgentInstanceResolver {
  @FieldResolver(() => [CommvaultBackupset], { nullable: true, description: 'The backup sets of this instance (`GET /Backupset?clientId=`, by instance id).' })
  async backupsets(@Root() instance: CvAgentInstance, @Ctx() ctx: GatewayContext): Promise<CvBackupset[]> {
    const all = await commvaultLoaders(ctx).backupsetsByClientId.load({ instanceId: instance.upstream.id, id: instance.clientId });
    return all.filter((b) => b.agentInstanceId === instance.instanceId);
  }
}

@Resolver(() => CommvaultBackupset)
export class CommvaultBackupsetSubclientsResolver {
  @FieldResolver(() => [CommvaultSubclient], { nullable: true, description: 'The subclients of this backup set (`GET /Subclient?clientId=`, by backup set id).' })
  async subclients(@Root() backupset: CvBackupset, @Ctx() ctx: GatewayContext): Promise<CvSubclient[]> {
    if (backupset.clientId === null) return [];
    const all = await commvaultLoaders(ctx).subclientsByClientId.load({ instanceId: backupset.upstream.id, id: backupset.clientId });
    return all.filter((s) => s.backupsetId === backupset.backupsetId);
  }
}
