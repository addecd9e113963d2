import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { findRequest, recursivePath } from '../../src/datasources/commvault/browse-request.js';
import { CommvaultSource } from '../../src/datasources/commvault/commvault-source.js';
import { toBrowsePage } from '../../src/datasources/commvault/mappers/browse.js';
import type { UpstreamPipeline, UpstreamRequest } from '../../src/datasources/pipeline/types.js';
import { browsePath, findPattern, pointInTime } from '../../src/resolvers/commvault/browse-input.js';

const result = (browseResult: unknown) => ({ browseResponses: [{ respType: 0, browseResult }] });

describe('toBrowsePage (POST /DoBrowse answers)', () => {
  it('reads a file and a folder with sizes, Unix-second times and flags', () => {
    const page = toBrowsePage(
      result({
        totalItemsFound: 7,
        dataResultSet: [
          { path: 'C:\\Data', displayName: 'Data', size: 1200, modificationTime: 1764931200, flags: { directory: true }, advancedData: { backupTime: 1764934800 } },
          { path: 'C:\\a.txt', displayName: 'a.txt', size: '31420', modificationTime: '1494235377', flags: { file: '1', deleted: '1' }, advancedData: { backupTime: 0 } },
        ],
      }),
    );
    expect(page).toEqual({
      total: 7,
      items: [
        { path: 'C:\\Data', name: 'Data', isDirectory: true, sizeBytes: 1200, modifiedAt: new Date('2025-12-05T10:40:00Z'), backedUpAt: new Date('2025-12-05T11:40:00Z'), isDeleted: false },
        // A deleted item carries `flags.deleted`, `true` or "1" (cvpysdk).
        { path: 'C:\\a.txt', name: 'a.txt', isDirectory: false, sizeBytes: 31420, modifiedAt: new Date(1494235377 * 1000), backedUpAt: null, isDeleted: true },
      ],
    });
  });

  it('tolerates missing sizes, times, names, flags and advancedData', () => {
    const page = toBrowsePage(result({ dataResultSet: [{ path: '/var/log/x.log', flags: { file: true } }, { path: '/srv' }] }));
    expect(page).toEqual({
      total: 2,
      items: [
        { path: '/var/log/x.log', name: 'x.log', isDirectory: false, sizeBytes: null, modifiedAt: null, backedUpAt: null, isDeleted: false },
        // cvpysdk reads an entry without `flags.file` as a folder.
        { path: '/srv', name: 'srv', isDirectory: true, sizeBytes: null, modifiedAt: null, backedUpAt: null, isDeleted: false },
      ],
    });
  });

  it('reads a single result sent as an object, and an empty result whose list is left out', () => {
    expect(toBrowsePage(result({ totalItemsFound: 1, dataResultSet: { path: 'D:', flags: { directory: 'true' } } })).items.map((i) => i.path)).toEqual(['D:']);
    expect(toBrowsePage(result({ totalItemsFound: 0 }))).toEqual({ total: 0, items: [] });
  });

  it('skips entries without a path, and never counts fewer than it holds', () => {
    expect(toBrowsePage(result({ totalItemsFound: 0, dataResultSet: [{ displayName: 'ghost' }, { path: 'C:\\b' }] }))).toMatchObject({ total: 1, items: [{ path: 'C:\\b' }] });
  });

  it('uses the response that holds the result', () => {
    const body = { browseResponses: [{ respType: 1, session: { sessionId: 's' } }, { respType: 0, browseResult: { totalItemsFound: 1, dataResultSet: [{ path: 'C:' }] } }] };
    expect(toBrowsePage(body).total).toBe(1);
  });
});

describe('browse errors', () => {
  const pipeline: UpstreamPipeline = { send: () => Promise.reject(new Error('not used')), invalidate: async () => {}, close: async () => {} };
  const source = new CommvaultSource({ instanceId: 'cv', kind: 'commvault', identity: 'user:a', pipeline, logger: pino({ level: 'silent' }), username: 'a', password: 'p4ssw0rd-unit' });
  const req: UpstreamRequest = { method: 'POST', path: '/DoBrowse', route: 'POST /DoBrowse' };
  const detect = (body: unknown) => source.errorFromResponse({ status: 200, headers: {}, body }, req);

  it('reads messages of a response without a result as the error', () => {
    const error = detect({ browseResponses: [{ respType: 3, messages: [{ errorCode: 2, errorMessage: 'Subclient [7] not found.' }] }] });
    expect(error).toMatchObject({ code: 'UPSTREAM_ERROR', message: 'Subclient [7] not found.', upstreamCode: 2 });
  });

  it('treats `{}` (index not ready) as an error, so it is not cached', () => {
    expect(detect({})?.message).toMatch(/without a result/);
  });

  it('finds nothing wrong in a result, even an empty one', () => {
    expect(detect(result({ totalItemsFound: 0 }))).toBeUndefined();
  });
});

describe('find requests', () => {
  it.each([
    ['\\', '\\**\\*'],
    ['C:\\Users\\', 'C:\\Users\\**\\*'],
    ['/var/log', '/var/log/**/*'],
    ['/', '/**/*'],
  ])('searches every level below %s as %s', (path, recursive) => {
    expect(recursivePath(path)).toBe(recursive);
  });

  it('sends the pattern as a FileName criterion with opType 1', () => {
    const body = findRequest({ subclientId: 7, clientId: 2, clientName: 'fs01', applicationId: 33, agentInstanceId: null, backupsetId: 3 }, '*.pdf', { offset: 20, limit: 10 }) as any;
    expect(body.opType).toBe(1);
    expect(body.paths).toEqual([{ path: '\\**\\*' }]);
    expect(body.entity).toEqual({ clientName: 'fs01', clientId: 2, applicationId: 33, backupsetId: 3, subclientId: 7 });
    expect(body.queries[0].whereClause).toEqual([{ connector: 0, criteria: { field: 'FileName', values: ['*.pdf'] } }]);
    expect(body.queries[0].dataParam.paging).toEqual({ pageSize: 10, skipNode: 20, firstNode: 0 });
    expect(body.timeRange).toEqual({ fromTime: 0, toTime: 0 });
  });
});

describe('browse input', () => {
  it('takes a path as given, and none as the root', () => {
    expect(browsePath('C:\\Users')).toBe('C:\\Users');
    expect(browsePath(null)).toBeUndefined();
  });

  it.each(['', '  ', 'C:\\*', 'a?b', 'x\u0000y', 'x'.repeat(32_768)])('refuses the path %j', (path) => {
    expect(() => browsePath(path)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it.each(['', ' ', 'C:\\a.txt', 'logs/*.log', 'a\u0007', 'a'.repeat(256)])('refuses the pattern %j', (pattern) => {
    expect(() => findPattern(pattern)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('refuses a point in time before 1970', () => {
    expect(() => pointInTime(new Date('1969-12-31T00:00:00Z'))).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(pointInTime(new Date('2026-01-01T00:00:00Z'))).toEqual(new Date('2026-01-01T00:00:00Z'));
  });
});
