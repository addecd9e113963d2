/**
 * `POST /__sim/state` of a console: what its operators see happen, for tests of what the gateway's
 * collectors make of it (a disk pool filling or freed, an appliance losing contact and back).
 *
 *     { "diskPools": [{ "id": "4102", "freePercent": 5 }], "appliances": [{ "id": "4001", "online": false }] }
 *
 * Ids are the console's own. A pool's free and used space and its `pct` follow from the free share; an
 * appliance offline is one the console could not sync from (`stale`), and back online it is synced now.
 * Answers the objects as they now stand.
 */
import { freePercentOf, onlineOf, stateTargets } from '../common/control.js';
import type { SimContext } from './context.js';

export function setBackupDrState(ctx: SimContext, body: Record<string, unknown>): Record<string, unknown> {
  const pools = stateTargets(body, 'diskPools', 'disk pool', (id) => ctx.index.pools.get(String(id))).map(({ target, entry }) => ({ pool: target, freePercent: freePercentOf(entry) }));
  const appliances = stateTargets(body, 'appliances', 'appliance', (id) => ctx.index.clusters.get(String(id))).map(({ target, entry }) => ({ cluster: target, online: onlineOf(entry) }));
  // Checked whole before anything changes.
  for (const { pool, freePercent } of pools) {
    if (freePercent === undefined) continue;
    pool.free_mb = Math.round((pool.capacity_mb * freePercent) / 100);
    pool.usage_mb = pool.capacity_mb - pool.free_mb;
    pool.pct = Math.round(100 - freePercent);
  }
  for (const { cluster, online } of appliances) {
    if (online === undefined) continue;
    cluster.stale = !online;
    if (online) cluster.lastsync = cluster.syncdate = ctx.nowUs();
  }
  return {
    diskPools: pools.map(({ pool: p }) => ({ id: p.id, name: p.name, capacityMB: p.capacity_mb, freeMB: p.free_mb })),
    appliances: appliances.map(({ cluster: c }) => ({ id: c.id, name: c.name, online: !c.stale })),
  };
}
