import { describe, expect, it } from 'vitest';
import type { CvSubclient, CvSubclientDetail } from '../../src/datasources/commvault/model.js';
import { contentChangeConflict, contentChangeProblem, subclientContentBody, type CvContentChange } from '../../src/datasources/commvault/subclient-content.js';
import { upstreamRef } from '../../src/datasources/record.js';

const UP = upstreamRef('cv-test', 'commvault');

function subclient(detail: Partial<CvSubclientDetail>): CvSubclient {
  return {
    __typename: 'CommvaultSubclient', id: 'x', upstream: UP, subclientId: 7, name: 'default', clientId: 2, clientName: 'fs01',
    applicationId: 33, appName: 'Windows File System', backupsetId: 3, backupsetName: 'defaultBackupSet', agentInstanceId: 1, agentInstanceName: null,
    detail: {
      description: null, backupEnabled: true, contentPaths: ['C:\\data'], filters: ['*.tmp'], exceptions: [], fileSystem: true,
      streamCount: 1, lastBackupAt: null, storagePolicy: null, plan: null, ...detail,
    },
  };
}

const change = (c: Partial<CvContentChange>): CvContentChange => ({ operation: 'ADD', content: null, filters: null, exceptions: null, ...c });

describe('contentChangeProblem (before any call)', () => {
  it('accepts a change naming items, and an OVERWRITE emptying filters', () => {
    expect(contentChangeProblem(change({ filters: ['*.iso'] }))).toBeNull();
    expect(contentChangeProblem(change({ operation: 'OVERWRITE', filters: [] }))).toBeNull();
  });

  it.each([
    ['no list', change({})],
    ['an empty list to ADD', change({ content: [] })],
    ['an empty list to DELETE', change({ operation: 'DELETE', exceptions: [] })],
    ['an OVERWRITE of content with nothing', change({ operation: 'OVERWRITE', content: [] })],
    ['a blank item', change({ content: ['  '] })],
    ['a control character', change({ filters: ['a\nb'] })],
    ['1001 items', change({ filters: Array.from({ length: 1001 }, (_, i) => `*.${i}`) })],
  ])('refuses %s', (_name, c) => {
    expect(contentChangeProblem(c)).toEqual(expect.any(String));
  });
});

describe('contentChangeConflict (after the read)', () => {
  it('refuses filters on a subclient that is not a file system one', () => {
    expect(contentChangeConflict(subclient({ fileSystem: false }), change({ filters: ['*.bak'] }))).toEqual(expect.any(String));
    expect(contentChangeConflict(subclient({ fileSystem: false }), change({ content: ['X'] }))).toBeNull();
  });

  it('refuses a DELETE that leaves no content path', () => {
    expect(contentChangeConflict(subclient({}), change({ operation: 'DELETE', content: ['C:\\data'] }))).toEqual(expect.any(String));
    expect(contentChangeConflict(subclient({ contentPaths: ['C:\\data', 'D:\\'] }), change({ operation: 'DELETE', content: ['C:\\data'] }))).toBeNull();
  });
});

describe('subclientContentBody', () => {
  it('sends contentOperationType alone, and only paths, for a subclient that is not a file system one', () => {
    const body = subclientContentBody(subclient({ fileSystem: false, contentPaths: ['db1'] }), change({ operation: 'OVERWRITE', content: ['db2', 'db2'] }));
    expect(body).toEqual({
      subClientProperties: {
        subClientEntity: { subclientId: 7, subclientName: 'default', clientId: 2, clientName: 'fs01', applicationId: 33, appName: 'Windows File System', instanceId: 1, backupsetId: 3, backupsetName: 'defaultBackupSet' },
        content: [{ path: 'db2' }],
        contentOperationType: 1,
      },
    });
  });

  it('keeps an emptied kind with nothing to delete at OVERWRITE and sends no items for it', () => {
    const body = subclientContentBody(subclient({ exceptions: [] }), change({ operation: 'OVERWRITE', exceptions: [] })) as any;
    expect(body.subClientProperties.content).toEqual([{ path: 'C:\\data' }, { excludePath: '*.tmp' }]);
    expect(body.subClientProperties.fsIncludeFilterOperationType).toBe(1);
  });
});
