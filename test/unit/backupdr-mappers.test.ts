import { describe, expect, it } from 'vitest';
import { toBackup, toJob } from '../../src/datasources/backupdr/mappers/activity.js';
import { consoleErrorFromResponse } from '../../src/datasources/backupdr/mappers/errors.js';
import { toApplication, toHost } from '../../src/datasources/backupdr/mappers/inventory.js';
import { toJobStatus } from '../../src/datasources/backupdr/mappers/job-status.js';
import { toSla } from '../../src/datasources/backupdr/mappers/protection.js';
import { micros } from '../../src/datasources/backupdr/mappers/read.js';
import { toRole } from '../../src/datasources/backupdr/mappers/security.js';
import { toDiskPool } from '../../src/datasources/backupdr/mappers/storage.js';
import { JobStatus } from '../../src/datasources/domain.js';
import { upstreamRef } from '../../src/datasources/record.js';
import { ErrorCode } from '../../src/errors/codes.js';
import { toGlobalId } from '../../src/util/global-id.js';

const MB = 1024 * 1024;
/** The console the objects below come from: every record names it. */
const UP = upstreamRef('bdr-test', 'backupdr');

describe('console mappers', () => {
  it('reads epoch-microsecond dates (16 digits) as Date, unset dates as null', () => {
    expect(micros(1668601478000000)?.toISOString()).toBe('2022-11-16T12:24:38.000Z');
    expect(micros('1668601478123456')?.getTime()).toBe(1668601478123);
    expect(micros(0)).toBeNull();
    expect(micros(undefined)).toBeNull();
  });

  it('maps a JobRest (docs/upstreams/backupdr.md §4.5): status, dates, duration in seconds, string ids', () => {
    const job = toJob({
      id: '409999', jobname: 'Job_0198174', jobclass: 'DirectOnVault', apptype: 'VMBackup', hostname: 'avw tiny', appname: 'AVW Tiny',
      appid: '409016', hostid: 409015, appliance: { id: '7188', name: 'backup-server-29736', clusterid: '142700167048' }, status: 'running',
      queuedate: 1668601478000000, startdate: 1668601478000000, progress: 0, targethost: '', duration: 5000000,
    }, UP);
    expect(job).toMatchObject({
      __typename: 'BackupDrJob', id: toGlobalId('BackupDrJob', 'bdr-test', '409999'), upstream: UP,
      consoleId: '409999', jobName: 'Job_0198174', jobType: 'DirectOnVault', status: JobStatus.RUNNING, statusText: 'running',
      applicationId: '409016', hostId: '409015', durationSeconds: 5, progress: 0, targetHost: null, endedAt: null, sizeBytes: null,
      applianceId: '7188',
    });
    expect(job?.startedAt?.toISOString()).toBe('2022-11-16T12:24:38.000Z');
    expect(toJob({ jobname: 'no id' }, UP)).toBeNull();
  });

  it('maps every console job status to the unified enum', () => {
    expect(['queued', 'queued (readiness)', 'pending', 'initializing', 'running', 'succeeded', 'failed', 'canceled', 'Succeeded', 'weird'].map(toJobStatus)).toEqual([
      JobStatus.WAITING, JobStatus.WAITING, JobStatus.PENDING, JobStatus.RUNNING, JobStatus.RUNNING, JobStatus.COMPLETED, JobStatus.FAILED,
      JobStatus.KILLED, JobStatus.COMPLETED, JobStatus.OTHER,
    ]);
  });

  it('reads SLA switches sent as "true"/"false" strings and logexpirationoff as a boolean', () => {
    const sla = toSla({ id: '965514', scheduleoff: 'true', expirationoff: 'false', dedupasyncoff: 'false', logexpirationoff: true, slt: { id: '1', name: 'x' }, slp: { id: '2' }, application: { id: '3' } }, UP);
    expect(sla).toMatchObject({ scheduleOff: true, expirationOff: false, dedupAsyncOff: false, logExpirationOff: true, sltId: '1', slpId: '2', applicationId: '3', logicalGroupId: null });
  });

  it('turns diskpool MB into bytes with free share (severity is judged when read, by the configured thresholds)', () => {
    const pool = toDiskPool({ id: '11', name: 'act_per_pool000', pooltype: 'perf', capacity_mb: 1000, usage_mb: 974, free_mb: 26, pct: 97.4 }, UP);
    expect(pool).toMatchObject({ __typename: 'BackupDrDiskPool', id: toGlobalId('BackupDrDiskPool', 'bdr-test', '11'), consoleId: '11', capacityBytes: 1000 * MB, usedBytes: 974 * MB, freeBytes: 26 * MB, usedPercent: 97.4 });
    expect(pool).not.toHaveProperty('severity');
    expect(pool?.freePercent).toBeCloseTo(2.6);
    expect(toDiskPool({ id: '12', capacity_mb: 100, usage_mb: 85 }, UP)).toMatchObject({ freeBytes: 15 * MB, freePercent: 15, name: '12' });
    expect(toDiskPool({ id: '13' }, UP)?.freePercent).toBeNull();
  });

  it('keeps consolidated sources, organizations and references of an application and a host', () => {
    const app = toApplication({
      id: '709575', appname: 'bastion', apptype: 'GCPInstance', managed: true, host: { id: '709573', hostname: 'bastion' },
      cluster: { id: '7188', clusterid: '144091747698', name: 'backup-server-29736' }, sla: { id: '965514' },
      sources: [{ srcid: '1', sourcecluster: '144091747698' }, { srcid: '2', cluster: { id: '7190', clusterid: '145', name: 'b2' } }],
      orglist: [{ id: '5', name: 'OrgA' }], stale: false, syncdate: 1594697898434000,
    }, UP);
    expect(app).toMatchObject({
      __typename: 'BackupDrApplication', id: toGlobalId('BackupDrApplication', 'bdr-test', '709575'), upstream: UP, consoleId: '709575',
      hostId: '709573', hostName: 'bastion', slaId: '965514', managed: true, stale: false, organizations: [{ consoleId: '5', name: 'OrgA' }],
      applianceId: '7188',
    });
    expect(app?.sources).toEqual([
      { srcId: '1', applianceId: '144091747698', applianceName: null },
      { srcId: '2', applianceId: '145', applianceName: 'b2' },
    ]);
    expect(toHost({ id: '1', hostname: 'h', appliance: { id: '7', clusterid: '9' } }, UP)?.applianceId).toBe('7');
  });

  it('reads a backup image and a role', () => {
    const b = toBackup({ id: '984504', backupname: 'Image_0196638', jobclass: 'snapshot', application: { id: '709575' }, virtualsize: '1024', diskpool: { id: '3', name: 'p' }, consistencydate: 1668588377000000 }, UP);
    expect(b).toMatchObject({ __typename: 'BackupDrBackup', consoleId: '984504', applicationId: '709575', virtualSize: 1024, diskPoolId: '3' });
    expect(toRole({ id: '1', name: 'Admin', rightlist: [{ id: 'System View', name: 'System View' }, { id: 'x' }] }, UP)?.rights).toEqual(['System View', 'x']);
  });
});

describe('console errors', () => {
  const map = (status: number, body: unknown) => consoleErrorFromResponse('bdr', status, body);

  it('maps 400/403/404/409/502 to the gateway codes, keeping err_code', () => {
    expect(map(400, { err_code: 10003, err_message: 'Unknown filter field: x' })).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, upstreamCode: 10003 });
    expect(map(403, { err_code: 10011 })).toMatchObject({ code: ErrorCode.FORBIDDEN, upstreamCode: 10011, upstream: { instance: 'bdr', status: 403 } });
    expect(map(404, { err_code: 10007, err_message: 'no such object' })).toMatchObject({ code: ErrorCode.NOT_FOUND });
    expect(map(409, { err_code: 10013, err_message: 'job already finished' })).toMatchObject({ code: ErrorCode.UPSTREAM_ERROR, upstreamCode: 10013 });
    expect(map(502, '<html>bad gateway</html>')).toMatchObject({ code: ErrorCode.UPSTREAM_UNAVAILABLE });
    expect(map(409, '')).toMatchObject({ code: ErrorCode.UPSTREAM_ERROR, upstream: { status: 409 } });
  });

  it('finds an appliance failure relayed in a 200, and leaves 401/429 and plain successes to the pipeline', () => {
    expect(map(200, { err_code: 10023, err_message: 'avwlab2sky:, errormessage: expiration in progress, try again later, errorcode: 10017' })).toMatchObject({
      code: ErrorCode.UPSTREAM_ERROR,
      upstreamCode: 10023,
    });
    expect(map(200, { count: 0, items: [] })).toBeUndefined();
    expect(map(204, '')).toBeUndefined();
    expect(map(401, { err_code: 10001 })).toBeUndefined();
    expect(map(429, '')).toBeUndefined();
    expect(map(500, '<html/>')).toBeUndefined();
  });
});
