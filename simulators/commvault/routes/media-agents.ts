import type { MediaAgent } from '../data/types.js';
import { idParam, listOrOmit, ok, v4NotFound, type ApiRequest, type ApiResult, type RouteDef, type SimContext } from '../context.js';

const ROOT = 'EVGui_GetMediaAgentListResp';

export const mediaAgentRoutes: RouteDef[] = [
  { method: 'GET', template: '/V2/MediaAgents', handle: (_req, ctx) => ok(listOrOmit('mediaAgentList', ctx.data.mediaAgents.map(v2Item)), ROOT) },
  { method: 'GET', template: '/MediaAgent/{id}', handle: getV1 },
  { method: 'GET', template: '/V4/mediaAgent', handle: (_req, ctx) => ok({ mediaAgents: ctx.data.mediaAgents.map(v4General) }, 'Api_MediaAgentsResp') },
  { method: 'GET', template: '/V4/mediaAgent/{id}', handle: getV4 },
];

function v2Item(ma: MediaAgent): Record<string, unknown> {
  return {
    mediaAgent: { mediaAgentId: ma.mediaAgentId, mediaAgentName: ma.mediaAgentName, displayName: ma.mediaAgentName },
    osInfo: { OsDisplayInfo: { OSName: ma.osName, ProcessorType: 'x64' } },
    // Numeric: cvpysdk reads bool(status), 1 online.
    status: ma.online ? 1 : 0,
    version: ma.version,
    mediaAgentProps: {
      mediaAgentIdxCacheProps: { cacheEnabled: true },
      indexLogsCacheInfo: { logsCachePath: { path: ma.indexCachePath } },
    },
    powerManagementInfo: { isPowerMgmtSupported: false },
  };
}

function getV1(req: ApiRequest, ctx: SimContext): ApiResult {
  const ma = ctx.index.mediaAgents.get(idParam(req));
  return ok(ma ? { mediaAgentList: [v2Item(ma)] } : {}, ROOT);
}

function v4General(ma: MediaAgent): Record<string, unknown> {
  return {
    id: ma.mediaAgentId,
    name: ma.mediaAgentName,
    displayName: ma.mediaAgentName,
    status: ma.maintenanceMode ? 'MAINTENANCE' : ma.online ? 'ONLINE' : 'OFFLINE',
    isUnlicensedMA: false,
    offlineReason: ma.offlineReason,
    offlineReasonValue: ma.offlineReasonValue,
    operatingSystem: ma.os === 'Windows' ? { id: 1, name: 'Windows', type: 'WINDOWS' } : { id: 2, name: 'Unix', type: 'UNIX' },
    version: ma.version,
    releaseId: 16,
    description: '',
    company: { id: 0, name: 'Commcell' },
  };
}

function getV4(req: ApiRequest, ctx: SimContext): ApiResult {
  const ma = ctx.index.mediaAgents.get(idParam(req));
  if (!ma) return v4NotFound();
  return ok(
    {
      general: v4General(ma),
      indexCache: { path: ma.indexCachePath, logsCache: { enabled: true, path: ma.indexCachePath } },
      control: { enabled: ma.online, optimizeForConcurrentLANBackups: true, maintenanceMode: ma.maintenanceMode, ransomwareProtection: true, parallelDataTransferOperations: 100 },
      security: [],
    },
    'Api_MediaAgentDetailsResp',
  );
}
