import { describe, expect, it } from 'vitest';
import { toEvent, toJob } from '../../src/datasources/backupdr/mappers/activity.js';
import { toAlertDefinitions, toAlertRules, toTriggeredAlerts } from '../../src/datasources/commvault/mappers/alert.js';
import { toEvents } from '../../src/datasources/commvault/mappers/event.js';
import { EventSeverity, EventStatus, eventMatches } from '../../src/datasources/domain.js';
import { upstreamRef } from '../../src/datasources/record.js';
import { toGlobalId } from '../../src/util/global-id.js';

const CV = upstreamRef('cv-test', 'COMMVAULT');
const BDR = upstreamRef('bdr-test', 'backupdr');

describe('Commvault alert mappers', () => {
  it('maps GET /AlertRule items and reads an absent alertList as no rules', () => {
    const body = {
      myReceiveTotal: 12, myCreatedTotal: 3,
      alertList: [{ alert: { id: 7, name: 'Job Failed', GUID: 'A-B' }, alertCategory: { id: 1, name: 'Job Management' }, alertType: { id: 3, name: 'Data Protection' }, creator: { id: 1, name: 'admin' }, status: 0, notifType: 1, createdTime: 1700000000, description: '' }],
    };
    expect(toAlertRules(body, CV)).toEqual([{
      __typename: 'CommvaultAlertRule', id: toGlobalId('CommvaultAlertRule', 'cv-test', 7), upstream: CV, alertId: 7, name: 'Job Failed', guid: 'A-B',
      category: 'Job Management', type: 'Data Protection', creatorName: 'admin', createdAt: new Date(1700000000 * 1000), description: null,
    }]);
    expect(toAlertRules({ myReceiveTotal: 0 }, CV)).toEqual([]);
  });

  it('reads enabled from V4 definitions, in any key casing', () => {
    expect(toAlertDefinitions({ alertDefinitions: [{ id: 7, name: 'Job Failed', type: 'Data Protection', Enabled: false }, { id: 8, enabled: 'true' }] })).toEqual([
      { alertId: 7, name: 'Job Failed', type: 'Data Protection', enabled: false },
      { alertId: 8, name: null, type: null, enabled: true },
    ]);
  });

  it('maps triggered alerts: V4 severities, AUTO_PICK and unknown words as no severity, Unix-second times', () => {
    const body = {
      totalCount: 4, unreadCount: 1,
      alertsTriggered: [
        { id: 55, severity: 'CRITICAL', detectedCriterion: 'Job Failed', info: 'Job 1 failed', notes: '', type: 'Job Management - Data Protection', detectedTime: 1767314036 },
        { id: 56, severity: 'AUTO_PICK', detectedCriterion: 'Job Killed', detectedTime: 1767314000 },
        { id: 57, severity: 'warning', detectedCriterion: 'Low space' },
        { id: 58, severity: 'constructor' },
      ],
    };
    const alerts = toTriggeredAlerts(body, CV);
    expect(alerts[0]).toMatchObject({
      __typename: 'CommvaultTriggeredAlert', id: toGlobalId('CommvaultTriggeredAlert', 'cv-test', 55), alertId: 55, severity: EventSeverity.CRITICAL,
      severityText: 'CRITICAL', status: null, occurredAt: new Date(1767314036 * 1000), message: 'Job 1 failed', criterion: 'Job Failed', notes: null,
    });
    expect(alerts.map((a) => [a.severity, a.message])).toEqual([
      [EventSeverity.CRITICAL, 'Job 1 failed'],
      [null, 'Job Killed'],
      [EventSeverity.MINOR, 'Low space'],
      [null, null],
    ]);
    expect(toTriggeredAlerts({ totalCount: 0, unreadCount: 0 }, CV)).toEqual([]);
  });

  it('gives a CommServe event OPEN until acknowledged, and its description as message', () => {
    const [open, acked] = toEvents({ commservEvents: [{ id: 1, severity: 6, acknowledge: 0, description: 'x' }, { id: 2, severity: 0, acknowledge: 1 }] }, CV);
    expect([open!.status, open!.message, acked!.status]).toEqual([EventStatus.OPEN, 'x', EventStatus.ACKNOWLEDGED]);
  });
});

describe('console event and job mappers', () => {
  it('makes an event that must be cleared MAJOR, any other INFORMATION, and reads new/cleared as OPEN/CLEARED', () => {
    const failed = toEvent({ id: '9', eventdate: 1668601478000000, eventstatus: 'new', requiresclearing: true, errormessage: 'boom', messagetext: 'Job failed: boom' }, BDR);
    const notice = toEvent({ id: '10', eventstatus: 'cleared', requiresclearing: 'false', errormessage: 'only this' }, BDR);
    const odd = toEvent({ id: '11', eventstatus: 'acknowledged' }, BDR);
    expect(failed).toMatchObject({ severity: EventSeverity.MAJOR, status: EventStatus.OPEN, message: 'Job failed: boom', occurredAt: new Date(1668601478000) });
    expect(notice).toMatchObject({ severity: EventSeverity.INFORMATION, status: EventStatus.CLEARED, message: 'only this', occurredAt: null });
    expect(odd).toMatchObject({ severity: null, status: null });
  });

  it('reads a JobRest virtualsize as the job\'s sizeBytes, as a number or a string', () => {
    expect(toJob({ id: '1', virtualsize: 5 * 1024 ** 3 }, BDR)?.sizeBytes).toBe(5 * 1024 ** 3);
    expect(toJob({ id: '2', virtualsize: '1024' }, BDR)?.sizeBytes).toBe(1024);
    expect(toJob({ id: '3' }, BDR)?.sizeBytes).toBeNull();
  });
});

describe('eventMatches', () => {
  const at = new Date('2026-01-02T00:00:00Z');
  it('keeps an event in [after, before) of one of the severities; unknown severity or time never matches a condition on it', () => {
    expect(eventMatches({ severities: [EventSeverity.MAJOR], occurredAfter: at, occurredBefore: new Date(at.getTime() + 1) }, { occurredAt: at, severity: EventSeverity.MAJOR })).toBe(true);
    expect(eventMatches({ occurredBefore: at }, { occurredAt: at, severity: null })).toBe(false);
    expect(eventMatches({ severities: [EventSeverity.MAJOR] }, { occurredAt: at, severity: null })).toBe(false);
    expect(eventMatches({ occurredAfter: at }, { occurredAt: null, severity: EventSeverity.MAJOR })).toBe(false);
    expect(eventMatches({ severities: [] }, { occurredAt: null, severity: null })).toBe(true);
  });
});
