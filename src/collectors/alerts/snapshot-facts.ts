/** Snapshot entries from what the monitoring hooks answer, where that takes more than copying fields. */
import type { DdbFacts } from '../../monitoring/health.js';
import type { DdbStoreState } from './snapshot.js';

/**
 * A DDB store as the rules judge it, from `ddbHealth`'s facts: its slowest Q&I time (the store's own
 * figure or any partition's, whichever is worse) and online false when any partition is offline, true
 * only when every partition is known online, null otherwise.
 */
export function ddbStoreState(storeId: string, facts: DdbFacts): DdbStoreState {
  const partitions = facts.partitions ?? [];
  const qi = [facts.avgQiMicros, ...partitions.map((p) => p.avgQiMicros)].filter((n): n is number => n !== null);
  const online = partitions.some((p) => p.online === false) ? false : partitions.length > 0 && partitions.every((p) => p.online === true) ? true : null;
  return { storeId, name: facts.name, qiTimeMicros: qi.length === 0 ? null : Math.max(...qi), online };
}
