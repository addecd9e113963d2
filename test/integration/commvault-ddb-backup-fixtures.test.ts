import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import 'reflect-metadata';
import { useCommvaultFixture } from '../helpers/commvault-fixture-gateway.js';
import { toGlobalId } from '../../src/util/global-id.js';

/**
 * DDB Backup and the DDB resync state against a CommServe scripted from the documented shapes
 * (test/fixtures/commvault/ddb-backup), not the project's simulator: the store flags map to the resync
 * state, the DDB Backup subclient is found by its flag or, where a list leaves the flag out, by its name,
 * and the backup is the plain subclient backup the real API takes.
 */
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/commvault/ddb-backup/${name}.json`, import.meta.url), 'utf8'));

const CV = 'cvf';
const ADMIN = 'k-admin';
const QOPERATION = 'POST /QCommand/qoperation%20execute';


function script(): void {
  fx.fake.on('POST /Login', { json: { userName: 'admin', token: 'QSDK fixture-token', errList: [] } });
  fx.fake.on(QOPERATION, { json: fixture('ddb-engines') });
  fx.fake.on('GET /DDBInformation/12', { json: fixture('ddb-information') });
  fx.fake.on('GET /DDBInformation/14', { json: fixture('ddb-information-14') });
  fx.fake.on('GET /Client', { json: fixture('client-list') });
  fx.fake.on('GET /Subclient', (req) => {
    const clientId = new URLSearchParams(req.rawQuery).get('clientId');
    const of: Record<string, string> = { '4': 'subclients-ma01', '5': 'subclients-ma02', '6': 'subclients-ma03' };
    return { json: of[clientId ?? ''] ? fixture(of[clientId!]!) : {} };
  });
  fx.fake.on('POST /Subclient/701/action/backup', { json: { taskId: 87, jobIds: ['1426070'] } });
  fx.fake.on('POST /Subclient/711/action/backup', { json: { taskId: 88, jobIds: ['1426071', '1426072'] } });
}

const fx = useCommvaultFixture({ upstreamId: CV, adminKey: ADMIN, script });
const gql = fx.gql;

describe('DDB resync state from the engine list\'s storeFlags', () => {
  it('maps needs-resync, maintenance and resync-in-progress bits, an int or a numeric string', async () => {
    const res = await gql('{ commvaultDdbStores { storeId resync { needed inProgress underMaintenance storeFlags } } }');
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.commvaultDdbStores).toEqual([
      { storeId: 12, resync: { needed: true, inProgress: false, underMaintenance: true, storeFlags: 587202560 } },
      { storeId: 14, resync: { needed: false, inProgress: true, underMaintenance: false, storeFlags: 1610612736 } },
      { storeId: 16, resync: { needed: false, inProgress: false, underMaintenance: false, storeFlags: 536870912 } },
    ]);
  });
});

describe('backupDdb', () => {
  it('backs up the DDB Backup subclient of each MediaAgent of the partitions with backupLevel=Full, no body', async () => {
    const res = await gql('mutation ($s: ID!) { backupDdb(store: $s) { store { storeId } subclients { subclientId name clientName appName } jobs { jobId } } }', {
      s: toGlobalId('CommvaultDdbStore', CV, 12),
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.backupDdb).toEqual({
      store: { storeId: 12 },
      // ma01 by its isDDBSubclient flag; MA02 (named in another case) by the DDBBackup name, its list sending no flag.
      subclients: [
        { subclientId: 701, name: 'DDBBackup', clientName: 'ma01', appName: 'File System' },
        { subclientId: 711, name: 'DDBBackup', clientName: 'MA02', appName: 'Linux File System' },
      ],
      jobs: [{ jobId: 1426070 }, { jobId: 1426071 }, { jobId: 1426072 }],
    });
    for (const route of ['POST /Subclient/701/action/backup', 'POST /Subclient/711/action/backup']) {
      const [sent] = fx.fake.calls(route);
      expect(sent?.query).toEqual([['backupLevel', 'Full']]);
      expect(sent?.body).toBe('');
    }
    // Never the default subclients, never a DDB-specific call.
    expect(fx.fake.calls().filter((c) => c.method === 'POST' && c.path !== '/Login').map((c) => c.path).sort()).toEqual(['/Subclient/701/action/backup', '/Subclient/711/action/backup']);
  });

  it('is NOT_FOUND, with no backup sent, when a MediaAgent has no DDB Backup subclient', async () => {
    // Store 14's one partition is on ma03, whose only File System subclient is `default` (flag false).
    const res = await gql('mutation ($s: ID!) { backupDdb(store: $s) { jobs { jobId } } }', { s: toGlobalId('CommvaultDdbStore', CV, 14) });
    expect(res.body.errors?.map((e: any) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(fx.fake.calls().filter((c) => c.path.endsWith('/action/backup'))).toEqual([]);
  });
});
