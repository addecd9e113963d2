import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useCommvaultFixture } from '../helpers/commvault-fixture-gateway.js';

/**
 * The capacity and job summary reports computed from a job list in the real `GET /Job` shape
 * (test/fixtures/commvault/job-window.json), a plan's backup destinations and the pool list, served by a
 * scripted loopback upstream — not the simulator. The expected numbers are worked out by hand below.
 */
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/commvault/${name}`, import.meta.url), 'utf8'));
const WINDOW = 'since: "2026-01-01T00:00:00Z", until: "2026-01-08T00:00:00Z"';

function script(): void {
  fx.fake
    .on('POST /Login', { json: { token: 'QSDK fixture-token', userName: 'admin' } })
    .on('GET /Job', { json: fixture('job-window.json') })
    .on('GET /V4/ServerPlan/5/BackupDestinations', { json: fixture('v4-backup-destinations.json') })
    .on('GET /StoragePool', {
      json: { storagePoolList: [
        { storagePoolEntity: { _type_: 160, storagePoolName: 'DiskPool01', storagePoolId: 7 }, storagePoolType: 1, storageType: 1, libraryVendorType: 0,
          status: 'Online', totalCapacity: 10485760, totalFreeSpace: 4194304, sizeOnDisk: 3145728 },
        { storagePoolEntity: { _type_: 160, storagePoolName: 'CloudPool01', storagePoolId: 8 }, storagePoolType: 2, storageType: 2, libraryVendorType: 401,
          status: 'Online', totalCapacity: 0, totalFreeSpace: 0, sizeOnDisk: 0 },
      ] },
    })
    .on('GET /Client', {
      json: { clientProperties: [
        { client: { clientEntity: { clientId: 2, clientName: 'fs01', displayName: 'fs01', hostName: 'fs01.example.com' } }, clientProps: {} },
        { client: { clientEntity: { clientId: 3, clientName: 'sql01', displayName: 'sql01', hostName: 'sql01.example.com' } }, clientProps: {} },
      ] },
    });
}

const fx = useCommvaultFixture({ upstreamId: 'cv-fix', adminKey: 'k-admin', script });
const gql = fx.gql;

describe('Commvault reports against fixtures in the real shapes', () => {
  it('computes capacity per client: newest full per subclient as protected size, written bytes, ratio, pools of the plan\'s primary copy', async () => {
    const res = await gql(`{ commvaultCapacityReport(${WINDOW}) { totalCount edges { node {
      clientId name protectedBytes applicationBytes mediaBytes dedupeRatio savingsPercent successfulBackupCount
      client { hostName } storagePools { storagePoolId name } upstream { id }
    } } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.commvaultCapacityReport.totalCount).toBe(2);
    const [fs01, sql01] = res.body.data.commvaultCapacityReport.edges.map((e: any) => e.node);
    // fs01: subclient 7's newest full (job 100, 1000) + subclient 8's newest backup (job 103, with errors: 300);
    // successful backups 100, 101, 103 (the failed 102 is left out).
    expect(fs01).toEqual({
      clientId: 2, name: 'fs01', protectedBytes: 1300, applicationBytes: 1400, mediaBytes: 325,
      dedupeRatio: 1400 / 325, savingsPercent: (1 - 325 / 1400) * 100, successfulBackupCount: 3,
      client: { hostName: 'fs01.example.com' },
      // Plan 5's default (primary) destination writes to pool 7; the DR copy's pool 8 is not counted.
      storagePools: [{ storagePoolId: 7, name: 'DiskPool01' }], upstream: { id: 'cv-fix' },
    });
    // sql01: the synthetic full 104 only (105 is a restore, 106 still running).
    expect(sql01).toEqual({
      clientId: 3, name: 'sql01', protectedBytes: 2000, applicationBytes: 2000, mediaBytes: 50, dedupeRatio: 40, savingsPercent: 97.5,
      successfulBackupCount: 1, client: { hostName: 'sql01.example.com' }, storagePools: [{ storagePoolId: 7, name: 'DiskPool01' }],
      upstream: { id: 'cv-fix' },
    });
    // Finished backups of the window only: asked of the CommServe, not just filtered here.
    const [call] = fx.fake.calls('GET /Job');
    expect(new URLSearchParams(call!.rawQuery).get('jobFilter')).toBe('Backup');
    expect(new URLSearchParams(call!.rawQuery).get('jobCategory')).toBe('Finished');
  });

  it('filters the capacity report by client name and pages it', async () => {
    const res = await gql(`{
      one: commvaultCapacityReport(${WINDOW}, search: "SQL") { totalCount edges { node { name } } }
      page: commvaultCapacityReport(${WINDOW}, first: 1) { totalCount pageInfo { hasNextPage } edges { node { name } } }
    }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.one).toEqual({ totalCount: 1, edges: [{ node: { name: 'sql01' } }] });
    expect(res.body.data.page).toEqual({ totalCount: 2, pageInfo: { hasNextPage: true }, edges: [{ node: { name: 'fs01' } }] });
  });

  it('computes the job summary: counts by status, data protected and written, average durations of finished jobs', async () => {
    const res = await gql(`{ commvaultJobSummaryReport(${WINDOW}) {
      upstream { id } since until total successCount failedCount activeCount successPercent backupCount
      dataProtectedBytes dataWrittenBytes averageDurationSeconds averageBackupDurationSeconds byStatus { status count }
    } }`);
    expect(res.body.errors).toBeUndefined();
    const [report] = res.body.data.commvaultJobSummaryReport;
    const { byStatus, ...rest } = report;
    expect(rest).toEqual({
      upstream: { id: 'cv-fix' }, since: '2026-01-01T00:00:00.000Z', until: '2026-01-08T00:00:00.000Z',
      total: 7, successCount: 5, failedCount: 1, activeCount: 1, successPercent: (5 / 6) * 100, backupCount: 6,
      // Successful backups 100, 101, 103, 104.
      dataProtectedBytes: 1000 + 100 + 300 + 2000, dataWrittenBytes: 200 + 25 + 100 + 50,
      // Finished jobs 100..105 ran 600, 300, 120, 900, 1800 and 60 s; the backups among them the first five.
      averageDurationSeconds: 3780 / 6, averageBackupDurationSeconds: 3720 / 5,
    });
    // In JobStatus's order.
    expect(byStatus.filter((s: any) => s.count > 0)).toEqual([
      { status: 'RUNNING', count: 1 },
      { status: 'COMPLETED', count: 4 },
      { status: 'COMPLETED_WITH_ERRORS', count: 1 },
      { status: 'FAILED', count: 1 },
    ]);
  });
});
