import { describe, expect, it } from 'vitest';
import { consoleJobDetail } from '../../src/datasources/backupdr/job-detail.js';
import { toJob } from '../../src/datasources/backupdr/mappers/activity.js';
import { toJobDetail } from '../../src/datasources/commvault/mappers/job-detail.js';
import { upstreamRef } from '../../src/datasources/record.js';

/** A JobDetails answer with only the progress info that decides which reason field it is. */
const details = (state: string, reason: string) => ({ job: { jobDetail: { progressInfo: { state, reasonForJobDelay: reason } } } });

describe('Commvault job detail reasons', () => {
  it('reads reasonForJobDelay as the failure reason of a failed, killed or partly failed job', () => {
    for (const state of ['Failed', 'Killed', 'Completed w/ one or more errors', 'Failed to Start']) {
      expect(toJobDetail(details(state, 'Failure Reason: x')), state).toMatchObject({ failureReason: 'Failure Reason: x', delayReason: null });
    }
  });

  it('reads reasonForJobDelay as the delay reason of an active job, and an empty one as none', () => {
    expect(toJobDetail(details('Pending', 'The MediaAgent [ma04] is not reachable.'))).toMatchObject({
      failureReason: null,
      delayReason: 'The MediaAgent [ma04] is not reachable.',
    });
    expect(toJobDetail(details('Completed', ''))).toMatchObject({ failureReason: null, delayReason: null });
  });

  it('answers null for an answer without jobDetail', () => {
    expect(toJobDetail({})).toBeNull();
  });
});

describe('console job detail from the job record', () => {
  const upstream = upstreamRef('bdr-t', 'BACKUP_DR');
  const job = (fields: Record<string, unknown>) =>
    toJob({ id: '42', jobname: 'Job_0000042', jobclass: 'snapshot', appname: 'payroll', apptype: 'SqlServerWriter', hostname: 'sql01', policyname: 'daily', isscheduled: true, duration: 90_000_000, ...fields }, upstream)!;

  it('gives a failed job\'s message and error code as its failure reason and code', () => {
    expect(consoleJobDetail(job({ status: 'failed', message: 'Snapshot failed: VSS error', errorcode: '5039' }))).toMatchObject({
      state: 'failed', failureReason: 'Snapshot failed: VSS error', errorCode: '5039', delayReason: null,
      transferSeconds: 90, clientName: 'sql01', agentName: 'SqlServerWriter', subclientName: 'payroll', planName: 'daily', startedFrom: 'Scheduled',
      virtualMachines: [],
    });
  });

  it('gives a queued job\'s message as its delay reason, and a succeeded job neither reason nor code', () => {
    expect(consoleJobDetail(job({ status: 'queued (readiness)', message: 'Waiting for the host to be ready' }))).toMatchObject({ failureReason: null, delayReason: 'Waiting for the host to be ready' });
    expect(consoleJobDetail(job({ status: 'succeeded', message: 'Success', errorcode: '0' }))).toMatchObject({ failureReason: null, errorCode: null, delayReason: null });
  });
});
