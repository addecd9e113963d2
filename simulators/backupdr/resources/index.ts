import type { ResourceDef } from './resource.js';
import { backupResource, eventResource, jobHistoryResource, jobResourceDef, jobStatusResource } from './activity.js';
import { applicationResource, consistencyGroupResource, hostResource, logicalGroupResource } from './inventory.js';
import { slaResource, slpResource, sltResource } from './protection.js';
import { auditResource, orgResource, rightResource, roleResource, userResource } from './security.js';
import { clusterResource, diskpoolResource } from './storage.js';

/** Every top-level list resource: each gets GET list, GET by id, HEAD and OPTIONS (routes/resources.ts). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const TOP_LEVEL: readonly ResourceDef<any>[] = [
  applicationResource,
  hostResource,
  backupResource,
  jobResourceDef,
  jobHistoryResource,
  jobStatusResource,
  sltResource,
  slpResource,
  slaResource,
  diskpoolResource,
  clusterResource,
  consistencyGroupResource,
  logicalGroupResource,
  eventResource,
  userResource,
  roleResource,
  rightResource,
  orgResource,
  auditResource,
];
