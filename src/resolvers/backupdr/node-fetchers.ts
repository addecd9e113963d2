import type DataLoader from 'dataloader';
import type { GatewayContext } from '../../context.js';
import { consoleLoaders } from './sources.js';
import type { BackupDrLoaders, BdrIdKey } from '../../datasources/backupdr/loaders.js';
import type { Node } from '../../schema/unified/node.type.js';
import type { Upstream } from '../../schema/unified/upstream.type.js';
import {
  consoleUpstream,
  presentAppliance,
  presentApplication,
  presentAuditRecord,
  presentBackup,
  presentConsistencyGroup,
  presentDiskPool,
  presentEvent,
  presentHost,
  presentJob,
  presentLogicalGroup,
  presentOrganization,
  presentRole,
  presentSla,
  presentSlp,
  presentSlt,
  presentUser,
} from './present.js';

type Fetcher = (ctx: GatewayContext, instanceId: string, consoleId: string) => Promise<Node | null>;

/** Through the request's id-union loaders, so a page of `node()` calls costs one list call per type. */
function via<T>(pick: (l: BackupDrLoaders) => DataLoader<BdrIdKey, T | null, string>, present: (up: Upstream, v: T) => Node): Fetcher {
  return async (ctx, instanceId, id) => {
    const value = await pick(consoleLoaders(ctx)).load({ instanceId, id });
    return value === null ? null : present(consoleUpstream(instanceId), value);
  };
}

/** How `Query.node` fetches each console type back from its console id. */
export const BACKUPDR_NODE_FETCHERS: Readonly<Record<string, Fetcher>> = {
  BackupDrJob: via((l) => l.jobById, presentJob),
  BackupDrApplication: via((l) => l.applicationById, presentApplication),
  BackupDrHost: via((l) => l.hostById, presentHost),
  BackupDrBackup: via((l) => l.backupById, presentBackup),
  BackupDrSla: via((l) => l.slaById, presentSla),
  BackupDrSlt: via((l) => l.sltById, presentSlt),
  BackupDrSlp: via((l) => l.slpById, presentSlp),
  BackupDrDiskPool: via((l) => l.diskpoolById, presentDiskPool),
  BackupDrAppliance: via((l) => l.clusterById, presentAppliance),
  BackupDrEvent: via((l) => l.eventById, presentEvent),
  BackupDrUser: via((l) => l.userById, presentUser),
  BackupDrRole: via((l) => l.roleById, presentRole),
  BackupDrOrganization: via((l) => l.orgById, presentOrganization),
  BackupDrAuditRecord: via((l) => l.auditById, presentAuditRecord),
  BackupDrConsistencyGroup: via((l) => l.consistencyGroupById, presentConsistencyGroup),
  BackupDrLogicalGroup: via((l) => l.logicalGroupById, presentLogicalGroup),
};
