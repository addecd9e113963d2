import type { CommvaultSource } from './commvault-source.js';
import type {
  CvAgent,
  CvAgentInstance,
  CvAlertDefinition,
  CvBackupset,
  CvClient,
  CvDdbStore,
  CvJob,
  CvLibrary,
  CvMediaAgent,
  CvPlan,
  CvServer,
  CvStorageDetail,
  CvStoragePolicy,
  CvStoragePool,
  CvSubclient,
} from './model.js';
import { lastSuccessfulBackups } from './last-backup.js';
import { eachKey, fromList, groupedLoader, type InstanceBatch, type InstanceKey, type KeyedLoader } from '../../loaders/instance-loader.js';
import { lazyLoaderSet } from '../../loaders/lazy-loaders.js';

/** A key for an object known by a numeric id within one instance. */
export interface IdKey extends InstanceKey {
  id: number;
}

/** A subclient key; `clientId`, when known, lets the batch use one listing per client instead of one call per subclient. */
export interface SubclientKey extends IdKey {
  clientId?: number | null;
}

/** A V4 storage key: disk and cloud storage have separate detail endpoints. */
export interface StorageDetailKey extends IdKey {
  medium: 'DISK' | 'CLOUD';
}

/**
 * How many of a client's newest backup jobs `backupHistoryByClientId` reads (one `GET /Job` page): enough
 * to reach the last success of a client that has failed daily for weeks, on every subclient.
 */
export const CLIENT_BACKUP_HISTORY_LIMIT = 200;

/** A storage policy key; `name` fills in when the detail answer omits it. */
export interface StoragePolicyKey extends IdKey {
  name?: string;
}

export interface CommvaultLoaders {
  /** From `GET /Client` (the cached full list), not one call per client. */
  clientById: KeyedLoader<IdKey, CvClient | null>;
  /**
   * `GET /Client/{id}` per client: the detail holds what the list leaves out (description, OS name,
   * version). No list form carries the description, so this is one call per client (cached, `inventory`).
   */
  clientDetailById: KeyedLoader<IdKey, CvClient | null>;
  /** From `GET /V4/Servers` (one cached call per CommServe): a client's OS name and software version. */
  serverByClientId: KeyedLoader<IdKey, CvServer | null>;
  /** From `GET /V4/AlertDefinitions` (one cached call per CommServe): whether each alert rule is enabled. */
  alertDefinitionById: KeyedLoader<IdKey, CvAlertDefinition | null>;
  /** From `GET /V2/Plan`. */
  planById: KeyedLoader<IdKey, CvPlan | null>;
  /** From `GET /StoragePolicy` (names only). */
  storagePolicyById: KeyedLoader<IdKey, CvStoragePolicy | null>;
  /** `GET /StoragePolicy/{id}` per policy: the copies. */
  storagePolicyDetailById: KeyedLoader<StoragePolicyKey, CvStoragePolicy>;
  /** `GET /Subclient?clientId=` per client when the client is known, else `GET /Subclient/{id}`. */
  subclientById: KeyedLoader<SubclientKey, CvSubclient | null>;
  subclientsByClientId: KeyedLoader<IdKey, CvSubclient[]>;
  /**
   * `GET /Subclient/{id}` per subclient: its full properties (content with filters and exceptions, streams,
   * last backup), read only for the fields that need them (docs/upstreams/commvault-subclients.md §1).
   */
  subclientPropertiesById: KeyedLoader<IdKey, CvSubclient | null>;
  /** `GET /Instance?clientId=` per client: the agents' instances. */
  instancesByClientId: KeyedLoader<IdKey, CvAgentInstance[]>;
  agentsByClientId: KeyedLoader<IdKey, CvAgent[]>;
  backupsetsByClientId: KeyedLoader<IdKey, CvBackupset[]>;
  /** From `GET /V2/MediaAgents`. */
  mediaAgentById: KeyedLoader<IdKey, CvMediaAgent | null>;
  /** From `GET /StoragePool`. */
  storagePoolById: KeyedLoader<IdKey, CvStoragePool | null>;
  /** `GET /StoragePool/{id}` per pool: the DDB store ids. */
  storagePoolDetailById: KeyedLoader<IdKey, CvStoragePool | null>;
  /** `GET /Library/{id}` per library: mount paths and space. */
  libraryById: KeyedLoader<IdKey, CvLibrary | null>;
  /** `GET /DDBInformation/{id}` per store: partitions, Q&I, free space. */
  ddbStoreById: KeyedLoader<IdKey, CvDdbStore | null>;
  /** `GET /V4/Storage/Disk/{id}` or `GET /V4/Storage/Cloud/{id}` per pool: savings, locations, plans. */
  storageDetailById: KeyedLoader<StorageDetailKey, CvStorageDetail | null>;
  /**
   * `GET /Job?clientId=&jobFilter=Backup` per client (its newest CLIENT_BACKUP_HISTORY_LIMIT backup jobs,
   * newest first): last successful backup and last job of a workload.
   */
  backupHistoryByClientId: KeyedLoader<IdKey, CvJob[]>;
  /**
   * The start of a client's newest successful backup, for all clients of a request and CommServe from
   * one `POST /Jobs` walk over their finished backup jobs (last-backup.ts), not one call per client.
   */
  lastSuccessfulBackupByClientId: KeyedLoader<IdKey, Date | null>;
  /**
   * The start of a subclient's newest successful backup: the same `POST /Jobs` walk over the finished
   * backups of the subclients' clients, each subclient settled by its own jobs.
   */
  lastSuccessfulBackupBySubclientId: KeyedLoader<SubclientKey, Date | null>;
}

const byId = (k: IdKey): string => String(k.id);
const keyId = (k: IdKey): number => k.id;
// Module-level so each cached list is indexed once (fromList keeps an index per list and id function).
const planId = (p: CvPlan): number => p.planId;
const alertId = (d: CvAlertDefinition): number => d.alertId;
const serverClientId = (s: CvServer): number => s.clientId;
const storagePolicyId = (p: CvStoragePolicy): number => p.storagePolicyId;
const mediaAgentId = (m: CvMediaAgent): number => m.mediaAgentId;
const storagePoolId = (p: CvStoragePool): number => p.storagePoolId;

/** `jobFilter` for backup jobs only. */
const BACKUP_JOB_TYPES = ['Backup'] as const;

type Pick = (instanceId: string) => CommvaultSource;

const instanceLoader =
  <K extends InstanceKey, V>(cacheKey: (key: K) => string, batch: InstanceBatch<CommvaultSource, K, V>) =>
  (pick: Pick) =>
    groupedLoader(pick, cacheKey, batch);

/**
 * The Commvault loaders of one request (DataLoader caches live as long as the request, never longer),
 * each made when a field first reads it (lazyLoaderSet); `pick` is the caller's source for an instance id.
 */
export const createCommvaultLoaders: (pick: Pick) => CommvaultLoaders = lazyLoaderSet<CommvaultLoaders, Pick>({
  // From the list's lazy index: only the clients asked for are mapped.
  clientById: instanceLoader(byId, async (s: CommvaultSource, keys: readonly IdKey[]) => {
    const index = await s.clientIndex();
    return keys.map((k) => index.get(k.id));
  }),
  clientDetailById: instanceLoader(byId, eachKey((s: CommvaultSource, k: IdKey) => s.getClient(k.id))),
  serverByClientId: instanceLoader(byId, fromList((s: CommvaultSource) => s.listServers(), serverClientId, keyId)),
  alertDefinitionById: instanceLoader(byId, fromList((s: CommvaultSource) => s.listAlertDefinitions(), alertId, keyId)),
  planById: instanceLoader(byId, fromList((s: CommvaultSource) => s.listPlans(), planId, keyId)),
  storagePolicyById: instanceLoader(
    byId,
    fromList((s: CommvaultSource) => s.listStoragePolicies(), storagePolicyId, keyId),
  ),
  storagePolicyDetailById: instanceLoader(byId, eachKey((s: CommvaultSource, k: StoragePolicyKey) => s.getStoragePolicy(k.id, k.name))),
  subclientById: instanceLoader(byId, subclientBatch),
  subclientsByClientId: instanceLoader(byId, eachKey((s: CommvaultSource, k: IdKey) => s.listSubclients(k.id))),
  subclientPropertiesById: instanceLoader(byId, eachKey((s: CommvaultSource, k: IdKey) => s.getSubclient(k.id))),
  instancesByClientId: instanceLoader(byId, eachKey((s: CommvaultSource, k: IdKey) => s.listAgentInstances(k.id))),
  agentsByClientId: instanceLoader(byId, eachKey((s: CommvaultSource, k: IdKey) => s.listAgents(k.id))),
  backupsetsByClientId: instanceLoader(byId, eachKey((s: CommvaultSource, k: IdKey) => s.listBackupsets(k.id))),
  mediaAgentById: instanceLoader(
    byId,
    fromList((s: CommvaultSource) => s.listMediaAgents(), mediaAgentId, keyId),
  ),
  storagePoolById: instanceLoader(
    byId,
    fromList((s: CommvaultSource) => s.listStoragePools(), storagePoolId, keyId),
  ),
  storagePoolDetailById: instanceLoader(byId, eachKey((s: CommvaultSource, k: IdKey) => s.getStoragePool(k.id))),
  libraryById: instanceLoader(byId, eachKey((s: CommvaultSource, k: IdKey) => s.getLibrary(k.id))),
  ddbStoreById: instanceLoader(byId, eachKey((s: CommvaultSource, k: IdKey) => s.getDdbStore(k.id))),
  storageDetailById: instanceLoader(
    (k: StorageDetailKey) => `${k.medium}:${k.id}`,
    eachKey((s: CommvaultSource, k: StorageDetailKey) => (k.medium === 'CLOUD' ? s.getCloudStorage(k.id) : s.getDiskStorage(k.id))),
  ),
  backupHistoryByClientId: instanceLoader(
    byId,
    eachKey(async (s: CommvaultSource, k: IdKey) => {
      const page = await s.listJobs({ clientId: k.id, jobTypes: BACKUP_JOB_TYPES, limit: CLIENT_BACKUP_HISTORY_LIMIT, offset: 0 });
      return page.items;
    }),
  ),
  lastSuccessfulBackupByClientId: instanceLoader(byId, async (s: CommvaultSource, keys: readonly IdKey[]) => {
    const clientIds = [...new Set(keys.map(keyId))];
    const found = await lastSuccessfulBackups(s, { clientIds, workloadIds: clientIds, workloadOf: (j) => j.clientId }, CLIENT_BACKUP_HISTORY_LIMIT);
    return keys.map((k) => found.get(k.id) ?? null);
  }),
  lastSuccessfulBackupBySubclientId: instanceLoader(byId, async (s: CommvaultSource, keys: readonly SubclientKey[]) => {
    // A subclient of no known client has no jobs to read: null.
    const known = keys.filter((k): k is SubclientKey & { clientId: number } => typeof k.clientId === 'number');
    const found = await lastSuccessfulBackups(
      s,
      { clientIds: known.map((k) => k.clientId), workloadIds: [...new Set(known.map(keyId))], workloadOf: (j) => j.subclient?.subclientId ?? null },
      CLIENT_BACKUP_HISTORY_LIMIT,
    );
    return keys.map((k) => found.get(k.id) ?? null);
  }),
});

/**
 * Subclients whose client is known are read from one `GET /Subclient?clientId=` per client (a page of
 * jobs touches few clients); the rest cost one `GET /Subclient/{id}` each.
 */
async function subclientBatch(
  source: CommvaultSource,
  keys: readonly SubclientKey[],
): Promise<Array<CvSubclient | null | Error>> {
  const clientIds = [...new Set(keys.map((k) => k.clientId).filter((c): c is number => typeof c === 'number'))];
  const listings = new Map<number, Promise<CvSubclient[]>>(clientIds.map((c) => [c, source.listSubclients(c)]));
  return Promise.all(
    keys.map(async (k) => {
      try {
        const listing = k.clientId != null ? listings.get(k.clientId) : undefined;
        if (listing) {
          const found = (await listing).find((s) => s.subclientId === k.id);
          if (found) return found;
        }
        return await source.getSubclient(k.id);
      } catch (error) {
        return error instanceof Error ? error : new Error(String(error));
      }
    }),
  );
}
