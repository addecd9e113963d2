import type { DdbPartition, DdbStore } from '../data/types.js';
import { ok, type ApiRequest, type ApiResult, type RouteDef, type SimContext } from '../context.js';
import { ddbOperationRoot, runDdbOperationMessage } from './ddb-operations.js';
import { avgQiNow } from '../data/drift.js';
import { runScheduleMessage, scheduleMessageRoot } from './schedules.js';

export const ddbRoutes: RouteDef[] = [
  { method: 'GET', template: '/DDBInformation/{id}', handle: ddbInformation },
  {
    method: 'POST',
    template: '/QCommand/qoperation execute',
    // qoperation failures use `errorString` (cvpysdk deduplication_engines.py checks it).
    errorShape: (code, message) => ({ error: { errorCode: code, errorString: message } }),
    // DDB operation messages change data; the engine and substore lists only read it.
    write: (req) => ddbOperationRoot(req.body) !== undefined || scheduleMessageRoot(req.body) !== undefined,
    handle: qoperation,
  },
];

function ddbInformation(req: ApiRequest, ctx: SimContext): ApiResult {
  const store = ctx.index.ddbStores.get(Number(req.params.id));
  if (!store) return ok({}, 'EVGui_DDBInformationResp');
  return ok(
    {
      storeId: store.storeId,
      storeName: store.storeName,
      status: store.status,
      sealedTime: store.sealedTime,
      ddbVersion: store.ddbVersion,
      SubStoreList: store.partitions.map((p) => ({
        subStoreId: p.subStoreId,
        commcellId: ctx.data.commServ.commCellId,
        status: p.status,
        Path: p.path,
        MediaAgent: { id: p.mediaAgentId, name: ctx.index.mediaAgents.get(p.mediaAgentId)?.mediaAgentName ?? '' },
        freeDiskSpaceMB: p.freeDiskSpaceMB,
        offlineReason: p.status === 1 ? 0 : 1,
        timeTakeForRecovery: 0,
        PruneArchiveFilesAvgTime: 0,
        // Unique 128 KB blocks of the space the partition uses: 8 per MB (the simulator's own rule).
        maxSIDBPrimaryRecords: primaryEntriesOf(p),
        lastSnapTime: p.lastSnapTime,
        flags: 0,
        sottstateaccesspath: 1,
        subStoreClientVersion: ctx.index.mediaAgents.get(p.mediaAgentId)?.version ?? '',
        avgQITime: avgQiNow(ctx, p),
      })),
    },
    'EVGui_DDBInformationResp',
  );
}

/**
 * The messages cvpysdk sends are understood, dispatched on the message's root element: the two DDB lists
 * here, the DDB operations in ddb-operations.ts, the schedule task messages in schedules.ts; anything else
 * gets the qoperation error.
 */
function qoperation(req: ApiRequest, ctx: SimContext): ApiResult {
  const body = req.body as Record<string, unknown> | undefined;
  const operation = ddbOperationRoot(body);
  if (operation) return runDdbOperationMessage(operation, req, ctx);
  const scheduleMessage = scheduleMessageRoot(body);
  if (scheduleMessage) return runScheduleMessage(scheduleMessage, req, ctx);
  const isEngines: boolean = (body !== undefined && 'EVGui_DDBEnginesReq' in body) || /<EVGui_DDBEnginesReq\b/.test(req.rawBody);
  const subStoreReq = body?.EVGui_SubStoreListReq as { storeId?: number } | undefined;
  if (isEngines) {
    return ok({ engines: ctx.data.ddbStores.map((s) => engine(ctx, s)) }, 'EVGui_DDBEnginesResp');
  }
  if (subStoreReq) {
    const store = ctx.index.ddbStores.get(Number(subStoreReq.storeId));
    const list = (store?.partitions ?? []).map((p) => ({
      subStoreId: p.subStoreId,
      Path: p.path,
      MediaAgent: { id: p.mediaAgentId, name: ctx.index.mediaAgents.get(p.mediaAgentId)?.mediaAgentName ?? '' },
      status: p.status,
    }));
    return ok(list.length > 0 ? { subStoreList: list } : {}, 'EVGui_SubStoreListResp');
  }
  return ok({ error: { errorCode: 1, errorString: 'Unsupported qoperation message.' } }, 'CvEntities_GenericResp');
}

function engine(ctx: SimContext, s: DdbStore): Record<string, unknown> {
  const policy = ctx.index.policies.get(s.storagePolicyId);
  const copy = policy?.copies.find((c) => c.copyId === s.copyId);
  return {
    sp: { id: s.storagePolicyId, name: policy?.storagePolicyName ?? '' },
    copy: { id: s.copyId, name: copy?.copyName ?? '' },
    storeId: s.storeId,
    storeName: s.storeName,
    sealedTime: s.sealedTime,
    status: s.status,
    ddbVersion: s.ddbVersion,
    storeFlags: s.storeFlags,
    dedupeFlags: 0,
    storeExtendedFlags: 0,
  };
}

/** Primary entries of a partition as the simulator derives them: 8 unique 128 KB blocks per MB it uses. */
export function primaryEntriesOf(p: DdbPartition): number {
  return Math.max(0, p.totalCapacityMB - p.freeDiskSpaceMB) * 8;
}

