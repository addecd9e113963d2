import type { Prng } from '../../common/prng.js';
import { IdAllocator, MICROS_PER_DAY, MICROS_PER_HOUR } from './ids.js';
import type { Cluster, DiskPool, Organization, PoolType } from './types.js';

export interface Appliances {
  clusters: Cluster[];
  diskpools: DiskPool[];
  nearFullPoolId: string;
  staleClusterId: string;
}

const SITES: readonly { region: string; zone: string; timezone: string }[] = [
  { region: 'us-central1', zone: 'us-central1-a', timezone: 'America/Chicago' },
  { region: 'europe-west2', zone: 'europe-west2-b', timezone: 'Europe/London' },
  { region: 'asia-southeast1', zone: 'asia-southeast1-a', timezone: 'Asia/Singapore' },
  { region: 'us-east4', zone: 'us-east4-c', timezone: 'America/New_York' },
];

/** Which organizations each appliance's pools belong to (by org index): A, A+B, B, C. */
const POOL_ORGS: readonly (readonly number[])[] = [[0], [0, 1], [1], [2]];

const POOL_KINDS: readonly { type: PoolType; display: string; name: (i: number, region: string) => string }[] = [
  { type: 'perf', display: 'Snapshot', name: () => 'act_per_pool000' },
  { type: 'dedup', display: 'Dedup', name: () => 'act_ded_pool000' },
  { type: 'vault', display: 'OnVault', name: (i, region) => `onvault-${region}-${i}` },
];

/**
 * Four appliances; the last one lost contact with the console two hours ago (`stale`), and the first
 * appliance's snapshot pool is above 95 % used (the near-full pool).
 */
export function makeAppliances(random: Prng, ids: IdAllocator, nowUs: number, orgs: Organization[]): Appliances {
  const clusters: Cluster[] = SITES.map((site, i) => {
    const stale = i === SITES.length - 1;
    const lastsync = stale ? nowUs - 2 * MICROS_PER_HOUR - random.int(0, 600) * 1_000_000 : nowUs - random.int(10, 300) * 1_000_000;
    const number = random.int(10_000, 99_999);
    return {
      id: ids.next(),
      clusterid: `14${String(random.int(0, 9_999_999_999)).padStart(10, '0')}`,
      name: `backup-server-${number}`,
      type: 'Sky',
      ipaddress: `10.${10 + i}.0.${random.int(2, 250)}`,
      publicip: '',
      version: '11.0.12.203',
      systemversion: '11.0.12',
      timezone: site.timezone,
      lastsync,
      syncdate: lastsync,
      stale,
      region: site.region,
      zone: site.zone,
      projectid: `backup-demo-${site.region}`,
      description: `Backup appliance in ${site.region}`,
      supportstatus: 'supported',
      serviceaccount: `ba-${number}@backup-demo.iam.gserviceaccount.com`,
      secureconnect: true,
      pkiBootstrapped: true,
      machineType: random.pick(['e2-standard-16', 'n2-standard-16', 'n2-highmem-16']),
    };
  });

  const diskpools: DiskPool[] = [];
  let nearFullPoolId = '';
  clusters.forEach((cluster, i) => {
    for (const kind of POOL_KINDS) {
      const nearFull = i === 0 && kind.type === 'perf';
      const capacity_mb = kind.type === 'vault' ? 0 : random.int(4, 40) * 1024 * 1024;
      const pct = nearFull ? 97.4 : kind.type === 'vault' ? 0 : Math.round(random.float(18, 82) * 10) / 10;
      const usage_mb = kind.type === 'vault' ? random.int(2, 60) * 1024 * 1024 : Math.round((capacity_mb * pct) / 100);
      const pool: DiskPool = {
        id: ids.next(),
        name: kind.name(i, cluster.region),
        pooltype: kind.type,
        pooltypedisplayname: kind.display,
        state: 'active',
        status: nearFull ? 'warning' : 'normal',
        capacity_mb,
        usage_mb,
        free_mb: Math.max(0, capacity_mb - usage_mb),
        pct,
        warnpct: 80,
        safepct: 95,
        udsuid: random.int(1000, 99_999),
        immutable: kind.type === 'vault' && i % 2 === 0,
        clusterId: cluster.id,
        srcid: String(random.int(100, 9999)),
        modifydate: nowUs - random.int(1, 90) * MICROS_PER_DAY,
        syncdate: cluster.lastsync,
        orgIds: POOL_ORGS[i].map((o) => orgs[o].id),
      };
      if (nearFull) nearFullPoolId = pool.id;
      diskpools.push(pool);
    }
  });
  return { clusters, diskpools, nearFullPoolId, staleClusterId: clusters[clusters.length - 1].id };
}

/** The org indexes an appliance serves; hosts on it are assigned among these (plus unassigned). */
export function applianceOrgIndexes(clusterIndex: number): readonly number[] {
  return POOL_ORGS[clusterIndex];
}

/** Virtual disks an appliance can hold (the simulator's figure; the API gives each appliance its own `vdisklimit`). */
export const VDISK_LIMIT = 4000;

/**
 * `ClusterStatusRest` of one appliance (docs/upstreams/backupdr-infrastructure.md §1), derived from the seeded
 * estate so every call agrees: an appliance the console lost contact with (`stale`) is not `accessible`;
 * its virtual disks are its images; a colour per area from its pools' state (the console's colour words are
 * not documented: the simulator says green, yellow, red).
 */
export function clusterStatus(c: Cluster, pools: readonly DiskPool[], imageCount: number): Record<string, unknown> {
  const mine = pools.filter((p) => p.clusterId === c.id);
  const colour = (type: PoolType): string => {
    const pool = mine.find((p) => p.pooltype === type);
    if (!pool || pool.capacity_mb === 0) return 'green';
    return pool.pct >= pool.safepct ? 'red' : pool.pct >= pool.warnpct ? 'yellow' : 'green';
  };
  const vdiskShare = imageCount / VDISK_LIMIT;
  return {
    accessible: !c.stale,
    vdiskcount: imageCount,
    vdisklimit: VDISK_LIMIT,
    vdiskcolor: vdiskShare >= 0.95 ? 'red' : vdiskShare >= 0.8 ? 'yellow' : 'green',
    localsnapshotcolor: colour('perf'),
    localdedupcolor: colour('dedup'),
    remoteprotectioncolor: c.stale ? 'red' : 'green',
    // Data held in copies, in MB (the unit is undocumented): what its pools use.
    copydata: mine.reduce((sum, p) => sum + p.usage_mb, 0),
  };
}
