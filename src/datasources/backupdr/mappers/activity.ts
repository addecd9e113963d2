import { toGlobalId } from '../../../util/global-id.js';
import type { BdrBackup, BdrEvent, BdrJob } from '../model.js';
import { EventSeverity, EventStatus } from '../../domain.js';
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
    // JobRest `virtualsize`: the protected data's size, bytes (a number here, a string in BackupRest).
    sizeBytes: num(field(j, 'virtualsize')),
    consistencyDate: micros(field(j, 'consistencydate')),
    // Microseconds on the wire (docs/upstreams/backupdr.md §6.1).
    durationSeconds: duration === null ? null : duration / 1_000_000,
    isScheduled: bool(field(j, 'isscheduled')),
    priority: str(field(j, 'priority')),
    backupId: id(field(field(j, 'backup'), 'id')),
    applianceId: refId(field(j, 'appliance')),
  };
}

/**
 * `EventRest` has no severity: an event that must be cleared is an error an operator has to look at
 * (MAJOR), any other is a notice (INFORMATION). `eventstatus` is `new` until cleared.
 */
export function toEvent(e: Json, upstream: UpstreamRef): BdrEvent | null {
  const eventId = id(field(e, 'id'));
  if (eventId === null) return null;
  const requiresClearing = bool(field(e, 'requiresclearing'));
  const eventStatus = str(field(e, 'eventstatus'));
  const eventDate = micros(field(e, 'eventdate'));
  const messageText = str(field(e, 'messagetext'));
  const errorMessage = str(field(e, 'errormessage'));
  return {
    __typename: 'BackupDrEvent',
    id: toGlobalId('BackupDrEvent', upstream.id, eventId),
    upstream,
    consoleId: eventId,
    eventId: int(field(e, 'eventid')),
    eventDate,
    occurredAt: eventDate,
    eventStatus,
    status: consoleEventStatus(eventStatus),
    severity: requiresClearing === null ? null : requiresClearing ? EventSeverity.MAJOR : EventSeverity.INFORMATION,
    message: messageText ?? errorMessage,
    errorCode: str(field(e, 'errorcode')),
    errorMessage,
    messageText,
    requiresClearing,
    component: str(field(field(e, 'component'), 'name')) ?? str(field(e, 'component')),
    objectType: str(field(field(e, 'object'), 'type')),
    appName: str(field(e, 'appname')),
    jobName: str(field(e, 'jobname')),
    applianceId: refId(field(e, 'cluster')),
  };
}

/** `new` or `cleared` (any other word: unknown). */
function consoleEventStatus(text: string | null): EventStatus | null {
  const t = text?.toLowerCase();
  return t === 'new' ? EventStatus.OPEN : t === 'cleared' ? EventStatus.CLEARED : null;
}
