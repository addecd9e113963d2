import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import 'reflect-metadata';
import { startCommvaultSimulator, type CommvaultSimulator, type Subclient } from '../../simulators/commvault/index.js';
import { browseItems, type BrowseItem } from '../../simulators/commvault/data/browse-tree.js';
import { toGlobalId } from '../../src/util/global-id.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

/**
 * Subclients in detail, their content changes, backup set backups, browse over a time range with deleted
 * items and ACL restores, end to end: real HTTP to a gateway, real HTTP from it to the Commvault
 * simulator. Expectations come from the simulator's seeded data and the state its writes leave.
 */
const CV = 'cv';
const ADMIN = 'k-admin';
const FS_APPS = new Set([29, 33]);
const UPDATE_ROUTE = 'POST /Subclient/{id}';
const BACKUP_ROUTE = 'POST /Subclient/{id}/action/backup';

let sim: CommvaultSimulator;
let gw: TestGateway;
const auditLines: Array<Record<string, any>> = [];

async function gql(query: string, variables: Record<string, unknown> = {}): Promise<{ data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> }> {
  return (await gw.query<any>(query, variables, { apiKey: ADMIN })).body;
}

const codes = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => (res.errors ?? []).map((e) => e.extensions?.code);
const subclientGid = (id: number) => toGlobalId('CommvaultSubclient', CV, id);
const iso = (s: number) => new Date(s * 1000).toISOString();
const mutations = (operation: string) => auditLines.filter((l) => l.msg === 'mutation' && l.operation === operation);

/** A seeded file system subclient of a Windows client with content, two filters and an exception. */
function richSubclient(): Subclient {
  return sim.data.subclients.find((s) => {
    const client = sim.data.clients.find((c) => c.clientId === s.clientId);
    return FS_APPS.has(s.applicationId) && client?.os === 'Windows' && s.content.length > 0 && s.filters.length === 2 && s.exceptions.length === 1 && s.enableBackup;
  })!;
}

/** The newest finished backup of a subclient, as the CommServe records its last backup. */
function lastBackupStart(subclientId: number): number | null {
  const jobs = sim.data.jobs.filter((j) => j.subclientId === subclientId && j.jobType === 'Backup' && j.endTime > 0).sort((a, b) => b.jobId - a.jobId);
  return jobs[0]?.startTime ?? null;
}

const DETAIL = /* GraphQL */ `query ($sc: Int!) { commvaultSubclient(upstream: "${CV}", subclientId: $sc) {
  subclientId contentPaths filters exceptions streamCount lastBackupAt plan { planId } storagePolicy { storagePolicyId }
} }`;
const UPDATE = /* GraphQL */ `mutation ($sc: ID!, $input: SubclientContentInput!, $key: String) {
  updateSubclientContent(subclient: $sc, input: $input, idempotencyKey: $key) { operation contentPaths filters exceptions subclient { subclientId } }
}`;

beforeAll(async () => {
  sim = await startCommvaultSimulator({ port: 0, jobDurationMs: [200, 400] });
  gw = await startTestGateway(
    { callers: [{ id: 'admin', apiKey: ADMIN, role: 'admin' }], upstreams: [{ id: CV, kind: 'commvault', url: sim.url, username: 'admin', password: 'admin' }] },
    { logLines: auditLines },
  );
});

afterAll(async () => {
  await gw?.close();
  await sim?.close();
});

beforeEach(() => {
  sim.reset();
  auditLines.length = 0;
});

describe('subclient detail', () => {
  it('shows content, filters, exceptions, streams, plan, storage policy and last backup as the simulator holds them', async () => {
    const sc = richSubclient();
    const res = await gql(DETAIL, { sc: sc.subclientId });
    expect(res.errors).toBeUndefined();
    const last = lastBackupStart(sc.subclientId);
    expect(res.data.commvaultSubclient).toEqual({
      subclientId: sc.subclientId,
      contentPaths: sc.content,
      filters: sc.filters,
      exceptions: sc.exceptions,
      streamCount: sc.streams,
      lastBackupAt: last === null ? null : iso(last),
      plan: { planId: sc.planId },
      storagePolicy: { storagePolicyId: sc.storagePolicyId },
    });
    // The content fields share one `GET /Subclient/{id}`.
    expect(sim.calls('GET /Subclient/{id}')).toBe(1);
  });

  it('reads the subclient\'s properties only when a content field is selected', async () => {
    const sc = richSubclient();
    const res = await gql(`{ commvaultClient(upstream: "${CV}", clientId: ${sc.clientId}) { subclients { subclientId name } } }`);
    expect(res.errors).toBeUndefined();
    expect(sim.calls('GET /Subclient/{id}')).toBe(0);
  });

  it('lists instances between agents and backup sets, and each backup set\'s subclients', async () => {
    const sc = richSubclient();
    const res = await gql(`{ commvaultClient(upstream: "${CV}", clientId: ${sc.clientId}) {
      instances { instanceId name applicationId }
      agents { applicationId instances { instanceId name backupsets { id backupsetId name subclients { subclientId } } } }
    } }`);
    expect(res.errors).toBeUndefined();
    const instances = sim.data.instances.filter((i) => i.clientId === sc.clientId);
    expect(res.data.commvaultClient.instances).toEqual(instances.map((i) => ({ instanceId: i.instanceId, name: i.instanceName, applicationId: i.applicationId })));
    const agents = sim.data.agents.filter((a) => a.clientId === sc.clientId);
    expect(res.data.commvaultClient.agents).toEqual(
      agents.map((a) => ({
        applicationId: a.applicationId,
        instances: instances
          .filter((i) => i.applicationId === a.applicationId)
          .map((i) => ({
            instanceId: i.instanceId,
            name: i.instanceName,
            backupsets: sim.data.backupsets
              .filter((b) => b.clientId === sc.clientId && b.instanceId === i.instanceId)
              .map((b) => ({
                id: toGlobalId('CommvaultBackupset', CV, `${b.clientId}.${b.backupsetId}`),
                backupsetId: b.backupsetId,
                name: b.backupsetName,
                subclients: sim.data.subclients.filter((s) => s.backupsetId === b.backupsetId).map((s) => ({ subclientId: s.subclientId })),
              })),
          })),
      })),
    );
    expect(sim.calls('GET /Instance')).toBe(1);
  });
});

describe('updateSubclientContent', () => {
  it('adds, deletes and overwrites; the next read (cached before the change) shows each change, and each is audited with the caller', async () => {
    const sc = richSubclient();
    const before = { content: [...sc.content], filters: [...sc.filters], exceptions: [...sc.exceptions] };
    // Cache the properties first: the change must drop them.
    expect((await gql(DETAIL, { sc: sc.subclientId })).data.commvaultSubclient.filters).toEqual(before.filters);

    const added = await gql(UPDATE, { sc: subclientGid(sc.subclientId), input: { operation: 'ADD', filters: ['*.iso'], exceptions: ['C:\\keep.iso'] } });
    expect(added.errors).toBeUndefined();
    expect(added.data.updateSubclientContent).toEqual({
      operation: 'ADD', contentPaths: before.content, filters: [...before.filters, '*.iso'], exceptions: [...before.exceptions, 'C:\\keep.iso'],
      subclient: { subclientId: sc.subclientId },
    });
    expect(sc.filters).toEqual([...before.filters, '*.iso']);
    const read = await gql(DETAIL, { sc: sc.subclientId });
    expect(read.data.commvaultSubclient.filters).toEqual([...before.filters, '*.iso']);
    expect(read.data.commvaultSubclient.exceptions).toEqual([...before.exceptions, 'C:\\keep.iso']);

    const deleted = await gql(UPDATE, { sc: subclientGid(sc.subclientId), input: { operation: 'DELETE', filters: ['*.tmp'] } });
    expect(deleted.errors).toBeUndefined();
    expect(sc.filters).toEqual([...before.filters.filter((f) => f !== '*.tmp'), '*.iso']);

    const overwritten = await gql(UPDATE, { sc: subclientGid(sc.subclientId), input: { operation: 'OVERWRITE', content: ['E:\\Shares'], filters: [] } });
    expect(overwritten.errors).toBeUndefined();
    expect(overwritten.data.updateSubclientContent).toMatchObject({ contentPaths: ['E:\\Shares'], filters: [], exceptions: [...before.exceptions, 'C:\\keep.iso'] });
    expect((await gql(DETAIL, { sc: sc.subclientId })).data.commvaultSubclient).toMatchObject({ contentPaths: ['E:\\Shares'], filters: [] });

    expect(sim.calls(UPDATE_ROUTE)).toBe(3);
    expect(mutations('updateSubclientContent').map((l) => [l.caller, l.outcome, l.contentOperation])).toEqual([
      ['admin', 'ok', 'ADD'], ['admin', 'ok', 'DELETE'], ['admin', 'ok', 'OVERWRITE'],
    ]);
    // Put the seed back for the other tests.
    Object.assign(sc, before);
  });

  it('answers a repeated idempotency key with the first outcome and no second write', async () => {
    const sc = richSubclient();
    const before = [...sc.filters];
    const variables = { sc: subclientGid(sc.subclientId), input: { operation: 'ADD', filters: ['*.vhd'] }, key: `k-${Date.now()}` };
    const first = await gql(UPDATE, variables);
    const second = await gql(UPDATE, variables);
    expect(first.errors).toBeUndefined();
    expect(second.data).toEqual(first.data);
    expect(sim.calls(UPDATE_ROUTE)).toBe(1);
    sc.filters = before;
  });

  it('a lost answer is UPSTREAM_UNCERTAIN after exactly one POST, and the cached read is dropped all the same', async () => {
    const sc = richSubclient();
    const before = [...sc.filters];
    expect((await gql(DETAIL, { sc: sc.subclientId })).data.commvaultSubclient.filters).toEqual(before);
    sim.setFaults({ afterWrite: { count: 1, status: 502 } });
    const res = await gql(UPDATE, { sc: subclientGid(sc.subclientId), input: { operation: 'ADD', filters: ['*.lost'] } });
    expect(codes(res)).toEqual(['UPSTREAM_UNCERTAIN']);
    expect(sim.calls(UPDATE_ROUTE)).toBe(1);
    // The CommServe did make the change; the next read shows it, not the cached answer.
    expect(sc.filters).toEqual([...before, '*.lost']);
    expect((await gql(DETAIL, { sc: sc.subclientId })).data.commvaultSubclient.filters).toEqual([...before, '*.lost']);
    expect(mutations('updateSubclientContent')).toEqual([expect.objectContaining({ caller: 'admin', outcome: 'UPSTREAM_UNCERTAIN' })]);
    sc.filters = before;
  });

  it.each([
    ['a malformed id', 'nope', { operation: 'ADD', filters: ['*.x'] }],
    ['another type\'s id', toGlobalId('CommvaultClient', CV, 2), { operation: 'ADD', filters: ['*.x'] }],
    ['no list at all', undefined, { operation: 'ADD' }],
    ['an empty list to add', undefined, { operation: 'ADD', filters: [] }],
    ['an empty item', undefined, { operation: 'DELETE', content: [' '] }],
    ['emptied content', undefined, { operation: 'OVERWRITE', content: [] }],
    ['a control character', undefined, { operation: 'ADD', content: ['C:\\a\u0007'] }],
  ])('refuses %s with BAD_USER_INPUT and no upstream call', async (_name, id, input) => {
    const res = await gql(UPDATE, { sc: id ?? subclientGid(richSubclient().subclientId), input });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(sim.stats().total).toBe(0);
  });

  it('answers NOT_FOUND for a subclient the CommServe does not know, without a write', async () => {
    const res = await gql(UPDATE, { sc: subclientGid(987_654), input: { operation: 'ADD', filters: ['*.x'] } });
    expect(codes(res)).toEqual(['NOT_FOUND']);
    expect(sim.calls(UPDATE_ROUTE)).toBe(0);
  });

  it('refuses filters on a subclient that is not a file system one, without a write', async () => {
    const db = sim.data.subclients.find((s) => !FS_APPS.has(s.applicationId))!;
    const res = await gql(UPDATE, { sc: subclientGid(db.subclientId), input: { operation: 'ADD', filters: ['*.bak'] } });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(sim.calls(UPDATE_ROUTE)).toBe(0);
  });
});

describe('backupBackupset', () => {
  const BACKUP = /* GraphQL */ `mutation ($bs: ID!) { backupBackupset(input: { backupset: $bs, level: INCREMENTAL }) {
    backupset jobIds complete subclients { subclient { subclientId } jobs { jobId } error { code } }
  } }`;

  it('starts one backup per subclient, returns every job id and reports a subclient that did not start', async () => {
    const bs = sim.data.backupsets.find((b) => sim.data.subclients.filter((s) => s.backupsetId === b.backupsetId && s.enableBackup).length >= 2)!;
    const members = sim.data.subclients.filter((s) => s.backupsetId === bs.backupsetId);
    const off = members.filter((m) => m.enableBackup)[members.filter((m) => m.enableBackup).length - 1];
    const wasEnabled = off.enableBackup;
    // One subclient switched off: the CommServe refuses its backup and the others go on.
    off.enableBackup = false;
    const jobsBefore = sim.data.jobs.length;
    const id = toGlobalId('CommvaultBackupset', CV, `${bs.clientId}.${bs.backupsetId}`);
    const res = await gql(BACKUP, { bs: id });
    off.enableBackup = wasEnabled;
    expect(res.errors).toBeUndefined();
    const started = sim.data.jobs.slice(jobsBefore);
    const payload = res.data.backupBackupset;
    expect(payload.backupset).toBe(id);
    expect(payload.complete).toBe(false);
    expect([...payload.jobIds].sort()).toEqual(started.map((j) => j.jobId).sort());
    expect(started.map((j) => j.subclientId).sort()).toEqual(members.filter((m) => m !== off && m.enableBackup).map((m) => m.subclientId).sort());
    expect(payload.subclients.map((s: any) => s.subclient.subclientId)).toEqual(members.map((m) => m.subclientId));
    expect(payload.subclients.find((s: any) => s.subclient.subclientId === off.subclientId)).toEqual({ subclient: { subclientId: off.subclientId }, jobs: [], error: { code: 'UPSTREAM_ERROR' } });
    expect(sim.calls(BACKUP_ROUTE)).toBe(members.length);
    expect(mutations('backupBackupset')).toEqual([expect.objectContaining({ caller: 'admin', outcome: 'ok', jobIds: payload.jobIds })]);
  });

  it('reports a subclient whose answer was lost as UPSTREAM_UNCERTAIN, sends it once, and goes on with the others', async () => {
    const bs = sim.data.backupsets.find((b) => {
      const members = sim.data.subclients.filter((s) => s.backupsetId === b.backupsetId);
      return members.length >= 2 && members.every((s) => s.enableBackup);
    })!;
    const members = sim.data.subclients.filter((s) => s.backupsetId === bs.backupsetId);
    sim.setFaults({ afterWrite: { count: 1, status: 502 } });
    const res = await gql(BACKUP, { bs: toGlobalId('CommvaultBackupset', CV, `${bs.clientId}.${bs.backupsetId}`) });
    expect(res.errors).toBeUndefined();
    const payload = res.data.backupBackupset;
    expect(payload.complete).toBe(false);
    expect(payload.subclients.map((s: any) => s.error?.code ?? 'ok').sort()).toEqual(['UPSTREAM_UNCERTAIN', ...members.slice(1).map(() => 'ok')].sort());
    expect(payload.jobIds).toHaveLength(members.length - 1);
    expect(sim.calls(BACKUP_ROUTE)).toBe(members.length);
  });

  it('refuses an id that is not a backup set\'s with BAD_USER_INPUT and no upstream call', async () => {
    const res = await gql(BACKUP, { bs: toGlobalId('CommvaultBackupset', CV, '12') });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(sim.stats().total).toBe(0);
  });

  it('answers NOT_FOUND for a backup set without subclients, without a backup', async () => {
    const res = await gql(BACKUP, { bs: toGlobalId('CommvaultBackupset', CV, '2.999999') });
    expect(codes(res)).toEqual(['NOT_FOUND']);
    expect(sim.calls(BACKUP_ROUTE)).toBe(0);
  });
});

describe('browse and find over a time range, with deleted items', () => {
  const PAGE = 'totalCount edges { node { path isDirectory isDeleted backedUpAt } }';
  const BROWSE = `query ($sc: Int!, $path: String, $from: DateTime, $to: DateTime, $deleted: Boolean!) {
    commvaultSubclient(upstream: "${CV}", subclientId: $sc) { browse(path: $path, fromTime: $from, toTime: $to, includeDeleted: $deleted, first: 500) { ${PAGE} } }
  }`;
  const FIND = `query ($sc: Int!, $from: DateTime, $deleted: Boolean!) {
    commvaultSubclient(upstream: "${CV}", subclientId: $sc) { find(pattern: "*", fromTime: $from, includeDeleted: $deleted, first: 500) { ${PAGE} } }
  }`;
  const shape = (items: BrowseItem[]) => items.map((i) => ({ path: i.path, isDirectory: i.isDirectory, isDeleted: i.deleted, backedUpAt: iso(i.backupTime) }));

  /** A subclient and a folder of it holding deleted files at the latest backup. */
  function withDeleted(): { sc: Subclient; path: string } {
    for (const sc of sim.data.subclients.filter((s) => s.content.length > 0)) {
      const all = browseItems(sim.data, sc, { find: true, path: '\\', pattern: '*', toTime: 0, includeDeleted: true });
      const gone = all.find((i) => i.deleted && !i.isDirectory);
      if (gone) return { sc, path: gone.segments.slice(0, -1).join(sc.content[0].startsWith('/') ? '/' : '\\') };
    }
    throw new Error('the seed deletes no file');
  }

  it('lists deleted files only when asked, flagged isDeleted', async () => {
    const { sc, path } = withDeleted();
    const plain = await gql(BROWSE, { sc: sc.subclientId, path, deleted: false });
    const all = await gql(BROWSE, { sc: sc.subclientId, path, deleted: true });
    expect(plain.errors).toBeUndefined();
    expect(all.errors).toBeUndefined();
    const expectedAll = browseItems(sim.data, sc, { find: false, path, toTime: 0, includeDeleted: true });
    expect(all.data.commvaultSubclient.browse.edges.map((e: any) => e.node)).toEqual(shape(expectedAll));
    expect(plain.data.commvaultSubclient.browse.edges.map((e: any) => e.node)).toEqual(shape(browseItems(sim.data, sc, { find: false, path, toTime: 0 })));
    expect(expectedAll.some((i) => i.deleted)).toBe(true);
  });

  it('keeps to the versions backed up within fromTime..toTime', async () => {
    const { sc } = withDeleted();
    const backups = sim.data.jobs.filter((j) => j.subclientId === sc.subclientId && j.jobType === 'Backup' && j.endTime > 0 && j.status.startsWith('Completed')).sort((a, b) => a.endTime - b.endTime);
    const from = backups[Math.floor(backups.length / 2)].endTime;
    const res = await gql(FIND, { sc: sc.subclientId, from: iso(from), deleted: true });
    expect(res.errors).toBeUndefined();
    const expected = browseItems(sim.data, sc, { find: true, path: '\\', pattern: '*', toTime: 0, fromTime: from, includeDeleted: true });
    expect(res.data.commvaultSubclient.find.totalCount).toBe(expected.length);
    expect(res.data.commvaultSubclient.find.edges.map((e: any) => e.node)).toEqual(shape(expected).slice(0, 500));
    expect(expected.every((i) => i.backupTime >= from)).toBe(true);
    expect(expected.length).toBeLessThan(browseItems(sim.data, sc, { find: true, path: '\\', pattern: '*', toTime: 0, includeDeleted: true }).length);
  });

  it.each([
    ['fromTime after toTime', { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }],
    ['both toTime and pointInTime', { to: '2026-01-01T00:00:00Z', at: '2026-01-01T00:00:00Z' }],
  ])('refuses %s with BAD_USER_INPUT and no upstream call', async (_name, v) => {
    const sc = richSubclient();
    const res = await gql(`query ($sc: Int!, $from: DateTime, $to: DateTime, $at: DateTime) {
      commvaultSubclient(upstream: "${CV}", subclientId: $sc) { subclientId browse(fromTime: $from, toTime: $to, pointInTime: $at) { totalCount } }
    }`, { sc: sc.subclientId, ...v });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(sim.calls('POST /DoBrowse')).toBe(0);
  });
});

describe('restoreFiles with ACL options', () => {
  it('starts a restore of the ACLs only', async () => {
    const sc = richSubclient();
    const jobsBefore = sim.data.jobs.length;
    const res = await gql(`mutation ($sc: ID!, $paths: [String!]!) { restoreFiles(input: { subclient: $sc, paths: $paths, acls: ACLS_ONLY }) { jobs { jobId jobType } } }`, {
      sc: subclientGid(sc.subclientId),
      paths: [sc.content[0]],
    });
    expect(res.errors).toBeUndefined();
    const started = sim.data.jobs.slice(jobsBefore);
    expect(res.data.restoreFiles.jobs.map((j: any) => j.jobId)).toEqual(started.map((j) => j.jobId));
    expect(started.map((j) => [j.jobType, j.subclientId])).toEqual([['Restore', sc.subclientId]]);
    expect(mutations('restoreFiles')).toEqual([expect.objectContaining({ caller: 'admin', outcome: 'ok', acls: 'ACLS_ONLY' })]);
  });
});
