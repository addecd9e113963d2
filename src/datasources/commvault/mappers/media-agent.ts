import { toGlobalId } from '../../../util/global-id.js';
import type { UpstreamRef } from '../../record.js';
import type { CvMediaAgent, CvMediaAgentDetail } from '../model.js';
import { bool, field, int, list, path, str } from './read.js';

/**
 * `GET /V2/MediaAgents` (and `GET /MediaAgent/{id}`, an array of one): `{mediaAgentList: [{mediaAgent:
 * {mediaAgentId, mediaAgentName}, status, osInfo, version}]}`. `status` is numeric, 1 = online (cvpysdk
 * reads it as bool); V4-style `"ONLINE"` strings are accepted too.
 */
export function toMediaAgents(body: unknown, upstream: UpstreamRef): CvMediaAgent[] {
  const out: CvMediaAgent[] = [];
  for (const m of list(field(body, 'mediaAgentList', 'mediaAgents'))) {
    const entity = field(m, 'mediaAgent') ?? m;
    const mediaAgentId = int(field(entity, 'mediaAgentId', 'id'));
    if (mediaAgentId === null) continue;
    const status = field(m, 'status');
    out.push({
      __typename: 'CommvaultMediaAgent',
      id: toGlobalId('CommvaultMediaAgent', upstream.id, mediaAgentId),
      upstream,
      mediaAgentId,
      name: str(field(entity, 'mediaAgentName', 'name')) ?? String(mediaAgentId),
      displayName: str(field(entity, 'displayName')),
      online: typeof status === 'string' && !/^\d+$/.test(status) ? status.toUpperCase() === 'ONLINE' : (bool(status) ?? false),
      osName: str(path(m, 'osInfo', 'OsDisplayInfo', 'OSName')),
      version: str(field(m, 'version')),
    });
  }
  return out;
}

/**
 * `GET /V4/mediaAgent/{id}` → `{general: {status, offlineReason, operatingSystem: {type}, description, …},
 * indexCache: {path}, control: {maintenanceMode, …}}` (docs/upstreams/commvault.md §5.2).
 */
export function toMediaAgentDetail(body: unknown): CvMediaAgentDetail {
  const general = field(body, 'general');
  return {
    status: str(field(general, 'status'))?.toUpperCase() ?? null,
    offlineReason: str(field(general, 'offlineReason'))?.trim() || null,
    maintenanceMode: bool(path(body, 'control', 'maintenanceMode')),
    indexCachePath: str(path(body, 'indexCache', 'path')),
    osType: str(path(general, 'operatingSystem', 'type')),
    description: str(field(general, 'description')),
  };
}
