import { toGlobalId } from '../../../util/global-id.js';
import type { UpstreamRef } from '../../record.js';
import type { CvLibrary, CvMountPath } from '../model.js';
import { field, int, list, mbToBytes, num, path, str } from './read.js';

/** `GET /Library`: `{response: [{entityInfo: {id, name}}]}` — names only; details need `GET /Library/{id}`. */
export function toLibraries(body: unknown, upstream: UpstreamRef): CvLibrary[] {
  const out: CvLibrary[] = [];
  for (const r of list(field(body, 'response'))) {
    const e = field(r, 'entityInfo');
    const libraryId = int(field(e, 'id'));
    if (libraryId === null) continue;
    out.push({ ...node(upstream, libraryId), libraryId, name: str(field(e, 'name')) ?? String(libraryId), status: null, libraryType: null, mountPaths: null });
  }
  return out;
}

/**
 * `GET /Library/{id}`: `{libraryInfo: {library: {libraryName, libraryId}, status, libraryType,
 * MountPathList: [{mountPathId, mountPathName, status, mountPathSummary: {totalSpace, totalFreeSpace,
 * totalDataWritten, estimatedSpaceRunoutDays}}]}}` — capital `MountPathList`, sizes in MB, some as strings.
 */
export function toLibraryDetail(body: unknown, libraryId: number, upstream: UpstreamRef): CvLibrary | null {
  const info = field(body, 'libraryInfo');
  if (info === undefined) return null;
  const lib = field(info, 'library');
  const id = int(field(lib, 'libraryId')) ?? libraryId;
  return {
    ...node(upstream, id),
    libraryId: id,
    name: str(field(lib, 'libraryName')) ?? String(libraryId),
    status: str(field(info, 'status')),
    libraryType: str(field(info, 'libraryType')),
    mountPaths: list(field(info, 'MountPathList'))
      .map(toMountPath)
      .filter((m): m is CvMountPath => m !== null),
  };
}

function node(upstream: UpstreamRef, libraryId: number): Pick<CvLibrary, '__typename' | 'id' | 'upstream'> {
  return { __typename: 'CommvaultLibrary', id: toGlobalId('CommvaultLibrary', upstream.id, libraryId), upstream };
}

function toMountPath(raw: unknown): CvMountPath | null {
  const mountPathId = int(field(raw, 'mountPathId'));
  if (mountPathId === null) return null;
  const summary = field(raw, 'mountPathSummary');
  return {
    mountPathId,
    name: str(field(raw, 'mountPathName')) ?? String(mountPathId),
    status: str(field(raw, 'status')),
    capacityBytes: mbToBytes(field(summary, 'totalSpace')),
    freeBytes: mbToBytes(field(summary, 'totalFreeSpace')),
    dataWrittenBytes: mbToBytes(field(summary, 'totalDataWritten')),
    estimatedRunoutDays: num(path(raw, 'mountPathSummary', 'estimatedSpaceRunoutDays')),
  };
}
