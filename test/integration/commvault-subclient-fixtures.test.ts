import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import 'reflect-metadata';
import { useCommvaultFixture } from '../helpers/commvault-fixture-gateway.js';
import { toGlobalId } from '../../src/util/global-id.js';

/**
 * Subclients against a CommServe scripted from the reference's own examples (test/fixtures/commvault,
 * docs/upstreams/commvault-subclients.md), not the project's simulator: every documented field of a
 * subclient and an instance maps, and each change sends the request body the real API expects.
 */
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/commvault/${name}.json`, import.meta.url), 'utf8'));

const CV = 'cvf';
const ADMIN = 'k-admin';
const SUBCLIENT = toGlobalId('CommvaultSubclient', CV, 7);


function script(): void {
  fx.fake.on('POST /Login', { json: { userName: 'admin', token: 'QSDK fixture-token', errList: [] } });
  fx.fake.on('GET /Client', { json: { clientProperties: [{ client: { clientEntity: { clientId: 2, clientName: 'fs01', hostName: 'fs01.example.com' } } }] } });
  fx.fake.on('GET /Subclient/7', { json: fixture('subclient') });
  fx.fake.on('GET /Subclient', { json: fixture('subclients') });
  fx.fake.on('GET /Instance', { json: fixture('instances') });
  fx.fake.on('GET /Agent', { json: { agentProperties: [{ idaEntity: { clientId: 2, clientName: 'fs01', applicationId: 33, appName: 'Windows File System' } }] } });
  fx.fake.on('GET /Backupset', {
    json: { backupsetProperties: [{ backupSetEntity: { clientId: 2, clientName: 'fs01', applicationId: 33, appName: 'Windows File System', instanceId: 1, instanceName: 'DefaultInstanceName', backupsetId: 3, backupsetName: 'defaultBackupSet' }, commonBackupSet: { isDefaultBackupSet: true } }] },
  });
  fx.fake.on('POST /Subclient/7', { json: fixture('subclient-update-response') });
  fx.fake.on('POST /DoBrowse', { json: fixture('browse-response') });
  fx.fake.on('POST /CreateTask', { json: fixture('restore-response') });
}

const fx = useCommvaultFixture({ upstreamId: CV, adminKey: ADMIN, script });
const gql = fx.gql;
const sentBody = (route: string, n = 0): any => JSON.parse(fx.fake.calls(route)[n]?.body ?? 'null');

describe('subclients, from the reference\'s examples', () => {
  it('maps content, filters, exceptions, streams, last backup, plan and storage policy of `GET /Subclient/{id}`', async () => {
    const res = await gql(`{ commvaultSubclient(upstream: "${CV}", subclientId: 7) {
      id subclientId name clientId clientName appName backupsetName agentInstanceName description backupEnabled
      contentPaths filters exceptions streamCount lastBackupAt plan { planId name } storagePolicy { storagePolicyId name }
    } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.commvaultSubclient).toEqual({
      id: SUBCLIENT, subclientId: 7, name: 'default', clientId: 2, clientName: 'fs01', appName: 'Windows File System',
      backupsetName: 'defaultBackupSet', agentInstanceName: 'DefaultInstanceName', description: null, backupEnabled: true,
      contentPaths: ['C:\\data'], filters: ['*.tmp'], exceptions: ['C:\\data\\keep.tmp'], streamCount: 2,
      lastBackupAt: new Date(1767225600 * 1000).toISOString(),
      plan: { planId: 5, name: 'Server Plan' }, storagePolicy: { storagePolicyId: 5, name: 'Server Plan' },
    });
  });

  it('maps `GET /Instance?clientId=` between agents and backup sets', async () => {
    const res = await gql(`{ commvaultClient(upstream: "${CV}", clientId: 2) {
      instances { instanceId name clientId applicationId appName }
      agents { name instances { instanceId backupsets { id backupsetId name subclients { subclientId } } } }
    } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.commvaultClient.instances).toEqual([{ instanceId: 1, name: 'DefaultInstanceName', clientId: 2, applicationId: 33, appName: 'File System' }]);
    expect(res.body.data.commvaultClient.agents).toEqual([
      {
        name: 'Windows File System',
        instances: [{ instanceId: 1, backupsets: [{ id: toGlobalId('CommvaultBackupset', CV, '2.3'), backupsetId: 3, name: 'defaultBackupSet', subclients: [{ subclientId: 7 }, { subclientId: 8 }] }] }],
      },
    ]);
    expect(fx.fake.calls('GET /Instance')[0]?.query).toEqual([['clientId', '2']]);
  });
});

describe('content changes send cvpysdk\'s body', () => {
  const UPDATE = `mutation ($input: SubclientContentInput!) { updateSubclientContent(subclient: "${SUBCLIENT}", input: $input) { contentPaths filters exceptions } }`;
  const ENTITY = {
    subclientId: 7, subclientName: 'default', clientId: 2, clientName: 'fs01', applicationId: 33, appName: 'Windows File System',
    instanceId: 1, instanceName: 'DefaultInstanceName', backupsetId: 3, backupsetName: 'defaultBackupSet',
  };

  it('ADD: the items given, every operation type 2', async () => {
    const res = await gql(UPDATE, { input: { operation: 'ADD', filters: ['*.iso'] } });
    expect(res.body.errors).toBeUndefined();
    expect(sentBody('POST /Subclient/7')).toEqual({
      subClientProperties: {
        subClientEntity: ENTITY, content: [{ excludePath: '*.iso' }],
        fsContentOperationType: 2, fsExcludeFilterOperationType: 2, fsIncludeFilterOperationType: 2,
      },
    });
  });

  it('DELETE: the items given, every operation type 3', async () => {
    await gql(UPDATE, { input: { operation: 'DELETE', exceptions: ['C:\\data\\keep.tmp'] } });
    expect(sentBody('POST /Subclient/7').subClientProperties).toMatchObject({
      content: [{ includePath: 'C:\\data\\keep.tmp' }], fsContentOperationType: 3, fsExcludeFilterOperationType: 3, fsIncludeFilterOperationType: 3,
    });
  });

  it('OVERWRITE: the lists left out re-sent as they are, an emptied one as its items with DELETE', async () => {
    await gql(UPDATE, { input: { operation: 'OVERWRITE', content: ['D:\\shares', 'E:\\'], filters: [] } });
    expect(sentBody('POST /Subclient/7')).toEqual({
      subClientProperties: {
        subClientEntity: ENTITY,
        content: [{ path: 'D:\\shares' }, { path: 'E:\\' }, { excludePath: '*.tmp' }, { includePath: 'C:\\data\\keep.tmp' }],
        fsContentOperationType: 1, fsExcludeFilterOperationType: 3, fsIncludeFilterOperationType: 1,
      },
    });
    // Read past the cache before and after the write.
    expect(fx.fake.calls('GET /Subclient/7')).toHaveLength(2);
  });

  it('takes `{errorCode, errorString}` in `response` as a refusal (UPSTREAM_ERROR)', async () => {
    fx.fake.on('POST /Subclient/7', { json: { response: [{ errorCode: 2, errorString: 'Content path is invalid.' }] } });
    const res = await gql(UPDATE, { input: { operation: 'ADD', content: ['Q:\\'] } });
    expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_ERROR']);
  });
});

describe('backup set backups, browse windows and ACL restores', () => {
  it('backs up each subclient of the backup set with its own call, and returns every job id', async () => {
    let n = 0;
    fx.fake.on('POST /Subclient/7/action/backup', { json: fixture('subclient-backup-response') });
    fx.fake.on('POST /Subclient/8/action/backup', () => ({ json: { taskId: 88, jobIds: [String(1426071 + n++)] } }));
    const res = await gql(`mutation { backupBackupset(input: { backupset: "${toGlobalId('CommvaultBackupset', CV, '2.3')}", level: FULL }) {
      jobIds complete subclients { subclient { subclientId } jobs { jobId } error { code } }
    } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.backupBackupset).toEqual({
      jobIds: [1426070, 1426071],
      complete: true,
      subclients: [
        { subclient: { subclientId: 7 }, jobs: [{ jobId: 1426070 }], error: null },
        { subclient: { subclientId: 8 }, jobs: [{ jobId: 1426071 }], error: null },
      ],
    });
    expect(fx.fake.calls('POST /Subclient/7/action/backup')[0]?.query).toEqual([['backupLevel', 'Full']]);
    expect(fx.fake.calls('POST /Subclient/9/action/backup')).toHaveLength(0);
  });

  it('sends the time range in Unix seconds and showDeletedFiles, and reads `flags.deleted: "1"`', async () => {
    const res = await gql(`{ commvaultSubclient(upstream: "${CV}", subclientId: 7) {
      browse(fromTime: "2026-01-01T00:00:00Z", toTime: "2026-01-08T00:00:00Z", includeDeleted: true) { edges { node { path isDeleted backedUpAt } } }
    } }`);
    expect(res.body.errors).toBeUndefined();
    const body = sentBody('POST /DoBrowse');
    expect(body.timeRange).toEqual({ fromTime: 1767225600, toTime: 1767830400 });
    expect(body.options.showDeletedFiles).toBe(true);
    expect(res.body.data.commvaultSubclient.browse.edges).toEqual([{ node: { path: 'C:\\\\csguid.png', isDeleted: true, backedUpAt: new Date(1496382395 * 1000).toISOString() } }]);
  });

  it.each([
    ['ACLS_ONLY', 1, true],
    ['DATA_ONLY', 2, false],
    ['DATA_AND_ACLS', undefined, true],
  ])('restores with acls %s: restoreACLsType %s, restoreACLs %s', async (acls, type, withAcls) => {
    const res = await gql(`mutation { restoreFiles(input: { subclient: "${SUBCLIENT}", paths: ["C:\\\\data\\\\a.txt"], acls: ${acls} }) { jobs { jobId } } }`);
    expect(res.body.errors).toBeUndefined();
    const options = sentBody('POST /CreateTask').taskInfo.subTasks[0].options.restoreOptions;
    expect(options.restoreACLsType).toBe(type);
    expect(options.commonOptions.restoreACLs).toBe(withAcls);
  });

  it('sends neither key when acls is left out', async () => {
    await gql(`mutation { restoreFiles(input: { subclient: "${SUBCLIENT}", paths: ["C:\\\\data\\\\a.txt"] }) { jobs { jobId } } }`);
    const options = sentBody('POST /CreateTask').taskInfo.subTasks[0].options.restoreOptions;
    expect('restoreACLsType' in options).toBe(false);
    expect('restoreACLs' in options.commonOptions).toBe(false);
  });
});
