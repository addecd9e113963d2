import type { Prng } from '../../common/prng.js';
import { IdAllocator, MICROS_PER_DAY } from './ids.js';
import type { Cluster, DiskPool, Organization, Policy, PolicyOp, Slp, Slt } from './types.js';

export interface Policies {
  slts: Slt[];
  policies: Policy[];
  slps: Slp[];
}

interface PolicyDraft {
  name: string;
  op: PolicyOp;
  /** Retention in days (log: hours of log retention). */
  retention: number;
  /** RPO in hours. */
  rpo: number;
}

interface SltDraft {
  name: string;
  description: string;
  /** Indexes into the org list; empty = unassigned (only all-organization callers see it). */
  orgs: number[];
  policies: PolicyDraft[];
}

/** Templates a real shop would have; names `pd-snaps-multiregional` and `FSSnaps_RW_OV` appear in AGMPowerCLI's examples (docs/upstreams/backupdr.md §4.6). */
const SLTS: readonly SltDraft[] = [
  { name: 'Gold-Snap-OnVault', description: 'Daily snapshots, weekly OnVault', orgs: [0, 1, 2], policies: [{ name: 'daily snap', op: 'snap', retention: 7, rpo: 24 }, { name: 'weekly onvault', op: 'cloud', retention: 60, rpo: 168 }] },
  { name: 'Silver-Daily', description: 'Daily snapshots and dedup copies', orgs: [0, 1, 2], policies: [{ name: 'daily snap', op: 'snap', retention: 5, rpo: 24 }, { name: 'daily dedup', op: 'dedup', retention: 30, rpo: 24 }] },
  { name: 'Bronze-Weekly', description: 'Short snapshots only', orgs: [], policies: [{ name: 'daily snap', op: 'snap', retention: 3, rpo: 24 }] },
  { name: 'DB-Logs-15m', description: 'Database snapshots with 15-minute logs', orgs: [0, 1], policies: [{ name: 'daily snap', op: 'snap', retention: 7, rpo: 24 }, { name: 'log backup', op: 'log', retention: 72, rpo: 0.25 }, { name: 'weekly onvault', op: 'cloud', retention: 90, rpo: 168 }] },
  { name: 'pd-snaps-multiregional', description: 'Persistent disk snapshots', orgs: [1, 2], policies: [{ name: 'daily snap', op: 'snap', retention: 10, rpo: 24 }] },
  { name: 'FSSnaps_RW_OV', description: 'File systems to OnVault', orgs: [0, 2], policies: [{ name: 'daily snap', op: 'snap', retention: 4, rpo: 24 }, { name: 'weekly onvault', op: 'cloud', retention: 30, rpo: 168 }] },
  { name: 'Compliance-LongTerm', description: 'Seven-year OnVault retention', orgs: [0], policies: [{ name: 'daily snap', op: 'snap', retention: 3, rpo: 24 }, { name: 'weekly onvault', op: 'cloud', retention: 2555, rpo: 168 }] },
  { name: 'Dev-NoSchedule', description: 'Manual backups only', orgs: [], policies: [{ name: 'on demand snap', op: 'snap', retention: 2, rpo: 24 }] },
];

export function makePolicies(random: Prng, ids: IdAllocator, nowUs: number, orgs: Organization[], clusters: Cluster[], pools: DiskPool[]): Policies {
  const slts: Slt[] = [];
  const policies: Policy[] = [];
  for (const d of SLTS) {
    const slt: Slt = {
      id: ids.next(),
      name: d.name,
      description: d.description,
      override: random.pick(['true', 'false']),
      sourcename: d.name,
      managedbyagm: true,
      policyIds: [],
      modifydate: nowUs - random.int(5, 200) * MICROS_PER_DAY,
      orgIds: d.orgs.map((o) => orgs[o].id),
    };
    for (const p of d.policies) {
      const start = random.int(18, 23);
      const policy: Policy = {
        id: ids.next(),
        name: p.name,
        op: p.op,
        priority: 'medium',
        retention: String(p.retention),
        retentionm: p.op === 'log' ? 'hours' : 'days',
        rpo: String(p.rpo < 1 ? Math.round(p.rpo * 60) : p.rpo),
        rpom: p.rpo < 1 ? 'minutes' : 'hours',
        starttime: String(start * 3600),
        endtime: String(((start + 6) % 24) * 3600),
        scheduletype: p.rpo >= 168 ? 'weekly' : 'daily',
        iscontinuous: false,
        sltId: slt.id,
      };
      slt.policyIds.push(policy.id);
      policies.push(policy);
    }
    slts.push(slt);
  }

  const slps: Slp[] = [];
  clusters.forEach((cluster) => {
    const own = pools.filter((p) => p.clusterId === cluster.id);
    const perf = own.find((p) => p.pooltype === 'perf') as DiskPool;
    const dedup = own.find((p) => p.pooltype === 'dedup') ?? null;
    const vault = own.find((p) => p.pooltype === 'vault') ?? null;
    const number = cluster.name.replace(/^backup-server-/, '');
    const profile = (name: string, description: string, withVault: boolean): Slp => {
      const createdate = nowUs - random.int(60, 400) * MICROS_PER_DAY;
      return {
        id: ids.next(),
        name,
        description,
        clusterId: cluster.id,
        srcid: String(random.int(10, 999)),
        cid: String(random.int(1000, 9999)),
        localnode: cluster.name,
        performancepoolId: perf.id,
        dedupPoolId: dedup?.id ?? null,
        vaultPoolId: withVault ? (vault?.id ?? null) : null,
        createdate,
        modifydate: createdate + random.int(0, 30) * MICROS_PER_DAY,
        orgIds: [...perf.orgIds],
      };
    };
    slps.push(profile(`backup-server${number}_Profile`, 'Local profile', true));
    slps.push(profile(`backup-server${number}_LocalOnly`, 'Snapshots only', false));
  });
  return { slts, policies, slps };
}
