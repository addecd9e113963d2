import { toGlobalId } from '../../../util/global-id.js';
import type { BdrBackup, BdrEvent, BdrJob } from '../model.js';
import { toJobStatus } from './job-status.js';
import type { UpstreamRef } from '../../record.js';
import { bool, field, id, int, micros, num, refId, str, type Json } from './read.js';

/** `BackupRest` (an image). */
export function toBackup(b: Json, upstream: UpstreamRef): BdrBackup | null {
  const backupId = id(field(b, 'id'));
  if (backupId === null) return null;
  return {
    __typename: 'BackupDrBackup',
    id: toGlobalId('BackupDrBackup', upstream.id, backupId),
    upstream,
    consoleId: backupId,
    syncedAt: micros(field(b, 'syncdate')),
    stale: bool(field(b, 'stale')),
    backupName: str(field(b, 'backupname')),
    label: str(field(b, 'label')),
    jobClass: str(field(b, 'jobclass')),
    jobClassCode: int(field(b, 'jobclasscode')),
    characteristic: str(field(b, 'characteristic')),
    status: str(field(b, 'status')),
    appName: str(field(b, 'appname')),
    appType: str(field(b, 'apptype')),
    applicationId: id(field(field(b, 'application'), 'id')),
    hostName: str(field(field(b, 'host'), 'hostname')),
    applianceId: refId(field(b, 'cluster')),
    diskPoolId: refId(field(b, 'diskpool')),
    consistencyDate: micros(field(b, 'consistencydate')),
    backupDate: micros(field(b, 'backupdate')),
    expiration: micros(field(b, 'expiration')),
    beginPit: micros(field(b, 'beginpit')),
    endPit: micros(field(b, 'endpit')),
    consumedSize: num(field(b, 'consumedsize')),
    // A string on the wire (docs/upstreams/backupdr.md §6.2).
    virtualSize: num(field(b, 'virtualsize')),
    sltName: str(field(b, 'sltname')),
    slpName: str(field(b, 'slpname')),
    policyName: str(field(b, 'policyname')),
  };
}

/** `JobRest` (`/jobstatus`, `/job`, `/jobhistory`). */
export function toJob(j: Json, upstream: UpstreamRef): BdrJob | null {
  const jobId = id(field(j, 'id'));
  if (jobId === null) return null;
  const statusText = str(field(j, 'status'));
  const duration = num(field(j, 'duration'));
  return {
    __typename: 'BackupDrJob',
    id: toGlobalId('BackupDrJob', upstream.id, jobId),
    upstream,
    consoleId: jobId,
    jobName: str(field(j, 'jobname')),
    jobType: str(field(j, 'jobclass')),
    jobClassCode: int(field(j, 'jobclasscode')),
    statusText,
    status: toJobStatus(statusText),
    progress: num(field(j, 'progress')),
    message: str(field(j, 'message')),
    errorCode: str(field(j, 'errorcode')),
    label: str(field(j, 'label')),
    applicationId: id(field(j, 'appid')),
    appName: str(field(j, 'appname')),
    appType: str(field(j, 'apptype')),
    // `hostid` is a number in JobRest; ids are strings everywhere else.
    hostId: id(field(j, 'hostid')),
    hostName: str(field(j, 'hostname')),
    targetHost: str(field(j, 'targethost')),
    policyName: str(field(j, 'policyname')),
    sltName: str(field(j, 'sltname')),
    queuedAt: micros(field(j, 'queuedate')),
    startedAt: micros(field(j, 'startdate')),
    endedAt: micros(field(j, 'enddate')),
    sizeBytes: null,
    consistencyDate: micros(field(j, 'consistencydate')),
    // Microseconds on the wire (docs/upstreams/backupdr.md §6.1).
    durationSeconds: duration === null ? null : duration / 1_000_000,
    isScheduled: bool(field(j, 'isscheduled')),
    priority: str(field(j, 'priority')),
    backupId: id(field(field(j, 'backup'), 'id')),
    applianceId: refId(field(j, 'appliance')),
  };
}

/** `EventRest`. */
export function toEvent(e: Json, upstream: UpstreamRef): BdrEvent | null {
  const eventId = id(field(e, 'id'));
  if (eventId === null) return null;
  return {
    __typename: 'BackupDrEvent',
    id: toGlobalId('BackupDrEvent', upstream.id, eventId),
    upstream,
    consoleId: eventId,
    eventId: int(field(e, 'eventid')),
    eventDate: micros(field(e, 'eventdate')),
    eventStatus: str(field(e, 'eventstatus')),
    errorCode: str(field(e, 'errorcode')),
    errorMessage: str(field(e, 'errormessage')),
    messageText: str(field(e, 'messagetext')),
    requiresClearing: bool(field(e, 'requiresclearing')),
    component: str(field(field(e, 'component'), 'name')) ?? str(field(e, 'component')),
    objectType: str(field(field(e, 'object'), 'type')),
    appName: str(field(e, 'appname')),
    jobName: str(field(e, 'jobname')),
    applianceId: refId(field(e, 'cluster')),
  };
}
