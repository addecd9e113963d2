import type { RouteDef } from '../context.js';
import { alertRoutes } from './alerts.js';
import { arraysReplicationRoutes } from './arrays-replication.js';
import { authRoutes } from './auth.js';
import { browseRoutes } from './browse.js';
import { clientRoutes } from './clients.js';
import { commServRoutes } from './commserv.js';
import { ddbRoutes } from './ddb.js';
import { drBackupRoutes } from './dr-backup.js';
import { eventRoutes } from './events.js';
import { jobRoutes } from './jobs.js';
import { libraryRoutes } from './libraries.js';
import { mediaAgentRoutes } from './media-agents.js';
import { planJobOperationRoutes } from './plan-job-operations.js';
import { planRoutes } from './plans.js';
import { planDetailRoutes } from './plan-detail.js';
import { storagePolicyRoutes } from './storage-policies.js';
import { subclientConfigRoutes } from './subclient-config.js';
import { storagePoolRoutes } from './storage-pools.js';
import { scheduleRoutes } from './schedules.js';
import { taskRoutes } from './tasks.js';
import { virtualizationRoutes } from './virtualization.js';

export const allRoutes: readonly RouteDef[] = [
  ...authRoutes,
  ...commServRoutes,
  ...jobRoutes,
  ...taskRoutes,
  ...clientRoutes,
  ...subclientConfigRoutes,
  ...mediaAgentRoutes,
  ...storagePoolRoutes,
  ...libraryRoutes,
  ...storagePolicyRoutes,
  ...ddbRoutes,
  ...planRoutes,
  ...planDetailRoutes,
  ...eventRoutes,
  ...alertRoutes,
  ...browseRoutes,
  ...drBackupRoutes,
  ...planJobOperationRoutes,
  ...virtualizationRoutes,
  ...scheduleRoutes,
  ...arraysReplicationRoutes,
];
