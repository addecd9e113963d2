import { describe, expect, it } from 'vitest';
import { auxCopyTaskRequest, dataAgingTaskRequest, restoreTaskRequest, type SubclientAssociation } from '../../src/datasources/commvault/task-requests.js';

/** The `POST /CreateTask` bodies (docs/upstreams/commvault.md §3.8), built from names alone. */
const FS01: SubclientAssociation = { clientName: 'fs01', appName: 'Windows File System', instanceName: 'DefaultInstanceName', backupsetName: 'defaultBackupSet', subclientName: 'default' };
const IMMEDIATE = { initiatedFrom: 2, taskType: 1, policyType: 0, taskFlags: { disabled: false } };

const subTaskOf = (body: unknown) => (body as { taskInfo: { subTasks: Array<Record<string, any>> } }).taskInfo.subTasks[0]!;
const infoOf = (body: unknown) => (body as { taskInfo: Record<string, any> }).taskInfo;

describe('restoreTaskRequest', () => {
  it('restores in place to the source client, latest data, without overwriting', () => {
    const body = restoreTaskRequest({ source: FS01, paths: ['C:\\data\\a.txt', 'C:\\data\\b'], overwrite: false });
    expect(infoOf(body).associations).toEqual([FS01]);
    expect(infoOf(body).task).toEqual(IMMEDIATE);
    expect(subTaskOf(body)).toEqual({
      subTask: { subTaskType: 3, operationType: 1001 },
      options: {
        restoreOptions: {
          destination: { inPlace: true, destClient: { clientName: 'fs01' } },
          fileOption: { sourceItem: ['C:\\data\\a.txt', 'C:\\data\\b'] },
          browseOption: { backupset: { clientName: 'fs01', backupsetName: 'defaultBackupSet' }, timeRange: { fromTime: 0, toTime: 0 } },
          commonOptions: { unconditionalOverwrite: false },
        },
      },
    });
  });

  it('restores out of place, as of a point in time in Unix seconds, overwriting', () => {
    const body = restoreTaskRequest({
      source: { ...FS01, instanceName: null },
      paths: ['/srv'],
      pointInTime: new Date('2026-12-01T10:00:00.750Z'),
      outOfPlace: { clientName: 'fs02', path: 'D:\\restore' },
      overwrite: true,
    });
    expect(infoOf(body).associations).toEqual([{ clientName: 'fs01', appName: 'Windows File System', backupsetName: 'defaultBackupSet', subclientName: 'default' }]);
    const options = subTaskOf(body).options.restoreOptions;
    expect(options.destination).toEqual({ inPlace: false, destClient: { clientName: 'fs02' }, destPath: ['D:\\restore'] });
    expect(options.browseOption.timeRange).toEqual({ fromTime: 0, toTime: 1_796_119_200 });
    expect(options.commonOptions).toEqual({ unconditionalOverwrite: true });
  });
});

describe('auxCopyTaskRequest', () => {
  it('copies to every copy when none is named: empty copyName and allCopies', () => {
    const body = auxCopyTaskRequest({ storagePolicyName: 'Server Plan' });
    expect(infoOf(body).associations).toEqual([{ storagePolicyName: 'Server Plan', copyName: '' }]);
    const sub = subTaskOf(body);
    expect(sub.subTaskOperation).toBe(1);
    expect(sub.subTask).toEqual({ subTaskType: 1, operationType: 4003 });
    expect(sub.options.backupOpts.mediaOpt.auxcopyJobOption).toMatchObject({ allCopies: true, useMaximumStreams: true, totalJobsToProcess: 1000 });
  });

  it('copies to the named copy only', () => {
    const body = auxCopyTaskRequest({ storagePolicyName: 'Server Plan', copyName: 'Cloud Copy' });
    expect(infoOf(body).associations).toEqual([{ storagePolicyName: 'Server Plan', copyName: 'Cloud Copy' }]);
    expect(subTaskOf(body).options.backupOpts.mediaOpt.auxcopyJobOption.allCopies).toBe(false);
  });
});

describe('dataAgingTaskRequest', () => {
  it('ages the whole CommServe: no associations, selectCopies false, one entry with empty names', () => {
    const body = dataAgingTaskRequest({});
    expect(infoOf(body).associations).toEqual([]);
    const sub = subTaskOf(body);
    expect(sub.subTask).toEqual({ subTaskType: 1, operationType: 4018 });
    expect(sub.options.adminOpts.dataAgingOption).toEqual({
      selectCopies: false,
      includeAllClients: true,
      pruneSelectedCopies: false,
      isGranular: false,
      includeAll: true,
      archiveGroupCopy: [{ storagePolicyName: '', copyName: '' }],
    });
  });

  it('ages the chosen copies: selectCopies and one archiveGroupCopy entry each', () => {
    const copies = [
      { storagePolicyName: 'Server Plan', copyName: 'Primary' },
      { storagePolicyName: 'Database Plan', copyName: 'Cloud Copy' },
    ];
    const option = subTaskOf(dataAgingTaskRequest({ copies })).options.adminOpts.dataAgingOption;
    expect(option).toMatchObject({ selectCopies: true, includeAll: false, archiveGroupCopy: copies });
  });
});
