import { lazyLoaderSet } from '../../loaders/lazy-loaders.js';
import type { BackupFacts } from '../../monitoring/protection.js';
import type { BdrDiskPool, BdrJob, BdrPolicy, BdrResource, BdrResourceTypes } from './model.js';
import { listAllDiskPools } from './appliances.js';
import type { BackupDrSource } from './backupdr-source.js';
import { captureFacts } from './backup-history.js';
import { groupedLoader, type InstanceKey, type KeyedLoader } from '../../loaders/instance-loader.js';

/** A console object's key: its instance and its console id (a numeric string). */
export interface BdrIdKey extends InstanceKey {
  id: string;
}

type ByIdLoader<R extends BdrResource> = KeyedLoader<BdrIdKey, BdrResourceTypes[R] | null>;

/**
 * Console loaders of one request. Every `…ById` batch is ONE list call per console (per 200 ids):
 * `GET /<resource>?filter=id:==a&filter=id:==b…`, a union (docs/upstreams/backupdr.md §5.2). So a page of 100 jobs with their
 * application, host and SLA costs one call per relation, not one per job.
 */
export interface BackupDrLoaders {
  applicationById: ByIdLoader<'application'>;
  hostById: ByIdLoader<'host'>;
  backupById: ByIdLoader<'backup'>;
  slaById: ByIdLoader<'sla'>;
  sltById: ByIdLoader<'slt'>;
  slpById: ByIdLoader<'slp'>;
  clusterById: ByIdLoader<'cluster'>;
  diskpoolById: ByIdLoader<'diskpool'>;
  logicalGroupById: ByIdLoader<'logicalgroup'>;
  consistencyGroupById: ByIdLoader<'consistencygroup'>;
  jobById: ByIdLoader<'job'>;
  eventById: ByIdLoader<'event'>;
  userById: ByIdLoader<'user'>;
  roleById: ByIdLoader<'role'>;
  orgById: ByIdLoader<'org'>;
  auditById: ByIdLoader<'audit'>;
  /** `GET /slt/{id}/policy` per template (no list form covers several templates). */
  policiesBySltId: KeyedLoader<BdrIdKey, BdrPolicy[]>;
  /**
   * An application's newest successful capture and newest capture job (ProtectedWorkload, UnprotectedWorkload):
   * the applications of a request share one `/jobstatus` union per 200 (backup-history.ts `captureFacts`), not one call each.
   */
  backupFactsByApplicationId: KeyedLoader<BdrIdKey, BackupFacts<BdrJob>>;
  /** An appliance's disk pools (key: the appliance's console id): the console's whole pool list, one call per console. */
  diskPoolsByApplianceId: KeyedLoader<BdrIdKey, BdrDiskPool[]>;
}

type Pick = (instanceId: string) => BackupDrSource;

const byId =
  <R extends BdrResource>(resource: R) =>
  (pick: Pick): ByIdLoader<R> =>
    groupedLoader(pick, (k: BdrIdKey) => k.id, (source, keys) => source.listByIds(resource, keys.map((k) => k.id)));

/** The console loaders of one request, each made when a field first reads it (lazyLoaderSet). */
export const createBackupDrLoaders: (pick: Pick) => BackupDrLoaders = lazyLoaderSet<BackupDrLoaders, Pick>({
  applicationById: byId('application'),
  hostById: byId('host'),
  backupById: byId('backup'),
  slaById: byId('sla'),
  sltById: byId('slt'),
  slpById: byId('slp'),
  clusterById: byId('cluster'),
  diskpoolById: byId('diskpool'),
  logicalGroupById: byId('logicalgroup'),
  consistencyGroupById: byId('consistencygroup'),
  jobById: byId('job'),
  eventById: byId('event'),
  userById: byId('user'),
  roleById: byId('role'),
  orgById: byId('org'),
  auditById: byId('audit'),
  policiesBySltId: (pick) =>
    groupedLoader(pick, (k: BdrIdKey) => k.id, (source, keys) =>
      Promise.all(keys.map((k) => source.listPolicies(k.id).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))))),
    ),
  backupFactsByApplicationId: (pick) =>
    groupedLoader(pick, (k: BdrIdKey) => k.id, async (source, keys) => {
      const found = await captureFacts(source, keys.map((k) => k.id));
      return keys.map((k) => found.get(k.id) as BackupFacts<BdrJob>);
    }),
  diskPoolsByApplianceId: (pick) =>
    groupedLoader(pick, (k: BdrIdKey) => k.id, async (source, keys) => {
      const pools = await listAllDiskPools(source);
      return keys.map((k) => pools.filter((p) => p.applianceId === k.id));
    }),
});
