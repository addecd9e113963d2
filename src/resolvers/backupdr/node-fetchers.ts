import type DataLoader from 'dataloader';
import type { NodeRecord } from '../../datasources/record.js';
import type { GatewayContext } from '../../context.js';
import type { BackupDrLoaders, BdrIdKey } from '../../datasources/backupdr/loaders.js';
import { consoleLoaders } from './sources.js';

type Fetcher = (ctx: GatewayContext, instanceId: string, consoleId: string) => Promise<NodeRecord | null>;

/** Through the request's id-union loaders, so a page of `node()` calls costs one list call per type. */
function via<T extends NodeRecord>(pick: (l: BackupDrLoaders) => DataLoader<BdrIdKey, T | null, string>): Fetcher {
  return (ctx, instanceId, id) => pick(consoleLoaders(ctx)).load({ instanceId, id });
}

/** How `Query.node` fetches each console type back from its console id. */
export const BACKUPDR_NODE_FETCHERS: Readonly<Record<string, Fetcher>> = {
  BackupDrJob: via((l) => l.jobById),
  BackupDrApplication: via((l) => l.applicationById),
  BackupDrHost: via((l) => l.hostById),
  BackupDrBackup: via((l) => l.backupById),
  BackupDrSla: via((l) => l.slaById),
  BackupDrSlt: via((l) => l.sltById),
  BackupDrSlp: via((l) => l.slpById),
  BackupDrDiskPool: via((l) => l.diskpoolById),
  BackupDrAppliance: via((l) => l.clusterById),
  BackupDrEvent: via((l) => l.eventById),
  BackupDrUser: via((l) => l.userById),
  BackupDrRole: via((l) => l.roleById),
  BackupDrOrganization: via((l) => l.orgById),
  BackupDrAuditRecord: via((l) => l.auditById),
  BackupDrConsistencyGroup: via((l) => l.consistencyGroupById),
  BackupDrLogicalGroup: via((l) => l.logicalGroupById),
};
