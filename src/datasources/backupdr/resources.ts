import type { CacheClass } from '../../config/schema.js';
import { toBackup, toEvent, toJob } from './mappers/activity.js';
import { toApplication, toConsistencyGroup, toHost, toLogicalGroup } from './mappers/inventory.js';
import { toPolicy, toSla, toSlp, toSlt } from './mappers/protection.js';
import { items, type Json } from './mappers/read.js';
import { toAuditRecord, toOrganization, toRole, toUser } from './mappers/security.js';
import { toCluster, toDiskPool } from './mappers/storage.js';
import type { UpstreamRef } from '../record.js';
import type { BdrPolicy, BdrResource, BdrResourceTypes } from './model.js';

/** How the source reads one list resource. */
export interface ResourceInfo<T> {
  /** Path below the API root (`/actifio`). */
  path: string;
  cacheClass: CacheClass;
  /** Invalidation tags of its cached answers: `inventory`, plus its own where a write changes it (`applications`, `slas`, `backups`, …). */
  tags: readonly string[];
  /** A list-view body → records of the console it came from. One function per resource, so MappedOnce can key by it. */
  mapList: (body: unknown, upstream: UpstreamRef) => T[];
}

function resource<T>(
  path: string,
  cacheClass: CacheClass,
  map: (raw: Json, upstream: UpstreamRef) => T | null,
  tags: readonly string[] = ['inventory'],
): ResourceInfo<T> {
  return { path, cacheClass, tags, mapList: (body, upstream) => items(body, map, upstream) };
}

/**
 * Every list resource: path, TTL class (docs/configuration.md `cache.ttlMs`: running jobs short, finished jobs and inventory long,
 * capacity 60 s, events 15 s) and mapper. `/jobstatus` holds running and finished jobs, so it takes the
 * running-jobs TTL; `/jobhistory` holds finished jobs only.
 */
export const RESOURCES: { readonly [R in BdrResource]: ResourceInfo<BdrResourceTypes[R]> } = {
  application: resource('/application', 'inventory', toApplication, ['inventory', 'applications']),
  host: resource('/host', 'inventory', toHost),
  backup: resource('/backup', 'inventory', toBackup, ['inventory', 'backups']),
  job: resource('/jobstatus', 'jobsRunning', toJob, ['jobs']),
  activeJob: resource('/job', 'jobsRunning', toJob, ['jobs']),
  finishedJob: resource('/jobhistory', 'jobsFinished', toJob, ['jobs']),
  slt: resource('/slt', 'inventory', toSlt),
  slp: resource('/slp', 'inventory', toSlp),
  sla: resource('/sla', 'inventory', toSla, ['inventory', 'slas']),
  diskpool: resource('/diskpool', 'capacity', toDiskPool),
  cluster: resource('/cluster', 'inventory', toCluster),
  event: resource('/event', 'events', toEvent, ['events']),
  user: resource('/user', 'inventory', toUser),
  role: resource('/role', 'inventory', toRole),
  org: resource('/org', 'inventory', toOrganization),
  audit: resource('/localaudit', 'events', toAuditRecord, ['audit']),
  consistencygroup: resource('/consistencygroup', 'inventory', toConsistencyGroup),
  logicalgroup: resource('/logicalgroup', 'inventory', toLogicalGroup, ['inventory', 'logicalgroups']),
};

/** `/slt/{id}/policy` (policies are not a top-level resource). */
export const mapPolicies = (body: unknown): BdrPolicy[] => items(body, toPolicy, undefined);
