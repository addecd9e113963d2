import { toGlobalId } from '../../../util/global-id.js';
import { EventSeverity } from '../../domain.js';
import type { UpstreamRef } from '../../record.js';
import type { CvAlertDefinition, CvAlertRule, CvTriggeredAlert } from '../model.js';
import { bool, field, int, list, path, str, unixSeconds } from './read.js';

/**
 * `GET /AlertRule`: `{alertList: [{alert: {id, name, GUID}, alertCategory, alertType, creator, createdTime,
 * description}], myReceiveTotal, myCreatedTotal}`; `alertList` is absent when there are none.
 */
export function toAlertRules(body: unknown, upstream: UpstreamRef): CvAlertRule[] {
  const out: CvAlertRule[] = [];
  for (const r of list(field(body, 'alertList'))) {
    const alertId = int(path(r, 'alert', 'id'));
    if (alertId === null) continue;
    out.push({
      __typename: 'CommvaultAlertRule',
      id: toGlobalId('CommvaultAlertRule', upstream.id, alertId),
      upstream,
      alertId,
      name: str(path(r, 'alert', 'name')) ?? String(alertId),
      guid: str(path(r, 'alert', 'GUID')),
      category: str(path(r, 'alertCategory', 'name')),
      type: str(path(r, 'alertType', 'name')),
      creatorName: str(path(r, 'creator', 'name')),
      createdAt: unixSeconds(field(r, 'createdTime')),
      description: str(field(r, 'description')),
    });
  }
  return out;
}

/** `GET /V4/AlertDefinitions`: `{alertDefinitions: [{id, name, type, company, enabled}]}`. */
export function toAlertDefinitions(body: unknown): CvAlertDefinition[] {
  const out: CvAlertDefinition[] = [];
  for (const d of list(field(body, 'alertDefinitions'))) {
    const alertId = int(field(d, 'id'));
    if (alertId === null) continue;
    out.push({ alertId, name: str(field(d, 'name')), type: str(field(d, 'type')), enabled: bool(field(d, 'enabled')) });
  }
  return out;
}

/**
 * V4 severities. AUTO_PICK means the rule takes the severity of what triggered it, which the alert does
 * not carry: unknown (null), not a guess. V4 has no MINOR; a WARNING (as rules name level 2) is taken as MINOR.
 */
const SEVERITIES: Readonly<Record<string, EventSeverity>> = {
  CRITICAL: EventSeverity.CRITICAL,
  MAJOR: EventSeverity.MAJOR,
  WARNING: EventSeverity.MINOR,
  MINOR: EventSeverity.MINOR,
  INFORMATION: EventSeverity.INFORMATION,
  INFO: EventSeverity.INFORMATION,
};

function severityOf(text: string | null): EventSeverity | null {
  const key = text?.trim().toUpperCase();
  return key !== undefined && Object.hasOwn(SEVERITIES, key) ? (SEVERITIES[key] as EventSeverity) : null;
}

/**
 * `GET /V4/TriggeredAlerts`: `{totalCount, unreadCount, alertsTriggered: [{id, severity, detectedCriterion,
 * info, notes, type, detectedTime}]}` (Unix seconds; the list absent when empty). V4 says nothing of an
 * alert's read or cleared state per alert, so `status` is null.
 */
export function toTriggeredAlerts(body: unknown, upstream: UpstreamRef): CvTriggeredAlert[] {
  const out: CvTriggeredAlert[] = [];
  for (const a of list(field(body, 'alertsTriggered'))) {
    const alertId = int(field(a, 'id'));
    if (alertId === null) continue;
    const severityText = str(field(a, 'severity'));
    const criterion = str(field(a, 'detectedCriterion'));
    const info = str(field(a, 'info'));
    out.push({
      __typename: 'CommvaultTriggeredAlert',
      id: toGlobalId('CommvaultTriggeredAlert', upstream.id, alertId),
      upstream,
      alertId,
      severityText,
      severity: severityOf(severityText),
      status: null,
      occurredAt: unixSeconds(field(a, 'detectedTime')),
      message: info ?? criterion,
      criterion,
      info,
      notes: str(field(a, 'notes')),
      type: str(field(a, 'type')),
    });
  }
  return out;
}
