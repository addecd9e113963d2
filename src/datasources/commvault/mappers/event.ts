import { toGlobalId } from '../../../util/global-id.js';
import type { UpstreamRef } from '../../record.js';
import { EventSeverity, EventStatus } from '../../domain.js';
import type { CvEvent } from '../model.js';
import { bool, field, int, list, str, unixSeconds } from './read.js';

/** Commvault event severities: 0 Information, 3 Minor, 6 Major, 9 Critical (values between round down). */
export function toEventSeverity(raw: unknown): EventSeverity {
  const n = int(raw) ?? 0;
  if (n >= 9) return EventSeverity.CRITICAL;
  if (n >= 6) return EventSeverity.MAJOR;
  if (n >= 3) return EventSeverity.MINOR;
  return EventSeverity.INFORMATION;
}

/** `acknowledge` is 0 until someone acknowledges the event. */
function toEventStatus(raw: unknown): EventStatus | null {
  const n = int(raw);
  if (n === null) return null;
  return n === 0 ? EventStatus.OPEN : EventStatus.ACKNOWLEDGED;
}

/** `GET /Events` and `GET /Events/{id}`: `{commservEvents: [...]}` (absent when there are none; `eventCode` a string). */
export function toEvents(body: unknown, upstream: UpstreamRef): CvEvent[] {
  const out: CvEvent[] = [];
  for (const e of list(field(body, 'commservEvents'))) {
    const eventId = int(field(e, 'id'));
    if (eventId === null) continue;
    const client = field(e, 'clientEntity');
    const jobId = int(field(e, 'jobId'));
    const clientId = int(field(client, 'clientId'));
    const description = str(field(e, 'description'));
    out.push({
      __typename: 'CommvaultEvent',
      id: toGlobalId('CommvaultEvent', upstream.id, eventId),
      upstream,
      eventId,
      severity: toEventSeverity(field(e, 'severity')),
      code: str(field(e, 'eventCode')),
      codeString: str(field(e, 'eventCodeString')),
      subsystem: str(field(e, 'subsystem')),
      description,
      message: description,
      status: toEventStatus(field(e, 'acknowledge')),
      occurredAt: unixSeconds(field(e, 'timeSource')),
      jobId: jobId !== null && jobId > 0 ? jobId : null,
      clientId: clientId !== null && clientId > 0 ? clientId : null,
      clientName: str(field(client, 'clientName')) ?? str(field(client, 'displayName')),
      acknowledged: bool(field(e, 'acknowledge')),
    });
  }
  return out;
}
