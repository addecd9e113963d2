import type { Prng } from '../../common/prng.js';
import { COMMCELL_COMPANY_ID } from './organisation.js';
import type { DdbStore, Library, MediaAgent, MountPath, Plan, StoragePolicy, StoragePolicyCopy, StoragePool } from './types.js';

export interface StorageEstate {
  mediaAgents: MediaAgent[];
  libraries: Library[];
  storagePools: StoragePool[];
  ddbStores: DdbStore[];
  storagePolicies: StoragePolicy[];
  plans: Plan[];
}

const VERSION = '11.32.45';
const TB_MB = 1024 * 1024;

interface PoolSpec {
  name: string;
  kind: 'disk' | 'cloud';
  dedup: boolean;
  capacityTB: number;
  /** Free share: the monitoring thresholds are < 10 % critical, < 20 % warning. */
  freeFraction: number;
  mediaAgents: number[];
  /** Q&I microseconds of the DDB partitions (dedup pools only): > 2000 critical, > 1000 warning. */
  qiMicros?: [number, number];
}

/** Five pools with one of each health case the gateway reports on. */
const POOLS: readonly PoolSpec[] = [
  { name: 'DiskPool01', kind: 'disk', dedup: true, capacityTB: 200, freeFraction: 0.46, mediaAgents: [3, 4], qiMicros: [420, 610] },
  { name: 'DiskPool02', kind: 'disk', dedup: true, capacityTB: 120, freeFraction: 0.068, mediaAgents: [4], qiMicros: [2310, 2640] },
  { name: 'DiskPool03', kind: 'disk', dedup: true, capacityTB: 80, freeFraction: 0.153, mediaAgents: [5], qiMicros: [1180, 1420] },
  { name: 'DiskPool04', kind: 'disk', dedup: false, capacityTB: 60, freeFraction: 0.62, mediaAgents: [5, 6] },
  { name: 'CloudPool01', kind: 'cloud', dedup: true, capacityTB: 1024, freeFraction: 0.81, mediaAgents: [3], qiMicros: [380, 540] },
];

interface PlanSpec {
  name: string;
  companyId: number;
  pool: string;
  rpo: number;
  /** An aux copy to the cloud pool. */
  secondary: boolean;
}

const PLANS: readonly PlanSpec[] = [
  { name: 'Server Plan Gold', companyId: COMMCELL_COMPANY_ID, pool: 'DiskPool01', rpo: 240, secondary: true },
  { name: 'Server Plan Silver', companyId: COMMCELL_COMPANY_ID, pool: 'DiskPool02', rpo: 1440, secondary: false },
  { name: 'Server Plan Bronze', companyId: COMMCELL_COMPANY_ID, pool: 'DiskPool04', rpo: 1440, secondary: false },
  { name: 'Database Plan', companyId: COMMCELL_COMPANY_ID, pool: 'DiskPool03', rpo: 60, secondary: true },
  { name: 'Cloud Archive Plan', companyId: COMMCELL_COMPANY_ID, pool: 'CloudPool01', rpo: 1440, secondary: false },
  { name: 'Acme Server Plan', companyId: 1, pool: 'DiskPool01', rpo: 720, secondary: true },
  { name: 'Acme Database Plan', companyId: 1, pool: 'DiskPool03', rpo: 240, secondary: false },
  { name: 'Globex Server Plan', companyId: 2, pool: 'DiskPool02', rpo: 1440, secondary: false },
];

export const PLAN_NAMES = PLANS.map((p) => p.name);

export function makeStorage(random: Prng, nowS: number): StorageEstate {
  const mediaAgents: MediaAgent[] = [
    mediaAgent(3, 'ma01', 'Windows', 'Windows Server 2019 Datacenter', true),
    mediaAgent(4, 'ma02', 'Linux', 'Red Hat Enterprise Linux 8.8', true),
    mediaAgent(5, 'ma03', 'Windows', 'Windows Server 2022 Datacenter', true),
    mediaAgent(6, 'ma04', 'Linux', 'Rocky Linux 9.2', false),
  ];

  const libraries: Library[] = [];
  const storagePools: StoragePool[] = [];
  const ddbStores: DdbStore[] = [];
  let mountPathId = 1;
  let subStoreId = 41;
  POOLS.forEach((spec, i) => {
    const storagePoolId = 11 + i;
    const libraryId = 1 + i;
    const capacityMB: number = spec.capacityTB * TB_MB;
    const freeMB: number = Math.round(capacityMB * spec.freeFraction);
    const sizeOnDiskMB: number = capacityMB - freeMB;
    const savings: number = spec.dedup ? random.float(62, 88) : 0;
    const appSizeMB: number = spec.dedup ? Math.round(sizeOnDiskMB / (1 - savings / 100)) : sizeOnDiskMB;
    // Mount paths split the pool so that their sums equal the pool's capacity and free space.
    const pathCount: number = spec.kind === 'cloud' ? 1 : spec.mediaAgents.length + 1;
    const mountPaths: MountPath[] = [];
    let capLeft = capacityMB;
    let freeLeft = freeMB;
    for (let p = 0; p < pathCount; p++) {
      const last: boolean = p === pathCount - 1;
      const cap: number = last ? capLeft : Math.round(capacityMB / pathCount);
      const free: number = last ? freeLeft : Math.round(freeMB / pathCount);
      capLeft -= cap;
      freeLeft -= free;
      const ma: number = spec.mediaAgents[p % spec.mediaAgents.length];
      mountPaths.push({
        mountPathId: mountPathId++,
        mountPathName:
          spec.kind === 'cloud' ? `[${spec.name.toLowerCase()}] cv-backup-bucket` : `[ma0${ma - 2}] ${ma % 2 === 0 ? `/ma0${ma - 2}/lib${libraryId}/mp${p + 1}` : `E:\\Lib${libraryId}\\MP${p + 1}`}`,
        mediaAgentId: ma,
        capacityMB: cap,
        freeMB: free,
        dataWrittenMB: cap - free,
        appSizeMB: spec.dedup ? Math.round((cap - free) / (1 - savings / 100)) : cap - free,
        online: ma !== 6,
      });
    }
    libraries.push({
      libraryId,
      libraryName: spec.name.replace('Pool', 'Lib'),
      libraryType: spec.kind === 'cloud' ? 'Cloud' : 'Disk',
      storagePoolId,
      mountPaths,
    });
    let ddbStoreId: number | null = null;
    if (spec.dedup && spec.qiMicros) {
      ddbStoreId = 31 + ddbStores.length;
      ddbStores.push({
        storeId: ddbStoreId,
        storeName: `${spec.name}_DDB`,
        storagePoolId,
        storagePolicyId: 0,
        copyId: 0,
        ddbVersion: 11,
        status: 0,
        sealedTime: 0,
        storeFlags: storeFlagsOf(spec.name),
        partitions: spec.qiMicros.map((qi, p) => {
          const ma: number = spec.mediaAgents[p % spec.mediaAgents.length];
          const total: number = random.int(400, 800) * 1024;
          return {
            subStoreId: subStoreId++,
            path: ma % 2 === 0 ? `/ddb/${spec.name.toLowerCase()}/p${p + 1}` : `F:\\DDB\\${spec.name}\\P${p + 1}`,
            mediaAgentId: ma,
            status: ma === 6 ? 0 : 1,
            totalCapacityMB: total,
            freeDiskSpaceMB: Math.round(total * random.float(0.25, 0.7)),
            avgQITime: qi,
            lastSnapTime: nowS - random.int(3600, 86_400),
          };
        }),
      });
    }
    storagePools.push({
      storagePoolId,
      storagePoolName: spec.name,
      kind: spec.kind,
      dedup: spec.dedup,
      libraryVendorType: spec.kind === 'cloud' ? 403 : 0,
      cloudVendor: spec.kind === 'cloud' ? 'Amazon S3' : null,
      status: 'Online',
      libraryId,
      mediaAgentIds: [...spec.mediaAgents],
      capacityMB,
      freeMB,
      sizeOnDiskMB,
      appSizeMB,
      dedupeSavingsPercent: Math.round(savings * 100) / 100,
      retentionDays: spec.kind === 'cloud' ? 365 : 30,
      ddbStoreId,
    });
  });

  const poolByName = new Map<string, StoragePool>(storagePools.map((p) => [p.storagePoolName, p]));
  const cloudPool = poolByName.get('CloudPool01') as StoragePool;
  const storagePolicies: StoragePolicy[] = [];
  const plans: Plan[] = [];
  let copyId = 61;
  PLANS.forEach((spec, i) => {
    // Plan ids and storage policy ids live in different ranges on purpose: a client mixing them up fails.
    const planId = 21 + i;
    const storagePolicyId = 5 + i;
    const pool = poolByName.get(spec.pool) as StoragePool;
    const copies: StoragePolicyCopy[] = [
      {
        copyId: copyId++, copyName: 'Primary', copyPrecedence: 1, copyType: 1, storagePoolId: pool.storagePoolId, libraryId: pool.libraryId, retentionDays: 30,
        retentionCycles: 1, dataAging: true, overridePool: true,
        // Plans with a secondary copy keep the first full of each week for 90 days on the primary.
        extendedRetention: spec.secondary ? [{ fulls: 'WEEKLY_FULLS', days: 90 }] : [],
      },
    ];
    if (spec.secondary) {
      copies.push({ copyId: copyId++, copyName: 'Secondary', copyPrecedence: 2, copyType: 2, storagePoolId: cloudPool.storagePoolId, libraryId: cloudPool.libraryId, retentionDays: 365,
        retentionCycles: 1, dataAging: true, overridePool: true, extendedRetention: [{ fulls: 'MONTHLY_FULLS', days: -1 }] });
    }
    storagePolicies.push({ storagePolicyId, storagePolicyName: spec.name, planId, companyId: spec.companyId, copies });
    plans.push({ planId, planName: spec.name, companyId: spec.companyId, storagePolicyId, rpoInMinutes: spec.rpo, type: 2, subtype: 33554437 });
  });

  // A DDB store belongs to the primary copy of the first policy writing to its pool.
  for (const store of ddbStores) {
    for (const policy of storagePolicies) {
      const copy = policy.copies.find((c) => c.storagePoolId === store.storagePoolId);
      if (copy) {
        store.storagePolicyId = policy.storagePolicyId;
        store.copyId = copy.copyId;
        break;
      }
    }
  }

  return { mediaAgents, libraries, storagePools, ddbStores, storagePolicies, plans };

  function mediaAgent(id: number, name: string, os: 'Windows' | 'Linux', osName: string, online: boolean): MediaAgent {
    return {
      mediaAgentId: id,
      mediaAgentName: name,
      hostName: `${name}.corp.example.com`,
      online,
      offlineReason: online ? '' : 'MediaAgent services are not reachable',
      offlineReasonValue: online ? 0 : 1,
      os,
      osName,
      version: VERSION,
      indexCachePath: os === 'Windows' ? 'D:\\IndexCache' : '/opt/commvault/IndexCache',
      // ma03 is in maintenance: online to V2, MAINTENANCE to V4.
      maintenanceMode: name === 'ma03',
    };
  }
}

/** IdxSIDBStore flag bits (cvpysdk deduplication_engines.py). */
export const STORE_FLAGS = { UNDER_MAINTENANCE: 16_777_216, NEEDS_AUTO_RESYNC: 33_554_432, PRUNING_ENABLED: 536_870_912 } as const;

/**
 * Every store prunes; DiskPool03's was left in maintenance, marked for resync (as after a CommServe DR
 * restore), which Commvault clears itself: the graph shows it, nothing starts it.
 */
function storeFlagsOf(poolName: string): number {
  return poolName === 'DiskPool03' ? STORE_FLAGS.PRUNING_ENABLED | STORE_FLAGS.NEEDS_AUTO_RESYNC | STORE_FLAGS.UNDER_MAINTENANCE : STORE_FLAGS.PRUNING_ENABLED;
}
