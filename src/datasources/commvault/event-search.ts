import { newestFirst, sliceOf, type InstancePage } from '../../paging/fan-out.js';
import { eventMatches, type EventConditions } from '../domain.js';
import type { CommvaultSource } from './commvault-source.js';
import type { CvEvent, CvTriggeredAlert } from './model.js';

/** One CommServe's part of the unified `events` list: its events and its triggered alerts. */
export type CommvaultEventRecord = CvEvent | CvTriggeredAlert;

const localId = (r: CommvaultEventRecord): number => (r.__typename === 'CommvaultEvent' ? r.eventId : r.alertId);

/**
 * The lists' order (fan-out's newestFirst: undated lead); ties events before alerts, then the higher
 * (later) id first, so pages are stable.
 */
export function newestEventFirst(a: CommvaultEventRecord, b: CommvaultEventRecord): number {
  if (newestFirst(a.occurredAt, b.occurredAt)) return -1;
  if (newestFirst(b.occurredAt, a.occurredAt)) return 1;
  if (a.__typename !== b.__typename) return a.__typename === 'CommvaultEvent' ? -1 : 1;
  return localId(b) - localId(a);
}

/**
 * One CommServe's stream of the unified `events` list: `GET /Events` (the time window and severities go
 * to the CommServe) and `GET /V4/TriggeredAlerts` (unpaged, filtered here), two calls per CommServe,
 * cached (`events` class), merged newest first and paged by the gateway.
 */
export function commvaultEventFetch(search: EventConditions): (source: CommvaultSource, offset: number, first: number) => Promise<InstancePage<CommvaultEventRecord>> {
  const severities = search.severities && search.severities.length > 0 ? search.severities : undefined;
  return async (source, offset, first) => {
    const [events, alerts] = await Promise.all([
      source.listEvents({ fromTime: search.occurredAfter ?? undefined, toTime: search.occurredBefore ?? undefined, severities }),
      source.listTriggeredAlerts(),
    ]);
    const all: CommvaultEventRecord[] = [...events, ...alerts].filter((e) => eventMatches(search, e)).sort(newestEventFirst);
    return sliceOf(all, offset, first);
  };
}
