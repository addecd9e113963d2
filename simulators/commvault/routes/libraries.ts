import type { Library, MountPath } from '../data/types.js';
import { idParam, ok, type ApiRequest, type ApiResult, type RouteDef, type SimContext } from '../context.js';

export const libraryRoutes: RouteDef[] = [
  { method: 'GET', template: '/Library', handle: listLibraries },
  { method: 'GET', template: '/Library/{id}', handle: getLibrary },
];

function listLibraries(_req: ApiRequest, ctx: SimContext): ApiResult {
  return ok(
    {
      response: ctx.data.libraries.map((l) => ({ entityInfo: { name: l.libraryName, id: l.libraryId } })),
      processinginstructioninfo: { attributes: [{ name: 'exitval', value: '0' }] },
    },
    'EVGui_GetLibraryListResp',
  );
}

function getLibrary(req: ApiRequest, ctx: SimContext): ApiResult {
  const l = ctx.index.libraries.get(idParam(req));
  if (!l) return ok({}, 'EVGui_GetLibraryPropertiesResp');
  return ok(
    {
      libraryInfo: {
        library: { libraryName: l.libraryName, libraryId: l.libraryId, _type_: 9 },
        libraryType: l.libraryType === 'Cloud' ? 'Cloud Storage Library' : 'Disk Library',
        status: l.mountPaths.every((m) => m.online) ? 'Ready' : 'Partially ready',
        MountPathList: l.mountPaths.map((m) => mountPath(l, m)),
      },
    },
    'EVGui_GetLibraryPropertiesResp',
  );
}

/** Sizes in MB; the written/app sizes come as strings, as the real summary mixes types. */
function mountPath(l: Library, m: MountPath): Record<string, unknown> {
  // Runway at a growth of 0.4 % of the capacity a day.
  const runoutDays: number = Math.round(m.freeMB / Math.max(1, m.capacityMB * 0.004));
  return {
    mountPathId: m.mountPathId,
    mountPathName: m.mountPathName,
    status: m.online ? 'Ready' : 'Offline',
    mediaAgent: { mediaAgentId: m.mediaAgentId },
    mountPathSummary: {
      totalSpace: m.capacityMB,
      totalFreeSpace: m.freeMB,
      totalDataWritten: String(m.dataWrittenMB),
      totalAppSize: String(m.appSizeMB),
      estimatedSpaceRunoutDays: runoutDays,
      libraryId: l.libraryId,
      libraryName: l.libraryName,
    },
  };
}
