import { Prng } from '../../common/prng.js';
import { makeActivity } from './activity.js';
import { makeAppliances } from './appliances.js';
import { IdAllocator, MICROS_PER_MS } from './ids.js';
import { makeInventory } from './inventory.js';
import { makePolicies } from './policies.js';
import { makeAudit, makeEvents } from './records.js';
import { makeSecurity } from './security.js';
import type { BackupDrDataset, DiskPool } from './types.js';

/**
 * The whole dataset for one seed, relative to `nowMs`. Each part draws from its own forked generator so
 * that changing one part does not reshuffle the others; ids come from one shared sequence (see ids.ts).
 */
export function generateDataset(seed: number, nowMs: number): BackupDrDataset {
  const root = new Prng(seed);
  const nowUs: number = Math.floor(nowMs) * MICROS_PER_MS;
  const ids = new IdAllocator(root.fork('ids'), 4000);
  const security = makeSecurity(root.fork('security'), ids, nowUs);
  const appliances = makeAppliances(root.fork('appliances'), ids, nowUs, security.organizations);
  const policies = makePolicies(root.fork('policies'), ids, nowUs, security.organizations, appliances.clusters, appliances.diskpools);
  const inventory = makeInventory(root.fork('inventory'), ids, nowUs, security.organizations, appliances.clusters, policies);
  const activity = makeActivity(root.fork('activity'), ids, nowUs, inventory, policies, appliances.clusters, appliances.diskpools);
  const nearFull = appliances.diskpools.find((p) => p.id === appliances.nearFullPoolId) as DiskPool;
  const events = makeEvents(root.fork('events'), ids, nowUs, activity.jobs, inventory.applications, appliances.clusters, nearFull, appliances.staleClusterId);
  const audits = makeAudit(root.fork('audit'), ids, nowUs, security.users);
  return {
    generatedAt: nowUs,
    seed,
    ...security,
    clusters: appliances.clusters,
    diskpools: appliances.diskpools,
    ...policies,
    hosts: inventory.hosts,
    applications: inventory.applications,
    slas: inventory.slas,
    logicalgroups: inventory.logicalgroups,
    consistencygroups: inventory.consistencygroups,
    backups: activity.backups,
    jobs: activity.jobs,
    events,
    audits,
    special: {
      nearFullPoolId: appliances.nearFullPoolId,
      staleClusterId: appliances.staleClusterId,
      consolidatedHostIds: inventory.consolidatedHostIds,
      consolidatedAppIds: inventory.consolidatedAppIds,
    },
  };
}
