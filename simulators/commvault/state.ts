/**
 * `POST /__sim/state` of a CommServe: what its operators see happen, for tests of what the gateway's
 * collectors make of it (a pool filling or freed, a MediaAgent going offline and back).
 *
 *     { "storagePools": [{ "id": 3, "freePercent": 5 }], "mediaAgents": [{ "id": 7, "online": false }] }
 *
 * Answers the objects as they now stand. A pool's free space is set against its capacity (the demo's
 * drift, when on, goes on from there); a MediaAgent taken offline gets the reason an unreachable one shows.
 */
import { freePercentOf, onlineOf, stateTargets } from '../common/control.js';
import type { SimContext } from './context.js';

export function setCommvaultState(ctx: SimContext, body: Record<string, unknown>): Record<string, unknown> {
  const pools = stateTargets(body, 'storagePools', 'storage pool', (id) => ctx.index.pools.get(Number(id))).map(({ target, entry }) => ({ pool: target, freePercent: freePercentOf(entry) }));
  const agents = stateTargets(body, 'mediaAgents', 'MediaAgent', (id) => ctx.index.mediaAgents.get(Number(id))).map(({ target, entry }) => ({ agent: target, online: onlineOf(entry) }));
  // Checked whole before anything changes.
  for (const { pool, freePercent } of pools) if (freePercent !== undefined) pool.freeMB = Math.round((pool.capacityMB * freePercent) / 100);
  for (const { agent, online } of agents) {
    if (online === undefined) continue;
    agent.online = online;
    agent.offlineReason = online ? '' : 'MediaAgent services are not reachable';
    agent.offlineReasonValue = online ? 0 : 1;
  }
  return {
    storagePools: pools.map(({ pool: p }) => ({ id: p.storagePoolId, name: p.storagePoolName, capacityMB: p.capacityMB, freeMB: p.freeMB })),
    mediaAgents: agents.map(({ agent: m }) => ({ id: m.mediaAgentId, name: m.mediaAgentName, online: m.online })),
  };
}
