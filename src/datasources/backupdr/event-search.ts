import type { InstancePage } from '../../paging/fan-out.js';
import { EventSeverity, type EventConditions } from '../domain.js';
import type { BackupDrSource } from './backupdr-source.js';
import { EVENT_ORDER, micros } from './list-specs.js';
import type { BdrEvent } from './model.js';
import type { FilterCondition } from './query-builder.js';

/**
 * The console conditions of a severity filter. A console event is MAJOR when it must be cleared and
 * INFORMATION otherwise (mappers/activity.ts), so the filter is `requiresclearing`: null when the
 * severities asked name neither (the console holds none of them).
 */
function severityConditions(severities: readonly EventSeverity[] | null | undefined): FilterCondition[] | null {
  if (!severities || severities.length === 0) return [];
  const major = severities.includes(EventSeverity.MAJOR);
  const info = severities.includes(EventSeverity.INFORMATION);
  if (major && info) return [];
  if (!major && !info) return null;
  return [{ field: 'requiresclearing', op: 'EQ', value: String(major) }];
}

/**
 * One console's stream of the unified `events` list: its `GET /event` list view, filtered (time window,
 * severity) and sorted newest first by the console, one page of `first + 1` per call (the extra says
 * whether more follow); the HEAD count only when `totalCount` is selected.
 */
export function consoleEventFetch(search: EventConditions, wantTotal: boolean): (source: BackupDrSource, offset: number, first: number) => Promise<InstancePage<BdrEvent>> {
  const bySeverity = severityConditions(search.severities);
  const window: FilterCondition[] = [];
  if (search.occurredAfter) window.push({ field: 'eventdate', op: 'GE', value: micros(search.occurredAfter) });
  if (search.occurredBefore) window.push({ field: 'eventdate', op: 'LE', value: String(search.occurredBefore.getTime() * 1000 - 1) });
  return async (source, offset, first) => {
    if (bySeverity === null) return { total: 0, items: [] };
    const spec = { conditions: [...bySeverity, ...window], defaultSort: EVENT_ORDER };
    const [page, total] = await Promise.all([
      source.list('event', { ...spec, offset, limit: first + 1 }),
      wantTotal ? source.count('event', spec) : Promise.resolve(undefined),
    ]);
    return { total: total ?? offset + page.items.length, items: page.items };
  };
}
